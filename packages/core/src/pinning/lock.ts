/**
 * `guix-ts.lock`: what Nix's flake.lock does, for Guix. For each git source
 * given a branch or tag (or no hash) the commit it resolved to and its hash;
 * for each channel given a branch, the commit. Builders read it, so a
 * manifest prints the same bytes on every machine until the lock is updated.
 */
import { readFile } from "node:fs/promises";
import { execa } from "execa";
import { writeFileAtomic } from "../files/atomic-write.js";
import { withSortedKeys } from "../files/sorted-keys.js";
import {
  deepFreeze,
  isScheme,
  type Channel,
  type ChannelIntroduction,
  type Manifest,
  type Origin,
  type Package,
  type PackageInput,
  type PackageRef,
} from "../values.js";
import { packagesInDependencyOrder } from "../walk.js";
import { GitPrefetchError, prefetchGit, type PrefetchGitOptions, type PrefetchedGit } from "./git.js";

export interface SourceLock {
  readonly url: string;
  /** The branch or tag followed, or the commit asked for. */
  readonly ref: string;
  readonly recursive: boolean;
  readonly commit: string;
  readonly sha256: string;
  readonly lastModified: number;
}

export interface ChannelLock {
  readonly url: string;
  readonly branch: string;
  readonly commit: string;
  readonly introduction?: ChannelIntroduction | undefined;
}

export interface LockFile {
  readonly version: 1;
  /** By package name. */
  readonly sources: Readonly<Record<string, SourceLock>>;
  /** By channel name. */
  readonly channels: Readonly<Record<string, ChannelLock>>;
}

export const EMPTY_LOCK: LockFile = deepFreeze({ version: 1, sources: {}, channels: {} });

export class LockError extends Error {
  override readonly name = "LockError";
  constructor(readonly problems: readonly string[]) {
    super(problems.join("\n"));
  }
}

// ---------------------------------------------------------------------------
// what needs pinning

interface SourceRequest {
  readonly name: string;
  readonly url: string;
  readonly ref: string;
  /** The ref is a commit id asked for: it cannot move. */
  readonly fixed: boolean;
  readonly recursive: boolean;
}

interface ChannelRequest {
  readonly name: string;
  readonly url: string;
  readonly branch: string;
  readonly introduction?: ChannelIntroduction | undefined;
}

/** The git source of `p` that the lock pins, if any: no hash, or no commit. */
function sourceRequest(p: Package): SourceRequest | undefined {
  const source = p.source;
  if (source === undefined || isScheme(source) || source.method.name !== "git-fetch") return undefined;
  const uri = source.uri as Extract<Origin["uri"], { kind: "git-reference" }>;
  if (uri.commit !== undefined && source.sha256 !== undefined) return undefined;
  const recursive = uri.recursive ?? false;
  if (typeof uri.commit === "string")
    return { name: p.name, url: uri.url, ref: uri.commit, fixed: /^[0-9a-f]{40}$/.test(uri.commit), recursive };
  // `(commit version)`: the version names the ref.
  const ref =
    uri.ref ??
    (uri.commit !== undefined && isScheme(uri.commit) && uri.commit.kind === "symbol" && uri.commit.name === "version"
      ? p.version
      : "HEAD");
  return { name: p.name, url: uri.url, ref, fixed: false, recursive };
}

function requests(
  manifest: Manifest | undefined,
  channels: readonly Channel[] | undefined,
): { sources: SourceRequest[]; channels: ChannelRequest[] } {
  return {
    sources: manifest === undefined ? [] : packagesInDependencyOrder(manifest).flatMap((p) => sourceRequest(p) ?? []),
    channels: (channels ?? [])
      .filter((c) => c.commit === undefined)
      .map((c) => ({ name: c.name, url: c.url, branch: c.branch ?? "master", introduction: c.introduction })),
  };
}

// ---------------------------------------------------------------------------
// resolving

