import { execFileSync } from "node:child_process";
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

  it("pnpm demo writes both files to out/ and prints the pack command", () => {
    const stdout = execFileSync(
      process.execPath,
      ["--conditions=development", "--import", "tsx", join(import.meta.dirname, "demo.ts")],
      {
        encoding: "utf8",
      },
    );
    // No Guix on this machine: the demo says so and prints the commands.
    expect(stdout).toContain(
      'guix-ts image edit "$(guix time-machine --channels=channels.scm -- pack --format=docker --manifest=manifest.scm --entry-point=bin/uvicorn --image-tag=damn-server --symlink=/damn_server=damn_server)" damn-server-latest.tar.gz --tag=damn-server:latest --workdir=/ --expose=80/tcp --cmd=damn_server.api:app',
    );
    for (const f of ["manifest.scm", "channels.scm"]) {
      expect(readFileSync(join(import.meta.dirname, "out", f), "utf8")).toBe(readFileSync(join(REFERENCE, f), "utf8"));
    }
  });
});
