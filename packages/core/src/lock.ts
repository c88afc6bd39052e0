/**
 * The data of `guix-ts.lock` (what Nix's flake.lock is for Nix): for each git source given a branch
 * or tag (or no hash), the commit it resolved to and its hash; for each channel given a branch, the
 * commit. Validation reads it, so a manifest prints the same bytes everywhere until the lock is
 * updated. Reading, writing and updating it, which need files and git, are `@guix-ts/pinning`'s.
 */
import { deepFreeze } from "./deep-freeze.js";
import {
  isScheme,
  type Bindings,
  type ChannelIntroduction,
  type GitReference,
  type Origin,
  type Package,
} from "./values.js";
import { isExpression } from "./expressions.js";
import type { Node } from "@guix-ts/scheme-printer";

/** A pinned git source: what was asked for, and the commit and hash it resolved to. */
export interface SourceLock {
  readonly url: string;
  /** The branch or tag followed, or the commit asked for. */
  readonly ref: string;
  readonly recursive: boolean;
  readonly commit: string;
  readonly sha256: string;
  readonly lastModified: number;
  /** The packages whose source this is (for `guix-ts lock --update NAME` and messages). */
  readonly packages: readonly string[];
}

/** A pinned channel: its branch and the commit it resolved to. */
export interface ChannelLock {
  readonly url: string;
  readonly branch: string;
  readonly commit: string;
  readonly introduction?: ChannelIntroduction | undefined;
}

/** The whole lock file (`guix-ts.lock`), version 2. */
export interface LockFile {
  readonly version: 2;
  /** By what identifies a source: {@link sourceKey} of its URL, ref and recursion. */
  readonly sources: Readonly<Record<string, SourceLock>>;
  /** By channel name. */
  readonly channels: Readonly<Record<string, ChannelLock>>;
}

/**
 * A lock with nothing pinned.
 *
 * @example manifestFileE({ manifest, lock: EMPTY_LOCK }) // as without a lock
 */
export const EMPTY_LOCK: LockFile = deepFreeze({ version: 2, sources: {}, channels: {} });

/**
 * The key of a source in the lock: its URL and ref (and `#recursive` with submodules), so two
 * packages of the same name from two repositories are two entries, and one source used by two
 * packages is one.
 *
 * @example sourceKey("https://git.sr.ht/~qeef/damn-server", "master", false) // "https://git.sr.ht/~qeef/damn-server#master"
 */
export function sourceKey(url: string, ref: string, recursive: boolean): string {
  return `${url}#${ref}${recursive ? "#recursive" : ""}`;
}

/** A package or a variant, as far as its source's pin goes. */
export type SourceHolder = {
  readonly source?: Package["source"];
  readonly name?: string | undefined;
  /** The version; only text names a tag to follow. */
  readonly version?: unknown;
  readonly homePage?: string | undefined;
  readonly bindings?: Bindings | undefined;
};

/** What a git source asks the lock for. */
export interface SourcePin {
  /** The entry's key in {@link LockFile.sources}. */
  readonly key: string;
  /** The package's name. */
  readonly name: string;
  readonly url: string;
  readonly ref: string;
  /** The ref is a full commit id: it cannot move. */
  readonly fixed: boolean;
  readonly recursive: boolean;
}

/**
 * The pin a package's git source needs, if any: one without a hash or without a commit. A source
 * whose commit is the package's `version` variable follows the ref named by the version.
 *
 * @example sourcePin(pkg({ name: "app", ..., source: gitFetch({ url, ref: "main" }) })) // { key: `${url}#main`, name: "app", ... }
 */
export function sourcePin(p: SourceHolder): SourcePin | undefined {
  const source = p.source;
  // Whatever is not a git origin (a string where an origin belongs, too: validation says so) has no pin.
  const method = typeof source === "object" && source !== null && !isScheme(source) ? source.method : undefined;
  if (typeof method !== "object" || method === null || method.name !== "git-fetch") return undefined;
  const origin = source as Origin;
  const uri = origin.uri as GitReference;
  if (uri.commit !== undefined && origin.sha256 !== undefined) return undefined;
  const recursive = uri.recursive ?? false;
  // `(commit commit)` with `(let ((commit "0123...")) ...)` around the package: the commit bound.
  const bound =
    isScheme(uri.commit) && uri.commit.kind === "symbol"
      ? p.bindings?.find(([name]) => name === (uri.commit as { name: string }).name)?.[1]
      : undefined;
  const commit = typeof bound === "string" ? bound : uri.commit;
  const fromVersion = typeof p.version === "string" ? tagOf(commit, p.version) : undefined;
  const ref = typeof commit === "string" ? commit : (uri.ref ?? fromVersion ?? "HEAD");
  const fixed = typeof commit === "string" && /^[0-9a-f]{40}$/.test(commit);
  // `(url home-page)`: the package's home page is the repository.
  const url = typeof uri.url === "string" ? uri.url : isHomePage(uri.url) ? p.homePage : undefined;
  if (url === undefined) return undefined;
  return { key: sourceKey(url, ref, recursive), name: p.name ?? "", url, ref, recursive, fixed };
}

const isHomePage = (node: Node): boolean => node.kind === "symbol" && node.name === "home-page";

/**
 * The tag a commit computed from the version names: `version` itself, or `(string-append "v" version)`
 * and the like; undefined for any other code.
 */
function tagOf(commit: GitReference["commit"], version: string): string | undefined {
  const node = isExpression(commit) ? commit.node : isScheme(commit) ? commit : undefined;
  const part = (n: Node): string | undefined =>
    n.kind === "string" ? n.value : n.kind === "symbol" && n.name === "version" ? version : undefined;
  if (node === undefined) return undefined;
  if (node.kind !== "list" || node.items[0]?.kind !== "symbol" || node.items[0].name !== "string-append")
    return part(node);
  const parts = node.items.slice(1).map(part);
  return parts.every((p) => p !== undefined) ? parts.join("") : undefined;
}

/** The origin with the commit and hash the lock holds for it; the origin as it is when it holds none. */
export function pinnedOrigin(p: SourceHolder, origin: Origin, lock: LockFile | undefined): Origin {
  const pin = lock === undefined ? undefined : sourcePin(p);
  const entry = pin === undefined ? undefined : lock!.sources[pin.key];
  if (entry === undefined) return origin;
  // A commit bound around the package (`(commit commit)`) is already the one pinned: it stays written so.
  const commit = (origin.uri as GitReference).commit;
  const bound = isScheme(commit) && commit.kind === "symbol" && commit.name !== "version";
  return {
    ...origin,
    uri: { ...(origin.uri as GitReference), commit: bound ? commit : entry.commit },
    sha256: origin.sha256 ?? entry.sha256,
  };
}
