/**
 * `guix-ts.lock` on disk: reading it, writing it, and bringing it up to date with the manifest and
 * channels of a build script (resolving branches and tags with the real `git`). Its data, and how
 * validation applies it, are `@guix-ts/core`'s.
 */
import { readFile } from "node:fs/promises";
import {
  EMPTY_LOCK,
  deepFreeze,
  packagesOf,
  sourcePin,
  withSortedKeys,
  writeFileAtomic,
  type Channel,
  type ChannelIntroduction,
  type ChannelLock,
  type LockFile,
  type Manifest,
  type SourceLock,
  type SourcePin,
} from "@guix-ts/core";
import { GitPrefetchError, lsRemote, prefetchGit, type PrefetchGitOptions, type PrefetchedGit } from "./git.js";

/**
 * The lock is not what the manifest asks for (frozen), or cannot be read: one line per problem.
 *
 * @example catch (e) { if (e instanceof LockError) e.problems.forEach((p) => console.error(p)) }
 */
export class LockError extends Error {
  override readonly name = "LockError";
  constructor(readonly problems: readonly string[]) {
    super(problems.join("\n"));
  }
}

// ---------------------------------------------------------------------------
// what needs pinning

interface ChannelRequest {
  /** The entry's key in {@link LockFile.channels}: the channel's name. */
  readonly key: string;
  readonly url: string;
  readonly branch: string;
  readonly introduction?: ChannelIntroduction | undefined;
}

/** The git sources and channels a manifest and channels ask the lock for. */
function requests(
  manifest: Manifest | undefined,
  channels: readonly Channel[] | undefined,
): { sources: SourcePin[]; channels: ChannelRequest[] } {
  return {
    sources: (manifest === undefined ? [] : packagesOf(manifest)).flatMap((p) => sourcePin(p) ?? []),
    channels: (channels ?? [])
      .filter((c) => c.commit === undefined)
      .map((c) => ({ key: c.name, url: c.url, branch: c.branch ?? "master", introduction: c.introduction })),
  };
}

// ---------------------------------------------------------------------------
// resolving

/** What `updateLock()` takes: the manifest and channels, the lock as it stands, what to update. */
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
 *
 * @example const lock = await updateLock({ manifest, channels, lock: await readLock("guix-ts.lock") });
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
    const entry = old.sources[req.key];
    const stale =
      entry !== undefined && (entry.url !== req.url || entry.ref !== req.ref || entry.recursive !== req.recursive);
    if (options.frozen) {
      if (entry === undefined) problems.push(`source ${req.key}: no entry in the lock file; run \`guix-ts lock\``);
      else if (stale)
        problems.push(
          `source ${req.key}: the lock has ${entry.url} ${entry.ref}, the manifest asks for ${req.url} ${req.ref}; run \`guix-ts lock --update ${req.key}\``,
        );
      else if (!req.fixed) {
        const now = await lsRemote(req.url, req.ref);
        if (now !== entry.commit)
          problems.push(
            `source ${req.key}: ${req.ref} of ${req.url} is now at ${now ?? "nothing"}, the lock has ${entry.commit}; run \`guix-ts lock --update ${req.key}\``,
          );
        else sources[req.key] = entry;
      } else sources[req.key] = entry;
      continue;
    }
    if (entry !== undefined && !stale && !refresh(req.key)) {
      sources[req.key] = entry;
      continue;
    }
    const fetched = await prefetch(
      req.fixed
        ? { url: req.url, commit: req.ref, recursive: req.recursive }
        : { url: req.url, ...(req.ref === "HEAD" ? {} : { ref: req.ref }), recursive: req.recursive },
    );
    sources[req.key] = { url: req.url, ref: req.ref, recursive: req.recursive, ...fetched };
    if (entry?.commit !== fetched.commit || entry.sha256 !== fetched.sha256)
      options.onChange?.(`source ${req.key}: ${req.ref} -> ${fetched.commit} (${fetched.sha256})`);
  }

  for (const req of wanted.channels) {
    const entry = old.channels[req.key];
    const stale = entry !== undefined && (entry.url !== req.url || entry.branch !== req.branch);
    if (!options.frozen && entry !== undefined && !stale && !refresh(req.key)) {
      channels[req.key] = entry;
      continue;
    }
    if (options.frozen && entry === undefined) {
      problems.push(`channel ${req.key}: no entry in the lock file; run \`guix-ts lock\``);
      continue;
    }
    if (options.frozen && stale) {
      problems.push(
        `channel ${req.key}: the lock has ${entry!.url} ${entry!.branch}, the channels ask for ${req.url} ${req.branch}; run \`guix-ts lock --update ${req.key}\``,
      );
      continue;
    }
    const commit = await lsRemote(req.url, req.branch);
    if (commit === null) throw new GitPrefetchError(req.url, `no branch named ${req.branch}`);
    if (options.frozen && commit !== entry!.commit) {
      problems.push(
        `channel ${req.key}: ${req.branch} of ${req.url} is now at ${commit}, the lock has ${entry!.commit}; run \`guix-ts lock --update ${req.key}\``,
      );
      continue;
    }
    channels[req.key] = {
      url: req.url,
      branch: req.branch,
      commit,
      ...(req.introduction ? { introduction: req.introduction } : {}),
    };
    if (entry?.commit !== commit) options.onChange?.(`channel ${req.key}: ${req.branch} -> ${commit}`);
  }

  if (problems.length > 0) throw new LockError(problems);
  return deepFreeze({ version: 1, sources, channels });
}

// ---------------------------------------------------------------------------
// reading and writing

/** The lock as text: JSON, keys in a stable order, one trailing newline. */
function lockText(lock: LockFile): string {
  return `${JSON.stringify(withSortedKeys(lock), null, 2)}\n`;
}

/**
 * Read a lock file; a missing file is an empty lock. Throws {@link LockError} for one that is not a lock.
 *
 * @example await writeFile("manifest.scm", manifestFileE({ manifest, lock: await readLock("guix-ts.lock") }))
 */
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

/**
 * Write a lock file atomically: JSON with sorted keys, so it changes only where the pins change.
 *
 * @example await writeLock("guix-ts.lock", await updateLock({ manifest }))
 */
export async function writeLock(path: string, lock: LockFile): Promise<void> {
  await writeFileAtomic(path, lockText(lock));
}
