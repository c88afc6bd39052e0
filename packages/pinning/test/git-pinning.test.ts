// Source pinning with the real git (local repositories, file:// URLs) and the real nix-hash as the oracle.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as C from "@guix-ts/core";
import * as P from "@guix-ts/pinning";
import { commitFile, git, newRepository } from "../../../test/fixtures/git-repos.js";

// The lock as writeLock writes it: JSON, keys sorted, a final newline.
const lockText = (lock: C.LockFile): string => `${JSON.stringify(C.withSortedKeys(lock), null, 2)}\n`;
const G = { ...C, ...P, lockText };

const root = mkdtempSync(join(tmpdir(), "guix-ts-pinning-"));

/** The oracle: a plain clone at `rev`, .git removed, hashed by nix-hash. */
function expectedHash(url: string, rev: string, recursive = false): string {
  const dir = mkdtempSync(join(root, "oracle-"));
  git(dir, "clone", "--quiet", url, "c");
  git(join(dir, "c"), "checkout", "--quiet", rev);
  if (recursive) git(join(dir, "c"), "submodule", "update", "--quiet", "--init", "--recursive");
  execFileSync("sh", ["-c", "find c -name .git -prune -exec rm -rf {} +"], { cwd: dir });
  return execFileSync("nix-hash", ["--type", "sha256", "--base32", join(dir, "c")], { encoding: "utf8" }).trim();
}

let upstream: string;
let url: string;
let first: string;
let tagged: string;

