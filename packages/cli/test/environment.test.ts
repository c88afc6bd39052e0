// An environment that does not say where things are gives one clear line, never a stack trace.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { commitFile, newRepository } from "../../../test/fixtures/git-repos.js";

const BIN = join(import.meta.dirname, "../bin/guix-ts.js");
const root = mkdtempSync(join(tmpdir(), "guix-ts-env-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function cli(args: string[], env: Record<string, string | undefined>) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: "utf8",
    env: { ...process.env, GUIX_TS_GUIX_HOME: undefined, XDG_DATA_HOME: undefined, ...env },
  });
  return { code: result.status, err: result.stderr };
}

describe("the environment", () => {
  it.each([["doctor"], ["pack", "m.scm"], ["setup", "--tarball", "x.tar.xz"]])(
    "HOME empty: guix-ts %s says so in one line (exit 2)",
    (...args) => {
      const { code, err } = cli(args, { HOME: "" });
      expect({ code, err }).toEqual({
        code: 2,
        err: `guix-ts ${args[0]}: HOME is empty: set HOME, or GUIX_TS_GUIX_HOME, to an absolute path\n`,
      });
    },
  );

  it("TMPDIR pointing nowhere: lock says which folder and what to set", () => {
    const repo = join(root, "repo");
    newRepository(repo);
    commitFile(repo, "a", "a\n");
    // Beside the tests, so that the script finds the workspace's packages.
    const here = mkdtempSync(join(import.meta.dirname, ".tmp-env-"));
    const script = join(here, "build.js");
    writeFileSync(
      script,
      `import * as G from "@guix-ts/core";
export const manifest = G.packagesToManifest([G.pkg({ name: "a", version: "1", source: G.gitFetch({ url: "file://${repo}", ref: "main" }),
  buildSystem: G.copyBuildSystem(), synopsis: "A", description: "A.", homePage: "https://example.org", license: "expat" })]);
`,
    );
    const { code, err } = cli(["lock", script], { TMPDIR: "/nonexistent-tmp" });
    expect(code).toBe(1);
    expect(err).toMatch(/cannot make a folder in \/nonexistent-tmp \(ENOENT\): set TMPDIR to a writable folder/);
    expect(err).not.toMatch(/\n\s+at /);
    rmSync(here, { recursive: true, force: true });
  });

  it("a folder that cannot be written: one line, exit 1", () => {
    const { code, err } = cli(["image", "edit", "/nonexistent.tar", "/dev/null/out.tar", "--tag", "x:1"], {});
    expect(code).toBe(1);
    expect(err.trim().split("\n")).toHaveLength(1);
  });

  it('setup --sha256 "" is an error, not a skipped check', () => {
    const { code, err } = cli(["setup", "--tarball", "x.tar.xz", "--sha256", "", "--home", join(root, "h")], {});
    expect(code).toBe(1);
    expect(err).toContain('--sha256 "" is not a sha256');
  });
});
