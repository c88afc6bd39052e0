// `guix-ts lock` on a build script, against a local repository made with the real git.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readLock } from "@guix-ts/pinning";
import { runCli } from "../../../test/fixtures/cli.js";
import { commitFile, git, newRepository } from "../../../test/fixtures/git-repos.js";

const root = mkdtempSync(join(tmpdir(), "guix-ts-lock-cli-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let upstream: string;
let url: string;
let first: string;

beforeAll(() => {
  upstream = join(root, "upstream");
  first = newRepository(upstream);
  url = `file://${upstream}`;
});

describe("guix-ts lock", () => {
  it("guix-ts lock pins a build script's manifest and channels, and --frozen checks it", async () => {
    const dir = mkdtempSync(join(import.meta.dirname, ".tmp-lock-"));
    try {
      const script = join(dir, "build.ts");
      writeFileSync(
        script,
        `import * as G from "@guix-ts/core";
export const manifest = G.packagesToManifest([G.pkg({ name: "app", version: "1", source: G.gitFetch({ url: ${JSON.stringify(url)}, ref: "v1" }),
  buildSystem: G.copyBuildSystem(), synopsis: "App", description: "An app.", homePage: "https://example.org", license: "expat" })]);
export const channels = [G.channel({ name: "acme", url: ${JSON.stringify(url)}, branch: "main" })];
`,
      );
      const locked = await runCli(["lock", script]);
      expect(locked.code).toBe(0);
      expect(locked.out).toContain(`source app: v1 -> ${first}`);
      const lock = await readLock(join(dir, "guix-ts.lock"));
      expect(lock.sources[`${url}#v1`]!.commit).toBe(first);
      expect((await runCli(["lock", "--frozen", script])).code).toBe(0);
      commitFile(upstream, "MORE", "more\n");
      const stale = await runCli(["lock", "--frozen", script]);
      expect(stale.code).toBe(1);
      expect(stale.err).toContain("channel acme: main of");
      const cli = spawnSync(
        process.execPath,
        [join(import.meta.dirname, "../bin/guix-ts.js"), "lock", "--update", "acme", script],
        { encoding: "utf8" },
      );
      expect(cli.status).toBe(0);
      expect((await readLock(join(dir, "guix-ts.lock"))).channels.acme!.commit).toBe(
        git(upstream, "rev-parse", "main"),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
