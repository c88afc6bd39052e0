/**
 * `guix-ts.lock` on disk: reading it, writing it, and bringing it up to date with the manifest and
 * channels of a build script (resolving branches and tags with the real `git`). Its data, and how
 * validation applies it, are `@guix-ts/core`'s.
 */
import { readFile } from "node:fs/promises";
import {
  EMPTY_LOCK,
  base32Problem,
  deepFreeze,
  didYouMean,
  packagesOf,
  sourceKey,
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

interface SourceRequest extends Omit<SourcePin, "name"> {
  /** The packages that use this source. */
  readonly packages: readonly string[];
}

interface ChannelRequest {
  /** The entry's key in {@link LockFile.channels}: the channel's name. */
  readonly key: string;
  readonly url: string;
  readonly branch: string;
  readonly introduction?: ChannelIntroduction | undefined;
}

/** The git sources (one per URL and ref, with every package using it) and channels to pin. */
function requests(
  manifest: Manifest | undefined,
  channels: readonly Channel[] | undefined,
): { sources: SourceRequest[]; channels: ChannelRequest[] } {
  const sources = new Map<string, SourceRequest>();
  for (const p of manifest === undefined ? [] : packagesOf(manifest)) {
    const pin: SourcePin | undefined = sourcePin(p);
    if (pin === undefined) continue;
    const { name, ...source } = pin;
    const known = sources.get(pin.key);
    sources.set(pin.key, { ...source, packages: [...(known?.packages ?? []), name] });
  }
  return {
    sources: [...sources.values()],
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
  /** What to resolve again, by package name, channel name or source key; `true` for every entry. */
  readonly update?: readonly string[] | true;
  /** Change nothing: fail if an entry is missing, asks for other inputs, or its ref has moved. */
  readonly frozen?: boolean;
  /** Where git sources are fetched and hashed (tests and mirrors may replace it). */
  readonly prefetch?: (options: PrefetchGitOptions) => Promise<PrefetchedGit>;
  /** Called for each entry made or changed. */
  readonly onChange?: (what: string) => void;
}

/** A source as messages name it: its packages. */
const label = (req: SourceRequest): string => req.packages.join(", ");

/**
 * The lock for a manifest and channels: entries kept where still right,
 * made where missing, resolved again where asked. In frozen mode, a
 * {@link LockError} lists every entry that would change instead. A name to
 * update that is neither a package, a channel nor a source is a LockError
 * (with the closest known name).
 *
 * @example const lock = await updateLock({ manifest, channels, lock: await readLock("guix-ts.lock") });
 */
export async function updateLock(options: LockOptions): Promise<LockFile> {
  const old = options.lock ?? EMPTY_LOCK;
  const wanted = requests(options.manifest, options.channels);
  const names = new Set([
    ...wanted.sources.flatMap((r) => [...r.packages, r.key]),
    ...wanted.channels.map((r) => r.key),
  ]);
  const unknown = options.update === true ? [] : (options.update ?? []).filter((name) => !names.has(name));
  if (unknown.length > 0)
    throw new LockError(
      unknown.map(
        (name) =>
          `nothing named ${name} to update: no package with a git source, and no channel${didYouMean(name, names)}`,
      ),
    );
  const update = options.update ?? [];
  const refresh = (...keys: string[]): boolean => update === true || keys.some((key) => update.includes(key));
  const prefetch = options.prefetch ?? prefetchGit;
  const problems: string[] = [];
  const sources: Record<string, SourceLock> = {};
  const channels: Record<string, ChannelLock> = {};

  for (const req of wanted.sources) {
    const entry = old.sources[req.key];
    // The entry this source's packages had before, if it followed another URL or ref.
    const before =
      entry ?? Object.values(old.sources).find((e) => e.packages.some((name) => req.packages.includes(name)));
    const rerun = `run \`guix-ts lock --update ${req.packages[0]}\``;
    if (options.frozen) {
      if (entry === undefined)
        problems.push(
          before === undefined
            ? `source ${label(req)}: no entry in the lock file; run \`guix-ts lock\``
            : `source ${label(req)}: the lock has ${before.url} ${before.ref}, the manifest asks for ${req.url} ${req.ref}; ${rerun}`,
        );
      else if (!req.fixed) {
        const now = await lsRemote(req.url, req.ref);
        if (now !== entry.commit)
          problems.push(
            `source ${label(req)}: ${req.ref} of ${req.url} is now at ${now ?? "nothing"}, the lock has ${entry.commit}; ${rerun}`,
          );
        else sources[req.key] = { ...entry, packages: req.packages };
      } else sources[req.key] = { ...entry, packages: req.packages };
      continue;
    }
    if (entry !== undefined && !refresh(req.key, ...req.packages)) {
      sources[req.key] = { ...entry, packages: req.packages };
      continue;
    }
    const fetched = await prefetch(
      req.fixed
        ? { url: req.url, commit: req.ref, recursive: req.recursive }
        : { url: req.url, ...(req.ref === "HEAD" ? {} : { ref: req.ref }), recursive: req.recursive },
    );
    sources[req.key] = { url: req.url, ref: req.ref, recursive: req.recursive, ...fetched, packages: req.packages };
    if (before?.commit !== fetched.commit || before.sha256 !== fetched.sha256)
      options.onChange?.(`source ${label(req)}: ${req.ref} -> ${fetched.commit} (${fetched.sha256})`);
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
  return deepFreeze({ version: 2, sources, channels });
}

// ---------------------------------------------------------------------------
// reading and writing

/** The lock as text: JSON, keys in a stable order, one trailing newline. */
function lockText(lock: LockFile): string {
  return `${JSON.stringify(withSortedKeys(lock), null, 2)}\n`;
}

const COMMIT = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The problems of a lock's data, each `PATH: what is wrong`; a version 1 lock (keyed by name) is read too. */
function lockProblems(data: unknown): { problems: string[]; lock?: LockFile } {
  if (!isRecord(data)) return { problems: ["expected a JSON object"] };
  const problems: string[] = [];
  if (data.version !== 1 && data.version !== 2)
    problems.push(`version: ${JSON.stringify(data.version)}: expected 2 (or 1, which is read and rewritten as 2)`);
  if (!isRecord(data.sources)) problems.push(`sources: ${JSON.stringify(data.sources)}: expected an object`);
  if (!isRecord(data.channels)) problems.push(`channels: ${JSON.stringify(data.channels)}: expected an object`);
  if (problems.length > 0) return { problems };
  const text = (v: unknown): v is string => typeof v === "string" && v !== "";
  const sources: Record<string, SourceLock> = {};
  for (const [key, entry] of Object.entries(data.sources as Record<string, unknown>)) {
    const at = `sources[${JSON.stringify(key)}]`;
    if (!isRecord(entry)) {
      problems.push(`${at}: ${JSON.stringify(entry)}: expected an object with url, ref, commit and sha256`);
      continue;
    }
    const wrong = [
      text(entry.url) ? undefined : "url",
      text(entry.ref) ? undefined : "ref",
      typeof entry.recursive === "boolean" ? undefined : "recursive",
      typeof entry.commit === "string" && COMMIT.test(entry.commit) ? undefined : "commit (40 hex digits)",
      base32Problem(entry.sha256) === null ? undefined : "sha256 (52 nix-base32 characters)",
    ].filter((w) => w !== undefined);
    if (wrong.length > 0) {
      problems.push(`${at}: expected ${wrong.join(", ")}`);
      continue;
    }
    const packages = data.version === 1 ? [key] : Array.isArray(entry.packages) ? entry.packages.filter(text) : [];
    const recursive = entry.recursive as boolean;
    const lastModified = typeof entry.lastModified === "number" ? entry.lastModified : 0;
    const fields = { url: entry.url as string, ref: entry.ref as string, recursive, commit: entry.commit as string };
    sources[sourceKey(fields.url, fields.ref, recursive)] = {
      ...fields,
      sha256: entry.sha256 as string,
      lastModified,
      packages,
    };
  }
  const channels: Record<string, ChannelLock> = {};
  for (const [name, entry] of Object.entries(data.channels as Record<string, unknown>)) {
    const at = `channels[${JSON.stringify(name)}]`;
    if (
      !isRecord(entry) ||
      !text(entry.url) ||
      !text(entry.branch) ||
      !(typeof entry.commit === "string" && COMMIT.test(entry.commit))
    ) {
      problems.push(`${at}: expected an object with url, branch and commit (40 hex digits)`);
      continue;
    }
    channels[name] = entry as unknown as ChannelLock;
  }
  return problems.length > 0 ? { problems } : { problems, lock: deepFreeze({ version: 2, sources, channels }) };
}

/**
 * Read a lock file; a missing file is an empty lock. Throws {@link LockError} (naming the file and
 * where in it) for one that is not a lock: not JSON, a folder, an entry that is not an entry.
 *
 * @example await writeFile("manifest.scm", manifestFileE({ manifest, lock: await readLock("guix-ts.lock") }))
 */
export async function readLock(path: string | URL): Promise<LockFile> {
  const name = String(path);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return EMPTY_LOCK;
    throw new LockError([
      `${name}: ${code === "EISDIR" ? "is a folder, not a lock file" : `cannot be read (${code})`}`,
    ]);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new LockError([`${name}: not JSON: ${(error as Error).message}`]);
  }
  const { problems, lock } = lockProblems(data);
  if (lock === undefined) throw new LockError(problems.map((p) => `${name}: ${p}`));
  return lock;
}

/**
 * Write a lock file atomically: JSON with sorted keys, so it changes only where the pins change.
 *
 * @example await writeLock("guix-ts.lock", await updateLock({ manifest }))
 */
export async function writeLock(path: string, lock: LockFile): Promise<void> {
  await writeFileAtomic(path, lockText(lock));
}