/** The commit a branch or tag of `url` points to now (tags peeled), or null. */
export async function lsRemote(url: string, ref: string): Promise<string | null> {
  let stdout: string;
  try {
    ({ stdout } = await execa(
      "git",
      [
        "-c",
        "protocol.file.allow=always",
        "ls-remote",
        url,
        ref === "HEAD" ? "HEAD" : `refs/heads/${ref}`,
        `refs/tags/${ref}`,
        `refs/tags/${ref}^{}`,
      ],
      {
        env: { GIT_TERMINAL_PROMPT: "0" },
      },
    ));
  } catch (error) {
    throw new GitPrefetchError(url, "git ls-remote failed", String((error as { stderr?: unknown }).stderr ?? ""));
  }
  const lines = stdout
    .split("\n")
    .filter(Boolean)
    .map((l) => l.split("\t") as [string, string]);
  const pick = (name: string): string | undefined => lines.find(([, r]) => r === name)?.[0];
  return pick(`refs/tags/${ref}^{}`) ?? pick(`refs/heads/${ref}`) ?? pick(`refs/tags/${ref}`) ?? pick("HEAD") ?? null;
}

export interface LockOptions {
  readonly manifest?: Manifest;
  readonly channels?: readonly Channel[];
  /** The lock as it stands (from {@link readLock}). */
  readonly lock?: LockFile;
  /** Names (of packages or channels) to resolve again; `true` for every entry. */
  readonly update?: readonly string[] | true;
  /** Change nothing: fail if an entry is missing, asks for other inputs, or its ref has moved. */
  readonly frozen?: boolean;
  /** Where git sources are fetched and hashed (tests and mirrors may replace it). */
  readonly prefetch?: (options: PrefetchGitOptions) => Promise<PrefetchedGit>;
  /** Called for each entry made or changed. */
  readonly onChange?: (what: string) => void;
}

/**
 * The lock for a manifest and channels: entries kept where still right,
 * made where missing, resolved again where asked. In frozen mode, a
 * {@link LockError} lists every entry that would change instead.
 */
export async function updateLock(options: LockOptions): Promise<LockFile> {
  const old = options.lock ?? EMPTY_LOCK;
  const wanted = requests(options.manifest, options.channels);
  const refresh = (name: string): boolean => options.update === true || (options.update ?? []).includes(name);
  const prefetch = options.prefetch ?? prefetchGit;
  const problems: string[] = [];
  const sources: Record<string, SourceLock> = {};
  const channels: Record<string, ChannelLock> = {};

  for (const req of wanted.sources) {
    const entry = old.sources[req.name];
    const stale =
      entry !== undefined && (entry.url !== req.url || entry.ref !== req.ref || entry.recursive !== req.recursive);
    if (options.frozen) {
      if (entry === undefined) problems.push(`source ${req.name}: no entry in the lock file; run \`guix-ts lock\``);
      else if (stale)
        problems.push(
          `source ${req.name}: the lock has ${entry.url} ${entry.ref}, the manifest asks for ${req.url} ${req.ref}; run \`guix-ts lock --update ${req.name}\``,
        );
      else if (!req.fixed) {
        const now = await lsRemote(req.url, req.ref);
        if (now !== entry.commit)
          problems.push(
            `source ${req.name}: ${req.ref} of ${req.url} is now at ${now ?? "nothing"}, the lock has ${entry.commit}; run \`guix-ts lock --update ${req.name}\``,
          );
        else sources[req.name] = entry;
      } else sources[req.name] = entry;
      continue;
    }
    if (entry !== undefined && !stale && !refresh(req.name)) {
      sources[req.name] = entry;
      continue;
    }
    const fetched = await prefetch(
      req.fixed
        ? { url: req.url, commit: req.ref, recursive: req.recursive }
        : { url: req.url, ...(req.ref === "HEAD" ? {} : { ref: req.ref }), recursive: req.recursive },
    );
    sources[req.name] = { url: req.url, ref: req.ref, recursive: req.recursive, ...fetched };
    if (entry?.commit !== fetched.commit || entry.sha256 !== fetched.sha256)
      options.onChange?.(`source ${req.name}: ${req.ref} -> ${fetched.commit} (${fetched.sha256})`);
  }

  for (const req of wanted.channels) {
    const entry = old.channels[req.name];
    const stale = entry !== undefined && (entry.url !== req.url || entry.branch !== req.branch);
    if (!options.frozen && entry !== undefined && !stale && !refresh(req.name)) {
      channels[req.name] = entry;
      continue;
    }
    if (options.frozen && entry === undefined) {
      problems.push(`channel ${req.name}: no entry in the lock file; run \`guix-ts lock\``);
      continue;
    }
    if (options.frozen && stale) {
      problems.push(
        `channel ${req.name}: the lock has ${entry!.url} ${entry!.branch}, the channels ask for ${req.url} ${req.branch}; run \`guix-ts lock --update ${req.name}\``,
      );
      continue;
    }
    const commit = await lsRemote(req.url, req.branch);
    if (commit === null) throw new GitPrefetchError(req.url, `no branch named ${req.branch}`);
    if (options.frozen && commit !== entry!.commit) {
      problems.push(
        `channel ${req.name}: ${req.branch} of ${req.url} is now at ${commit}, the lock has ${entry!.commit}; run \`guix-ts lock --update ${req.name}\``,
      );
      continue;
    }
    channels[req.name] = {
      url: req.url,
      branch: req.branch,
      commit,
      ...(req.introduction ? { introduction: req.introduction } : {}),
    };
    if (entry?.commit !== commit) options.onChange?.(`channel ${req.name}: ${req.branch} -> ${commit}`);
  }

  if (problems.length > 0) throw new LockError(problems);
  return deepFreeze({ version: 1, sources, channels });
}