beforeAll(() => {
  upstream = join(root, "upstream");
  first = newRepository(upstream);
  tagged = commitFile(upstream, "main.c", "int main(void) { return 0; }\n");
  git(upstream, "tag", "-a", "-m", "release 2", "v2");
  git(upstream, "checkout", "--quiet", "-b", "dev");
  commitFile(upstream, "dev.txt", "dev\n");
  git(upstream, "checkout", "--quiet", "main");
  url = `file://${upstream}`;
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("prefetchGit", () => {
  it("resolves a branch to its commit and hashes the checkout as Guix's git-fetch does", async () => {
    const got = await G.prefetchGit({ url, ref: "dev" });
    expect(got.commit).toBe(git(upstream, "rev-parse", "dev"));
    expect(got.sha256).toBe(expectedHash(url, "dev"));
    expect(got.lastModified).toBe(Number(git(upstream, "log", "-1", "--format=%ct", "dev")));
  });

  it("resolves lightweight and annotated tags to the tagged commit", async () => {
    expect((await G.prefetchGit({ url, ref: "v1" })).commit).toBe(first);
    const v2 = await G.prefetchGit({ url, ref: "v2" });
    expect(v2).toMatchObject({ commit: tagged, sha256: expectedHash(url, "v2") });
  });

  it("takes a commit, full or abbreviated, and the remote's HEAD when given nothing", async () => {
    expect((await G.prefetchGit({ url, commit: first.slice(0, 10) })).commit).toBe(first);
    expect((await G.prefetchGit({ url })).commit).toBe(git(upstream, "rev-parse", "main"));
  });

  it("fetches submodules when recursive", async () => {
    const sub = join(root, "sub");
    mkdirSync(sub);
    git(sub, "init", "--quiet");
    commitFile(sub, "lib.c", "int lib;\n");
    const parent = join(root, "parent");
    mkdirSync(parent);
    git(parent, "init", "--quiet");
    commitFile(parent, "top", "top\n");
    git(parent, "submodule", "--quiet", "add", `file://${sub}`, "vendor/lib");
    git(parent, "commit", "--quiet", "-m", "submodule");
    const purl = `file://${parent}`;
    const flat = await G.prefetchGit({ url: purl });
    const deep = await G.prefetchGit({ url: purl, recursive: true });
    expect(deep.sha256).toBe(expectedHash(purl, "main", true));
    expect(flat.sha256).toBe(expectedHash(purl, "main"));
    expect(deep.sha256).not.toBe(flat.sha256);
  });

  it("fails clearly on a commit that does not exist, leaving no temporary folder", async () => {
    const tmp = mkdtempSync(join(root, "tmp-"));
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      await expect(G.prefetchGit({ url, commit: "0".repeat(40) })).rejects.toThrow(
        `${url}: commit ${"0".repeat(40)} does not exist in the repository`,
      );
      await expect(G.prefetchGit({ url, ref: "no-such-branch" })).rejects.toThrow(
        "no branch or tag named no-such-branch",
      );
      await expect(G.prefetchGit({ url: `file://${root}/missing` })).rejects.toBeInstanceOf(G.GitPrefetchError);
      expect(readdirSync(tmp)).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  });
});

describe("no value from a file or a user reaches git as an option", () => {
  it.each([
    "--upload-pack=touch PWNED;",
    "-uPWNED",
    "ext::sh -c touch% PWNED",
    "https://example.org/repo\t--upload-pack=touch PWNED",
    "https://example.org/re\npo",
    "file:///tmp/x --upload-pack=touch PWNED",
  ])("refuses %j before running git, and runs nothing", async (url) => {
    const cwd = mkdtempSync(join(root, "inject-"));
    const saved = process.cwd();
    process.chdir(cwd);
    try {
      await expect(G.prefetchGit({ url })).rejects.toThrow(/not a URL to fetch/);
      const channels = [G.channel({ name: "acme", url, branch: "main" })];
      await expect(G.updateLock({ channels })).rejects.toThrow(/not a URL to fetch/);
      expect(readdirSync(cwd)).toEqual([]);
    } finally {
      process.chdir(saved);
    }
  });
});

describe("the lock file", () => {
  const app = (ref: string) =>
    G.pkg({
      name: "app",
      version: "1.0",
      source: G.gitFetch({ url, ref }),
      buildSystem: G.copyBuildSystem(),
      synopsis: "App",
      description: "An app.",
      homePage: "https://example.org",
      license: "expat",
    });
  const channels = () => [G.channel({ name: "acme", url, branch: "main" })];

  const named = (name: string, source: string, ref: string, variant = "") =>
    G.pkg({
      name,
      version: `1.0${variant}`,
      source: G.gitFetch({ url: source, ref }),
      buildSystem: G.copyBuildSystem(),
      synopsis: "App",
      description: "An app.",
      homePage: "https://example.org",
      license: "expat",
    });

  it("keys sources by URL and ref: two packages named alike from two repositories each get their own pin", async () => {
    const other = join(root, "other-tool");
    const otherFirst = newRepository(other);
    commitFile(other, "other.c", "other\n");
    const otherUrl = `file://${other}`;
    const user = (name: string, tool: C.Package) =>
      G.pkg({
        name,
        version: "1",
        source: undefined,
        inputs: [tool],
        buildSystem: G.copyBuildSystem(),
        synopsis: "User",
        description: "Uses a tool.",
        homePage: "https://example.org",
        license: "expat",
      });
    const manifest = G.packagesToManifest([
      user("a", named("tool", url, "main")),
      user("b", named("tool", otherUrl, "main", "-b")),
    ]);
    const lock = await G.updateLock({ manifest });
    expect(Object.keys(lock.sources).sort()).toEqual([`${otherUrl}#main`, `${url}#main`].sort());
    expect(lock.sources[`${otherUrl}#main`]!.commit).toBe(git(other, "rev-parse", "main"));
    expect(lock.sources[`${otherUrl}#main`]!.commit).not.toBe(otherFirst);
    expect(lock.sources[`${url}#main`]!.commit).toBe(git(upstream, "rev-parse", "main"));
    const text = G.manifestFile({ manifest, lock }).text;
    expect(text).toContain(`(commit "${lock.sources[`${otherUrl}#main`]!.commit}")`);
    expect(text).toContain(`(commit "${lock.sources[`${url}#main`]!.commit}")`);
    // And nothing has moved: frozen agrees.
    await expect(G.updateLock({ manifest, lock, frozen: true })).resolves.toEqual(lock);
  });

  it("pins one source used by two packages once, naming both", async () => {
    const lock = await G.updateLock({ manifest: G.packagesToManifest([named("a", url, "v1"), named("b", url, "v1")]) });
    expect(Object.values(lock.sources)).toHaveLength(1);
    expect(lock.sources[`${url}#v1`]!.packages).toEqual(["a", "b"]);
  });

  it("refuses to update a name it does not know, with the closest one", async () => {
    const manifest = G.packagesToManifest([named("hello-api", url, "v1")]);
    await expect(G.updateLock({ manifest, update: ["helo-api"] })).rejects.toThrow(
      "nothing named helo-api to update: no package with a git source, and no channel; did you mean hello-api?",
    );
  });

  it.each([
    ['{"version": 2, "sources": null, "channels": {}}', "lock.json: sources: null: expected an object"],
    ['{"version": 2, "sources": {"x": null}, "channels": {}}', 'lock.json: sources["x"]: null: expected an object'],
    [
      '{"version": 2, "sources": {"x": {"url": "u", "ref": "r", "recursive": false, "commit": "main", "sha256": "abc"}}, "channels": {}}',
      'lock.json: sources["x"]: expected commit (40 hex digits), sha256 (52 nix-base32 characters)',
    ],
    ['{"version": 3, "sources": {}, "channels": {}}', "lock.json: version: 3: expected 2"],
    ["[]", "lock.json: expected a JSON object"],
  ])("reads a hand-edited lock %s as a clear error", async (content, message) => {
    const path = join(mkdtempSync(join(root, "bad-lock-")), "lock.json");
    writeFileSync(path, content);
    const error = await G.readLock(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(G.LockError);
    expect((error as Error).message).toContain(message.replace("lock.json", path));
  });

  it("says a folder is not a lock file", async () => {
    await expect(G.readLock(root)).rejects.toThrow(`${root}: is a folder, not a lock file`);
  });

  it("reads a version 1 lock (keyed by package name) as version 2 (keyed by URL and ref)", async () => {
    const path = join(mkdtempSync(join(root, "v1-")), "guix-ts.lock");
    const commit = git(upstream, "rev-parse", "v1^{commit}");
    const sha256 = "06wdh66phmccllf9m085br5zld773663w9bnkbfq45yihb3a88ws";
    const entry = { url, ref: "v1", recursive: false, commit, sha256, lastModified: 1 };
    writeFileSync(path, JSON.stringify({ version: 1, sources: { app: entry }, channels: {} }));
    expect(await G.readLock(path)).toEqual({
      version: 2,
      sources: { [`${url}#v1`]: { ...entry, packages: ["app"] } },
      channels: {},
    });
  });

  it("pins sources and channels; --frozen fails once upstream moves; --update pins the new commit", async () => {
    const manifest = G.packagesToManifest([app("main")]);
    expect(G.formatProblems((G.manifestFileE({ manifest }) as { left: C.Problem[] }).left)).toContain(
      "not pinned yet: run `guix-ts lock` to pin ref main",
    );

    const lock = await G.updateLock({ manifest, channels: channels() });
    const head = git(upstream, "rev-parse", "main");
    expect(lock.sources[`${url}#main`]).toMatchObject({
      packages: ["app"],
      url,
      ref: "main",
      commit: head,
      sha256: expectedHash(url, "main"),
    });
    expect(lock.channels.acme).toMatchObject({ url, branch: "main", commit: head });
    const text = G.manifestFile({ manifest, lock }).text;
    expect(text).toContain(`(commit "${head}")`);
    expect(text).toContain(`(base32 "${lock.sources[`${url}#main`]!.sha256}")`);
    expect(G.channelsFile({ channels: channels(), lock }).text).toContain(`(commit "${head}")`);
    // Unchanged upstream: frozen passes and gives the same lock; the text is the same bytes.
    expect(G.lockText(await G.updateLock({ manifest, channels: channels(), lock, frozen: true }))).toBe(
      G.lockText(lock),
    );

    const moved = commitFile(upstream, "NEWS", "news\n");
    await expect(G.updateLock({ manifest, channels: channels(), lock, frozen: true })).rejects.toThrow(
      new G.LockError([
        `source app: main of ${url} is now at ${moved}, the lock has ${head}; run \`guix-ts lock --update app\``,
        `channel acme: main of ${url} is now at ${moved}, the lock has ${head}; run \`guix-ts lock --update acme\``,
      ]),
    );
    // Without --update, the lock holds.
    expect((await G.updateLock({ manifest, channels: channels(), lock })).sources[`${url}#main`]!.commit).toBe(head);
    const updated = await G.updateLock({ manifest, channels: channels(), lock, update: ["app"] });
    expect(updated.sources[`${url}#main`]).toMatchObject({ commit: moved, sha256: expectedHash(url, moved) });
    expect(updated.channels.acme!.commit).toBe(head);
    expect(G.manifestFile({ manifest, lock: updated }).text).toContain(`(commit "${moved}")`);
  });

  it("reports missing and stale entries in frozen mode", async () => {
    const lock = await G.updateLock({ manifest: G.packagesToManifest([app("main")]) });
    await expect(G.updateLock({ manifest: G.packagesToManifest([app("dev")]), lock, frozen: true })).rejects.toThrow(
      `source app: the lock has ${url} main, the manifest asks for ${url} dev; run \`guix-ts lock --update app\``,
    );
    await expect(G.updateLock({ channels: channels(), lock, frozen: true })).rejects.toThrow(
      "channel acme: no entry in the lock file; run `guix-ts lock`",
    );
  });

  it("writes the lock atomically with keys in a stable order, and reads it back", async () => {
    const lock = await G.updateLock({ manifest: G.packagesToManifest([app("v1")]), channels: channels() });
    const path = join(root, "guix-ts.lock");
    await G.writeLock(path, lock);
    const text = readFileSync(path, "utf8");
    expect(text).toBe(G.lockText(lock));
    expect(Object.keys(JSON.parse(text))).toEqual(["channels", "sources", "version"]);
    expect(Object.keys(JSON.parse(text).sources[`${url}#v1`])).toEqual([
      "commit",
      "lastModified",
      "packages",
      "recursive",
      "ref",
      "sha256",
      "url",
    ]);
    expect(await G.readLock(path)).toEqual(lock);
    writeFileSync(path, "{");
    await expect(G.readLock(path)).rejects.toBeInstanceOf(G.LockError);
    expect(await G.readLock(join(root, "none.lock"))).toEqual(G.EMPTY_LOCK);
  });
});
