import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { channelsFileE, manifestFileE, orThrow } from "@guix-ts/core";
import { channels, manifest } from "./build.js";

// A copy of shared/reference/damn-server: what `guix style -f` prints for the article's files.
const REFERENCE = join(import.meta.dirname, "../../test/golden/damn-server");

describe("the damn-server example", () => {
  it("prints manifest.scm byte for byte as the reference (guix style output)", () => {
    expect(orThrow(manifestFileE({ manifest })).text).toBe(readFileSync(join(REFERENCE, "manifest.scm"), "utf8"));
  });

  it("prints channels.scm byte for byte as the reference", () => {
    expect(orThrow(channelsFileE({ channels })).text).toBe(readFileSync(join(REFERENCE, "channels.scm"), "utf8"));
  });

  it("pnpm demo (guix-ts build, no Guix here) writes both files to out/ and prints the commands, exit 0", () => {
    const root = join(import.meta.dirname, "../..");
    const bin = join(root, "packages/cli/bin/guix-ts.js");
    const run = spawnSync(process.execPath, [bin, "build", "examples/damn-server/build.ts", "--home", "/nonexistent"], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, PATH: "/usr/bin:/bin" },
    });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain("To fix: guix-ts setup --tarball");
    expect(run.stderr).toContain(
      "  cd examples/damn-server/out\n" +
        "  PACK=$(guix time-machine --channels=channels.scm -- pack --format=docker --manifest=manifest.scm --entry-point=bin/uvicorn --image-tag=damn-server --symlink=/damn_server=damn_server)\n" +
        '  guix-ts image edit "$PACK" damn-server-latest.tar.gz --tag=damn-server:latest --workdir=/ --expose=80/tcp --cmd=damn_server.api:app --cmd=--host --cmd=0.0.0.0 --cmd=--port --cmd=80\n',
    );
    for (const f of ["manifest.scm", "channels.scm"]) {
      expect(readFileSync(join(import.meta.dirname, "out", f), "utf8")).toBe(readFileSync(join(REFERENCE, f), "utf8"));
    }
  });
});