// ---------------------------------------------------------------------------
// applying

/** The manifest with every locked source's commit and hash filled in; packages stay shared. */
export function applyLock(manifest: Manifest, lock: LockFile): Manifest {
  const done = new Map<Package, Package>();
  const pkg = (p: Package): Package => {
    const cached = done.get(p);
    if (cached) return cached;
    const entry = sourceRequest(p) && lock.sources[p.name];
    let source = p.source;
    if (entry && source !== undefined && !isScheme(source)) {
      const uri = source.uri as Extract<Origin["uri"], { kind: "git-reference" }>;
      source = { ...source, uri: { ...uri, commit: entry.commit }, sha256: source.sha256 ?? entry.sha256 };
    }
    const out = deepFreeze({
      ...p,
      source,
      inputs: p.inputs.map(input),
      nativeInputs: p.nativeInputs.map(input),
      propagatedInputs: p.propagatedInputs.map(input),
    });
    done.set(p, out);
    return out;
  };
  const ref = (r: PackageRef): PackageRef => {
    if (isScheme(r)) return r;
    if (r.kind === "package") return pkg(r);
    if (r.kind === "transformed") return deepFreeze({ ...r, package: ref(r.package) });
    return r;
  };
  const input = (i: PackageInput): PackageInput =>
    Array.isArray(i)
      ? deepFreeze([ref((i as readonly [PackageRef, string])[0]), (i as readonly [PackageRef, string])[1]] as const)
      : ref(i as PackageRef);
  const visit = (m: Manifest): Manifest => {
    if (isScheme(m)) return m;
    switch (m.kind) {
      case "packages-manifest":
        return deepFreeze({ ...m, packages: m.packages.map(input) });
      case "concatenated-manifest":
        return deepFreeze({ ...m, manifests: m.manifests.map(visit) });
      case "development-manifest":
        return deepFreeze({ ...m, package: ref(m.package) });
      default:
        return m;
    }
  };
  return visit(manifest);
}

/** The channels with every locked channel's commit filled in. */
export function applyLockToChannels(channels: readonly Channel[], lock: LockFile): Channel[] {
  return channels.map((c) => {
    const entry = c.commit === undefined ? lock.channels[c.name] : undefined;
    return entry ? deepFreeze({ ...c, commit: entry.commit }) : c;
  });
}

// ---------------------------------------------------------------------------
// reading and writing

/** The lock as text: JSON, keys in a stable order, one trailing newline. */
export function lockText(lock: LockFile): string {
  return `${JSON.stringify(withSortedKeys(lock), null, 2)}\n`;
}

/** Read a lock file; a missing file is an empty lock. Throws {@link LockError} for one that is not a lock. */
export async function readLock(path: string | URL): Promise<LockFile> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return EMPTY_LOCK;
    throw error;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new LockError([`${String(path)}: not JSON: ${(error as Error).message}`]);
  }
  const d = data as Partial<LockFile>;
  if (d?.version !== 1 || typeof d.sources !== "object" || typeof d.channels !== "object") {
    throw new LockError([`${String(path)}: not a guix-ts lock file (version 1, with sources and channels)`]);
  }
  return deepFreeze(d as LockFile);
}

/** Write a lock file atomically. */
export async function writeLock(path: string, lock: LockFile): Promise<void> {
  await writeFileAtomic(path, lockText(lock));
}
