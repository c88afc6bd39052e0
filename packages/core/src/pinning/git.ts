/**
 * Prefetching git sources with the real `git`: the commit a branch or tag
 * points to, and the NAR hash of its checkout without `.git`, as Guix's
 * `git-fetch` computes it. The temporary folder goes on every exit path.
 */
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa, type ExecaError } from "execa";
import { narHash } from "./nar.js";

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

export interface PrefetchedGit {
  /** The full commit id. */
  readonly commit: string;
  /** NAR sha256 of the checkout without `.git`, in nix-base32. */
  readonly sha256: string;
  /** The commit's time, in seconds since the epoch. */
  readonly lastModified: number;
}

export class GitPrefetchError extends Error {
  override readonly name = "GitPrefetchError";
  constructor(
    readonly url: string,
    readonly reason: string,
    readonly stderr = "",
  ) {
    super(`${url}: ${reason}${stderr ? `\n${stderr.trim()}` : ""}`);
  }
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
  const dir = await mkdtemp(join(tmpdir(), "guix-ts-git-"));
  const repo = join(dir, "checkout");
  const git = async (args: string[], cwd = repo): Promise<string> => {
    try {
      const result = await execa(
        "git",
        ["-c", "protocol.file.allow=always", "-c", "advice.detachedHead=false", ...args],
        {
          cwd,
          env: { GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" },
          ...(options.signal ? { cancelSignal: options.signal } : {}),
        },
      );
      return result.stdout.trim();
    } catch (error) {
      const e = error as ExecaError;
      if (e.isCanceled) throw new GitPrefetchError(url, "cancelled");
      if ((e as { code?: string }).code === "ENOENT")
        throw new GitPrefetchError(url, "git is not installed (apt-get install git)");
      throw new GitPrefetchError(url, `git ${args[0]} failed`, String(e.stderr ?? ""));
    }
  };
  try {
    await git(["init", "--quiet", repo], dir);
    await git(["remote", "add", "origin", url]);
    await git(["fetch", "--quiet", "--tags", "origin", "+refs/heads/*:refs/remotes/origin/*"]);
    const commit = await resolveCommit(options, git);
    await git(["checkout", "--quiet", "--detach", commit]);
    if (options.recursive) await git(["submodule", "update", "--quiet", "--init", "--recursive"]);
    const lastModified = Number(await git(["log", "-1", "--format=%ct", commit]));
    await removeGitMetadata(repo);
    return { commit, sha256: await narHash(repo), lastModified };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function resolveCommit(options: PrefetchGitOptions, git: (args: string[]) => Promise<string>): Promise<string> {
  const verify = (rev: string): Promise<string | null> =>
    git(["rev-parse", "--verify", "--quiet", `${rev}^{commit}`]).catch(() => null);
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
  const head = (await git(["ls-remote", "origin", "HEAD"])).split(/\s/)[0];
  if (!head) throw new GitPrefetchError(options.url, "the repository has no HEAD; give a ref or a commit");
  return head;
}
