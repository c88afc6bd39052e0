// Setting up a rootless Guix from a binary tarball: real tar, real proot; the Guix in the tarball is a
// STAND-IN (test/fixtures/stand-in-guix).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import * as R from "@guix-ts/runner";
import { makeStandInHome } from "../../../test/fixtures/stand-in-guix/home.js";

const root = mkdtempSync(join(tmpdir(), "guix-ts-runner-cli-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("guix-ts setup", () => {
  function tarball(name: string): string {
    const staging = makeStandInHome(join(root, `staging-${name}`));
    const file = join(root, `guix-binary-${name}.x86_64-linux.tar.xz`);
    execFileSync("tar", ["-cJf", file, "-C", staging, "./gnu", "./var"]);
    return file;
  }

  it("unpacks a binary tarball (checking its hash) into a home that a session then runs", async () => {
    const file = tarball("ok");
    const sha256 = execFileSync("sha256sum", [file], { encoding: "utf8" }).split(" ")[0]!;
    const home = join(root, "homes", "a");
    expect(await R.setupGuix({ tarball: file, sha256, home })).toBe(home);
    expect((await R.surroundings({ home })).setUp).toBe(true);
    // The substitute key that comes with Guix is authorized, as the installation instructions do by hand.
    expect(readFileSync(join(home, "etc/guix/acl"), "utf8")).toContain(
      "(public-key (ecc (curve Ed25519) (q #STAND-IN#)))",
    );
    await using guix = await R.openGuix({ home, backend: "proot" });
    expect(await guix.describe()).toContain("channel");
    await expect(R.setupGuix({ tarball: file, home })).rejects.toThrow(`a Guix is already set up at ${home}`);
  });

  it("refuses a wrong hash or a tarball that is not Guix's, leaving nothing behind", async () => {
    const file = tarball("bad");
    const home = join(root, "homes", "b");
    await expect(R.setupGuix({ tarball: file, sha256: "0".repeat(64), home })).rejects.toThrow(
      /sha256 is [0-9a-f]{64} \([0-9a-z]{52}\), expected 0{64}/,
    );
    const other = join(root, "other.tar.xz");
    mkdirSync(join(root, "other"));
    writeFileSync(join(root, "other", "x"), "x");
    execFileSync("tar", ["-cJf", other, "-C", join(root, "other"), "."]);
    await expect(R.setupGuix({ tarball: other, home })).rejects.toThrow(
      "is not a Guix binary tarball: it has no ./gnu/store and ./var/guix",
    );
    expect(existsSync(home)).toBe(false);
    expect(readdirSync(join(root, "homes")).filter((f) => f.startsWith("."))).toEqual([]);
  });
});
