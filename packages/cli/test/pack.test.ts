// `guix-ts pack` end to end with a STAND-IN guix (test/fixtures/stand-in-guix) in a real proot
// container, the result read by the real skopeo; `guix-ts doctor`.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../../test/fixtures/cli.js";
import { makeGuixDockerArchive } from "../../../test/fixtures/guix-docker-archive.js";
import { makeStandInHome } from "../../../test/fixtures/stand-in-guix/home.js";

const root = mkdtempSync(join(tmpdir(), "guix-ts-runner-cli-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("guix-ts pack, doctor", () => {
  it("packs through the stand-in in proot, then sets the working directory, port, command and tag", async () => {
    const archive = join(root, "guix-pack.tar.gz");
    makeGuixDockerArchive(archive, {
      files: { "bin/uvicorn": "#!/bin/sh\n" },
      entryPoint: ["/gnu/store/p/bin/uvicorn"],
    });
    const home = makeStandInHome(join(root, "pack-home"), { packSource: archive });
    const manifest = join(root, "manifest.scm");
    writeFileSync(manifest, '(specifications->manifest (list "python"))\n');
    const output = join(root, "damn.tar.gz");
    const { code, out, err } = await runCli([
      "pack",
      manifest,
      "--home",
      home,
      "--backend",
      "proot",
      "--entry-point",
      "bin/uvicorn",
      "-A",
      "damn_server.api:app",
      "-S",
      "/damn_server=damn_server",
      "--workdir",
      "/damn_server",
      "--expose",
      "80",
      "--cmd=--port",
      "--cmd=80",
      "--tag",
      "damn-server:1.0",
      "--output",
      output,
    ]);
    expect({ code, err }).toEqual({ code: 0, err: "" });
    const call = JSON.parse(readFileSync(join(home, "var/guix/stand-in-calls.jsonl"), "utf8").trim());
    expect(call.argv).toEqual([
      "pack",
      "--format=docker",
      expect.stringMatching(/^--manifest=.*\/manifest\.scm$/),
      "--entry-point=bin/uvicorn",
      "--entry-point-argument=damn_server.api:app",
      "--image-tag=damn-server",
      "--symlink=/damn_server=damn_server",
    ]);
    const plain = join(root, "damn.tar");
    execFileSync("sh", ["-c", 'gzip -dc < "$0" > "$1"', output, plain]);
    const config = JSON.parse(
      execFileSync("skopeo", ["inspect", "--config", `docker-archive:${plain}`], { encoding: "utf8" }),
    );
    expect(config.config).toMatchObject({
      WorkingDir: "/damn_server",
      ExposedPorts: { "80/tcp": {} },
      Cmd: ["--port", "80"],
    });
    expect(out).toContain("damn-server:1.0");
  });

  it("without any Guix, says what is missing and prints the command it would run (exit 3)", async () => {
    const manifest = join(root, "m2.scm");
    writeFileSync(manifest, '(specifications->manifest (list "hello"))\n');
    const saved = process.env.PATH;
    process.env.PATH = "/nonexistent";
    try {
      const { code, err } = await runCli([
        "pack",
        manifest,
        "--home",
        join(root, "none"),
        "--entry-point",
        "bin/hello",
      ]);
      expect(code).toBe(3);
      expect(err).toContain("guix-ts setup --tarball");
      expect(err).toContain(`guix pack --format=docker --manifest=${manifest} --entry-point=bin/hello`);
    } finally {
      process.env.PATH = saved;
    }
  });

  it("doctor lists each way of running Guix, with the fix for what is missing", async () => {
    const { out } = await runCli(["doctor", "--home", join(root, "none")]);
    expect(out).toMatch(/guix home\s+no rootless Guix at .*\n\s+fix: guix-ts setup --tarball/);
    expect(out).toMatch(/bubblewrap\s+bwrap \d+\.\d+(\.\d+)?, user namespaces work/);
    expect(out).toMatch(/proot/);
  });
});

describe("guix-ts pack checks image edits first", () => {
  it("refuses a bad --expose before running anything", async () => {
    const manifest = join(root, "m3.scm");
    writeFileSync(manifest, '(specifications->manifest (list "hello"))\n');
    const home = makeStandInHome(join(root, "edits-first"));
    const { code, err } = await runCli(["pack", manifest, "--home", home, "--backend", "proot", "--expose", "http"]);
    expect(code).toBe(2);
    expect(err).toContain("image.exposedPorts[0]");
    expect(existsSync(join(home, "var/guix/stand-in-daemon.log"))).toBe(false);
  });
});
