/**
 * Git with the real `git`: what a branch or tag points to now (`lsRemote`), and a checkout's
 * commit and NAR hash without `.git`, as Guix's `git-fetch` computes it (`prefetchGit`). Values from
 * users follow `--` or `--end-of-options`, so none is read as an option. The temporary folder goes
 * on every exit path.
 */
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { validateUrl } from "@guix-ts/core";
import { ProcessError, run } from "@guix-ts/process";
import { narHash } from "./nar.js";

/** What `prefetchGit()` takes: a URL and a ref or commit. */
export interface PrefetchGitOptions {
  readonly url: string;
  /** A branch or tag; the remote's HEAD when neither it nor `commit` is given. */
  readonly ref?: string | undefined;
  /** A commit id (full or abbreviated); wins over `ref`. */
  readonly commit?: string | undefined;
  /** Fetch submodules too, as `(recursive? #t)`. */
  readonly recursive?: boolean | undefined;
  readonly signal?: AbortSignal | undefined;
}

/** A git source resolved: its commit, the NAR hash of its checkout, its time. */
export interface PrefetchedGit {
  /** The full commit id. */
  readonly commit: string;
  /** NAR sha256 of the checkout without `.git`, in nix-base32. */
  readonly sha256: string;
  /** The commit's time, in seconds since the epoch. */
  readonly lastModified: number;
}

/**
 * A git source that cannot be resolved or fetched: the URL, why, and what git said.
 *
 * @example catch (e) { if (e instanceof GitPrefetchError) console.error(e.url, e.reason) }
 */
export class GitPrefetchError extends Error {
  override readonly name = "GitPrefetchError";
  constructor(
    readonly url: string,
    readonly reason: string,
    readonly stderr = "",
  ) {
    super(`${url}: ${reason}${stderr.trim() ? `\n${stderr.trim()}` : ""}`);
  }
}

// No prompt for credentials; only these transports, whatever a repository (or its submodules) asks for.
const GIT_ENV = { GIT_TERMINAL_PROMPT: "0", LC_ALL: "C", GIT_ALLOW_PROTOCOL: "file:git:http:https:ssh" };

/** Refuse, before git sees it, a URL that is not one Guix may fetch (so never an option or a command). */
function checkUrl(url: string): void {
  const checked = validateUrl(url, "url");
  if (E.isLeft(checked)) throw new GitPrefetchError(String(url), `not a URL to fetch: ${checked.left[0]!.message}`);
}

/** `git ARGS...` for `url`; a failure becomes a {@link GitPrefetchError} saying which step failed. */
async function git(url: string, args: readonly string[], options: { cwd?: string; signal?: AbortSignal } = {}) {
  try {
    const stdout = await run("git", ["-c", "protocol.file.allow=always", "-c", "advice.detachedHead=false", ...args], {
      ...options,
      env: GIT_ENV,
    });
    return stdout.trim();
  } catch (error) {
    if (!(error instanceof ProcessError)) throw error;
    if (error.reason === "aborted") throw new GitPrefetchError(url, "cancelled");
    if (error.reason === "not-found") throw new GitPrefetchError(url, "git is not installed (apt-get install git)");
    throw new GitPrefetchError(url, `git ${args[0]} failed`, error.stderrTail);
  }
}

/**
 * The commit a branch or tag of `url` points to now (tags peeled), or null.
 *
 * @example await lsRemote("https://git.savannah.gnu.org/git/guix.git", "master") // "4fd32c00ab..."
 */
export async function lsRemote(url: string, ref: string): Promise<string | null> {
  checkUrl(url);
  const refs = ref === "HEAD" ? ["HEAD"] : [`refs/heads/${ref}`, `refs/tags/${ref}`, `refs/tags/${ref}^{}`];
  const stdout = await git(url, ["ls-remote", "--", url, ...refs]);
  const lines = stdout
    .split("\n")
    .filter(Boolean)
    .map((l) => l.split("\t") as [string, string]);
  const pick = (name: string): string | undefined => lines.find(([, r]) => r === name)?.[0];
  return pick(`refs/tags/${ref}^{}`) ?? pick(`refs/heads/${ref}`) ?? pick(`refs/tags/${ref}`) ?? pick("HEAD") ?? null;
}

/** Remove every `.git` folder or file (submodules have `.git` files), as `git-fetch` does. */
async function removeGitMetadata(dir: string): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.name === ".git") await rm(path, { recursive: true, force: true });
    else if (entry.isDirectory()) await removeGitMetadata(path);
  }
}

/**
 * Clone `url`, check out the commit asked for, and hash the checkout.
 *
 * @example await prefetchGit({ url: "https://git.sr.ht/~qeef/damn-server", ref: "master" })
 * // { commit: "…40 hex…", sha256: "…52 nix-base32…", lastModified: 1700000000 }
 */
export async function prefetchGit(options: PrefetchGitOptions): Promise<PrefetchedGit> {
  const { url } = options;
  checkUrl(url);
  const dir = await mkdtemp(join(tmpdir(), "guix-ts-git-")).catch((error: NodeJS.ErrnoException) => {
    throw new GitPrefetchError(
      url,
      `cannot make a folder in ${tmpdir()} (${error.code}): set TMPDIR to a writable folder`,
    );
  });
  const repo = join(dir, "checkout");
  const inRepo = (args: readonly string[]): Promise<string> =>
    git(url, args, { cwd: repo, ...(options.signal ? { signal: options.signal } : {}) });
  try {
    await git(url, ["init", "--quiet", "--", repo], { cwd: dir });
    await inRepo(["remote", "add", "--", "origin", url]);
    await inRepo(["fetch", "--quiet", "--tags", "origin", "+refs/heads/*:refs/remotes/origin/*"]);
    const commit = await resolveCommit(options, inRepo);
    await inRepo(["checkout", "--quiet", "--detach", commit]);
    if (options.recursive) await inRepo(["submodule", "update", "--quiet", "--init", "--recursive"]);
    const lastModified = Number(await inRepo(["log", "-1", "--format=%ct", commit]));
    await removeGitMetadata(repo);
    return { commit, sha256: await narHash(repo), lastModified };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function resolveCommit(options: PrefetchGitOptions, git: (args: string[]) => Promise<string>): Promise<string> {
  const verify = (rev: string): Promise<string | null> =>
    git(["rev-parse", "--verify", "--quiet", "--end-of-options", `${rev}^{commit}`]).catch(() => null);
  if (options.commit !== undefined) {
    const found = /^[0-9a-f]{4,64}$/i.test(options.commit) ? await verify(options.commit) : null;
    if (found === null)
      throw new GitPrefetchError(options.url, `commit ${options.commit} does not exist in the repository`);
    return found;
  }
  if (options.ref !== undefined) {
    const ref = options.ref.replace(/^refs\/(heads|tags)\//, "");
    const found = (await verify(`refs/remotes/origin/${ref}`)) ?? (await verify(`refs/tags/${ref}`));
    if (found === null) throw new GitPrefetchError(options.url, `no branch or tag named ${options.ref}`);
    return found;
  }
  const head = (await git(["ls-remote", "--", "origin", "HEAD"])).split(/\s/)[0];
  if (!head) throw new GitPrefetchError(options.url, "the repository has no HEAD; give a ref or a commit");
  return head;
}
