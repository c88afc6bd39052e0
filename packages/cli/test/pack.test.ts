// `guix-ts pack` end to end with a STAND-IN guix (test/fixtures/stand-in-guix) in a real proot
// container, the result read by the real skopeo; `guix-ts doctor`.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
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
      "--manifest=manifest.scm",
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
      // Then the edit of what the pack printed, into the archive it would write here.
      expect(err).toContain(`\n  guix-ts image edit "$PACK" ${join(process.cwd(), "image-latest.tar.gz")}\n`);
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

describe("guix-ts pack speaks guix pack (STAND-IN guix in bubblewrap)", () => {
  const argvOf = (home: string): string[] =>
    JSON.parse(readFileSync(join(home, "var/guix/stand-in-calls.jsonl"), "utf8").trim().split("\n").at(-1)!).argv;

  it("-f tarball -C xz -RR -S with package specifications: the argv Guix expects, the pack copied out", async () => {
    const home = makeStandInHome(join(root, "specs-home"));
    const output = join(root, "hello.tar.xz");
    const { code, err } = await runCli([
      "pack",
      "-f",
      "tarball",
      "-C",
      "xz",
      "-RR",
      "-S",
      "/bin=bin",
      "--with-branch=guile=main",
      "-n",
      "hello",
      "guile@3.0",
      "-o",
      output,
      "--home",
      home,
      "--backend",
      "bubblewrap",
    ]);
    expect({ code, err }).toEqual({ code: 0, err: "" });
    expect(argvOf(home)).toEqual([
      "pack",
      "--format=tarball",
      "--symlink=/bin=bin",
      "-RR",
      "--compression=xz",
      "--dry-run",
      "--with-branch=guile=main",
      "--",
      "hello",
      "guile@3.0",
    ]);
    expect(readFileSync(output, "utf8")).toContain("pack made by the stand-in");
  });

  it("-m twice and -e: manifests concatenated; an expression beside a manifest refused as Guix would", async () => {
    const home = makeStandInHome(join(root, "manifests-home"));
    for (const name of ["a.scm", "b.scm"])
      writeFileSync(join(root, name), '(specifications->manifest (list "hello"))\n');
    const { code } = await runCli([
      "pack",
      "-f",
      "tarball",
      "-m",
      join(root, "a.scm"),
      "-m",
      join(root, "b.scm"),
      "--home",
      home,
      "--backend",
      "bubblewrap",
    ]);
    expect(code).toBe(0);
    expect(argvOf(home).slice(0, 4)).toEqual(["pack", "--format=tarball", "--manifest=a.scm", "--manifest=b.scm"]);
    const both = await runCli([
      "pack",
      "-m",
      join(root, "a.scm"),
      "-e",
      "(@ (gnu packages base) hello)",
      "--home",
      home,
    ]);
    expect(both.code).toBe(2);
    expect(both.err).toContain("manifests and packages (or an expression) do not go together");
  });
});

describe("guix-ts shell (STAND-IN guix in bubblewrap)", () => {
  it("runs COMMAND in `guix shell -m manifest.scm`, through time-machine when the script pins channels; its exit status", async () => {
    const dir = join(root, "shell");
    mkdirSync(dir);
    const core = pathToFileURL(join(import.meta.dirname, "../../core/dist/index.js")).href;
    writeFileSync(
      join(dir, "build.ts"),
      `import { guixChannel, specificationsToManifest } from ${JSON.stringify(core)};
export const manifest = specificationsToManifest(["python"]);
export const channels = [guixChannel({ commit: "287aec56a53fbd66492711c375d0b39ccb6c1590" })];
`,
    );
    const home = makeStandInHome(join(dir, "home"));
    const { code, err } = await runCli([
      "shell",
      join(dir, "build.ts"),
      "--pure",
      "--home",
      home,
      "--backend",
      "bubblewrap",
      "--",
      "sh",
      "-c",
      "exit 7",
    ]);
    expect({ code, err }).toEqual({ code: 7, err: "" });
    const call = JSON.parse(readFileSync(join(home, "var/guix/stand-in-calls.jsonl"), "utf8").trim());
    expect(call.cwd).toBe(join(dir, "out"));
    expect(call.argv).toEqual([
      "time-machine",
      "--channels=channels.scm",
      "--",
      "shell",
      "--manifest=manifest.scm",
      "--pure",
      "--",
      "sh",
      "-c",
      "exit 7",
    ]);
    expect(readFileSync(join(dir, "out/channels.scm"), "utf8")).toContain("287aec56a53fbd66492711c375d0b39ccb6c1590");
  });
});
