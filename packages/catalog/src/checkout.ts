/**
 * A channel's tree at one commit, on disk for the static reading: from Guix's own checkout cache
 * (`~/.cache/guix/checkouts`) when it holds the commit, else from ours (`~/.cache/guix-ts/checkouts`),
 * fetched with git. Only the `.scm` files are written out, to a temporary folder the caller removes.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rename, rm } from "node:fs/promises";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { readDatums } from "@guix-ts/scheme-printer";
import { ProcessError, run } from "@guix-ts/process";
import { CatalogError } from "./read-tree.js";

/**
 * `$XDG_CACHE_HOME`, else `~/.cache`.
 *
 * @example join(cacheHome(), "guix-ts", "catalogs") // "/home/me/.cache/guix-ts/catalogs"
 */
export function cacheHome(): string {
  return process.env["XDG_CACHE_HOME"] || join(homedir(), ".cache");
}

const GIT_ENV = { GIT_TERMINAL_PROMPT: "0", GIT_CONFIG_NOSYSTEM: "1", LC_ALL: "C" };

/** `git --git-dir=DIR ARGS` (no DIR: `git ARGS`); a failure is a CatalogError naming the channel, the subcommand and what git said last. */
async function git(
  url: string,
  gitDir: string | undefined,
  args: readonly string[],
  options: { env?: Record<string, string>; signal?: AbortSignal; stdin?: string } = {},
): Promise<string> {
  const where = gitDir === undefined ? [] : [`--git-dir=${gitDir}`];
  try {
    return await run("git", ["-c", "protocol.file.allow=always", ...where, ...args], {
      env: { ...GIT_ENV, ...options.env },
      maxStdout: 256 * 1024 * 1024,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.stdin !== undefined ? { stdin: options.stdin } : {}),
    });
  } catch (error) {
    if (!(error instanceof ProcessError)) throw error;
    if (error.reason === "not-found") throw new CatalogError("git is not installed (apt-get install git)");
    if (error.reason === "aborted") throw new CatalogError(`${url}: cancelled`);
    const said = error.stderrTail.trim().split("\n").at(-1) ?? "";
    throw new CatalogError(`${url}: git ${args.find((a) => !a.startsWith("-"))} failed${said ? `: ${said}` : ""}`);
  }
}

/** Whether the repository at `dir` holds `commit`. */
function holds(url: string, dir: string, commit: string): Promise<boolean> {
  return git(url, dir, ["cat-file", "-e", "--end-of-options", `${commit}^{commit}`]).then(
    () => true,
    () => false,
  );
}

/** The git folder of a checkout Guix made (`guix pull`, `time-machine`) that holds `commit`. */
async function inGuixCache(url: string, commit: string): Promise<string | undefined> {
  const root = join(cacheHome(), "guix", "checkouts");
  if (!existsSync(root)) return undefined;
  for (const entry of readdirSync(root)) {
    const gitDir = existsSync(join(root, entry, ".git")) ? join(root, entry, ".git") : join(root, entry);
    if (await holds(url, gitDir, commit)) return gitDir;
  }
  return undefined;
}

/**
 * Our bare repository for `url`, with `commit` in it: fetched alone (shallow) when the server
 * allows it, else with every branch. Made under a temporary name and renamed, so a half-made one
 * is never found.
 */
async function fetched(url: string, commit: string, signal?: AbortSignal): Promise<string> {
  const root = join(cacheHome(), "guix-ts", "checkouts");
  const dir = join(root, createHash("sha256").update(url).digest("hex").slice(0, 24));
  const options = signal ? { signal } : {};
  if (!existsSync(dir)) {
    await mkdir(root, { recursive: true });
    const made = await mkdtemp(join(root, ".new-"));
    try {
      await git(url, undefined, ["init", "--quiet", "--bare", "--", made], options);
      await rename(made, dir);
    } catch (error) {
      await rm(made, { recursive: true, force: true });
      if (!existsSync(dir)) throw error; // another run made it meanwhile
    }
  }
  if (await holds(url, dir, commit)) return dir;
  const full = /^[0-9a-f]{40}$/.test(commit);
  const alone = full
    ? await git(url, dir, ["fetch", "--quiet", "--depth=1", "--", url, commit], options).then(
        () => true,
        () => false,
      )
    : false;
  if (!alone)
    await git(
      url,
      dir,
      ["fetch", "--quiet", "--", url, "+refs/heads/*:refs/heads/*", "+refs/tags/*:refs/tags/*"],
      options,
    );
  if (!(await holds(url, dir, commit))) throw new CatalogError(`${url}: commit ${commit} is not in the repository`);
  return dir;
}

/** A channel's tree at a commit: its `.scm` files in `dir`, the folder its modules live in, and how to remove it. */
export interface CheckedOutTree {
  readonly dir: string;
  /** The channel's `(directory "...")` from its `.guix-channel`, or "" */
  readonly moduleDir: string;
  /** The full commit. */
  readonly commit: string;
  /** Remove the temporary folder. */
  remove(): Promise<void>;
}

/**
 * The `.scm` files of `url` at `commit`, written to a temporary folder (git's own cache, Guix's or
 * ours, is not touched but for the fetch). Throws CatalogError, in one line, for no git, no
 * network, or a commit the repository does not hold.
 *
 * @example const tree = await checkOut("https://git.guix.gnu.org/guix.git", "4fd32c00ab..."); try { readTree(tree.dir) } finally { await tree.remove() }
 */
export async function checkOut(url: string, commit: string, signal?: AbortSignal): Promise<CheckedOutTree> {
  if (!/^[0-9a-f]{4,40}$/i.test(commit)) throw new CatalogError(`${url}: ${commit} is not a commit`);
  const options = signal ? { signal } : {};
  const gitDir = (await inGuixCache(url, commit)) ?? (await fetched(url, commit, signal));
  const full = (
    await git(url, gitDir, ["rev-parse", "--verify", "--end-of-options", `${commit}^{commit}`], options)
  ).trim();
  const dir = await mkdtemp(join(tmpdir(), "guix-ts-catalog-"));
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    // An index of our own: the repository's (Guix's checkout has one) is left as it is.
    const env = { GIT_INDEX_FILE: join(dir, ".index") };
    await git(url, gitDir, ["read-tree", full], { ...options, env });
    const files = await git(url, gitDir, ["ls-files", "-z", "--", "*.scm", ".guix-channel"], {
      ...options,
      env,
    });
    await git(url, gitDir, [`--work-tree=${dir}`, "checkout-index", "-z", "--stdin", `--prefix=${dir}/tree/`], {
      ...options,
      env,
      stdin: files,
    });
    await rm(env.GIT_INDEX_FILE);
    return { dir: join(dir, "tree"), moduleDir: await moduleDirectory(join(dir, "tree")), commit: full, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}

/** The `(directory "src")` of a channel's `.guix-channel`: where its modules are; "" for the top. */
async function moduleDirectory(tree: string): Promise<string> {
  const text = await readFile(join(tree, ".guix-channel"), "utf8").catch(() => undefined);
  if (text === undefined) return "";
  try {
    for (const form of readDatums(text))
      if (form.kind === "list")
        for (const field of form.items)
          if (field.kind === "list" && field.items[0]?.kind === "symbol" && field.items[0].name === "directory") {
            const value = field.items[1];
            if (value?.kind === "string") return value.value.replace(/^\/+|\/+$/g, "");
          }
  } catch {
    // An unreadable .guix-channel: the modules are taken from the top, as Guix does without one.
  }
  return "";
}
