// Command lines, setup from a tarball, doctor, and `guix-ts pack` end to end with a STAND-IN guix
// (test/fixtures/stand-in-guix) in a real proot container, the result read by the real skopeo.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import * as R from "@guix-ts/runner";
import { main } from "guix-ts";
import { makeGuixDockerArchive } from "./fixtures/guix-docker-archive.js";
import { makeStandInHome } from "./fixtures/stand-in-guix/home.js";

const root = mkdtempSync(join(tmpdir(), "guix-ts-runner-cli-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("command lines", () => {
  it("writes every guix pack option", () => {
    expect(
      R.packArgv({
        format: "docker",
        manifests: ["a.scm", "b.scm"],
        entryPoint: "bin/uvicorn",
        entryPointArgs: ["damn_server.api:app", "--port", "80"],
        imageTag: "damn",
        maxLayers: 10,
        symlinks: ["/damn_server=damn_server"],
        relocatable: 2,
        compression: "zstd",
        saveProvenance: true,
        localstatedir: true,
        profileName: "guix-profile",
        root: "gcroot",
        derivation: true,
        loadPath: ["./modules"],
        substitutes: false,
        keepFailed: true,
        keepGoing: true,
        fallback: true,
        cores: 2,
        maxJobs: 4,
        verbosity: 1,
        grafts: false,
        system: "aarch64-linux",
        target: "aarch64-linux-gnu",
        dryRun: true,
        transformations: [
          { option: "with-commit", value: "guile=v3.0.9" },
          { option: "without-tests", value: "python" },
        ],
      }),
    ).toEqual([
      "pack",
      "--format=docker",
      "--manifest=a.scm",
      "--manifest=b.scm",
      "--entry-point=bin/uvicorn",
      "--entry-point-argument=damn_server.api:app",
      "--entry-point-argument=--port",
      "--entry-point-argument=80",
      "--image-tag=damn",
      "--max-layers=10",
      "--symlink=/damn_server=damn_server",
      "-RR",
      "--compression=zstd",
      "--save-provenance",
      "--localstatedir",
      "--profile-name=guix-profile",
      "--root=gcroot",
      "--derivation",
      "--load-path=./modules",
      "--no-substitutes",
      "--keep-failed",
      "--keep-going",
      "--fallback",
      "--cores=2",
      "--max-jobs=4",
      "--verbosity=1",
      "--no-grafts",
      "--system=aarch64-linux",
      "--target=aarch64-linux-gnu",
      "--dry-run",
      "--with-commit=guile=v3.0.9",
      "--without-tests=python",
    ]);
    expect(R.packArgv({ expression: "(@ (gnu packages base) hello)", packages: ["python@3"] })).toEqual([
      "pack",
      "--expression=(@ (gnu packages base) hello)",
      "python@3",
    ]);
  });

  it.each([
    [{ format: "docker" as const }, "nothing to pack: give manifests, packages or an expression"],
    [{ packages: ["x"], format: "docker" as const, entryPointArgs: ["a"] }, "entryPointArgs (-A) need an entryPoint"],
    [{ packages: ["x"], imageTag: "t" }, 'imageTag needs format "docker", not "tarball"'],
    [
      { packages: ["x"], format: "docker" as const, symlinks: ["bin/sh=bin/bash"] },
      "a symlink's target is absolute (/bin/sh=bin/bash), got bin/sh",
    ],
    [
      { packages: ["x"], format: "docker" as const, symlinks: ["/bin/sh=/bin/bash"] },
      "a symlink's source is relative to the profile (bin/bash), got /bin/bash",
    ],
    [{ packages: ["x"], entryPoint: "/bin/sh" }, "the entry point is relative to the profile (bin/...), got /bin/sh"],
    [
      { packages: ["x"], format: "squashfs" as const, compression: "xz" as const },
      'compression does not apply to format "squashfs"',
    ],
    [
      { packages: ["x"], substitutes: false, substituteUrls: ["https://example.org"] },
      "substituteUrls given with substitutes: false: Guix would ignore them",
    ],
    [
      { manifests: ["m.scm"], packages: ["x"] },
      "manifests and packages (or an expression) do not go together: Guix refuses both a manifest and a package list",
    ],
    [
      { packages: ["x"], profileName: "mine" as "guix-profile" },
      'profileName is "guix-profile" or "current-guix", got mine',
    ],
  ])("rejects what Guix rejects: %j", (options, reason) => {
    expect(() => R.packArgv(options)).toThrow(new R.RunnerUsageError([reason]));
  });

  it("writes time-machine, build, shell and describe", () => {
    expect(
      R.timeMachineArgv(
        { channels: "channels.scm", noChannelFiles: true, substitutes: false },
        R.packArgv({ format: "docker", manifests: ["m.scm"] }),
      ),
    ).toEqual([
      "time-machine",
      "--channels=channels.scm",
      "--no-channel-files",
      "--no-substitutes",
      "--",
      "pack",
      "--format=docker",
      "--manifest=m.scm",
    ]);
    expect(R.timeMachineArgv({ commit: "abc", disableAuthentication: true }, ["describe"])).toEqual([
      "time-machine",
      "--commit=abc",
      "--disable-authentication",
      "--",
      "describe",
    ]);
    // Guix applies --commit to the guix channel of the channels file: the two go together.
    expect(R.timeMachineArgv({ channels: "c.scm", commit: "abc" }, ["describe"])).toEqual([
      "time-machine",
      "--channels=c.scm",
      "--commit=abc",
      "--",
      "describe",
    ]);
    expect(() => R.timeMachineArgv({ commit: "abc", branch: "main" }, ["describe"])).toThrow(
      "commit and branch do not go together",
    );
    expect(R.buildArgv({ manifests: ["m.scm"], cores: 1 })).toEqual(["build", "--manifest=m.scm", "--cores=1"]);
    expect(R.shellArgv({ manifests: ["m.scm"], container: true, command: ["python3", "-V"] })).toEqual([
      "shell",
      "--manifest=m.scm",
      "--container",
      "--",
      "python3",
      "-V",
    ]);
    expect(R.describeArgv()).toEqual(["describe", "--format=channels"]);
  });
});

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
    expect(R.isSetUp(R.guixHome(home))).toBe(true);
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

describe("guix-ts pack, doctor", () => {
  const io = () => {
    const out = { stdout: "", stderr: "" };
    return {
      out,
      io: {
        stdout: (t: string) => void (out.stdout += t),
        stderr: (t: string) => void (out.stderr += t),
        readStdin: async () => "",
      },
    };
  };

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
    const { out, io: cli } = io();
    const code = await main(
      [
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
      ],
      cli,
    );
    expect({ code, stderr: out.stderr }).toEqual({ code: 0, stderr: "" });
    const call = JSON.parse(readFileSync(join(home, "var/guix/stand-in-calls.jsonl"), "utf8").trim());
    expect(call.argv).toEqual([
      "pack",
      "--format=docker",
      expect.stringMatching(/^--manifest=.*\/manifest\.scm$/),
      "--entry-point=bin/uvicorn",
      "--entry-point-argument=damn_server.api:app",
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
    expect(out.stdout).toContain("damn-server:1.0");
  });

  it("without any Guix, says what is missing and prints the command it would run (exit 3)", async () => {
    const manifest = join(root, "m2.scm");
    writeFileSync(manifest, '(specifications->manifest (list "hello"))\n');
    const saved = process.env.PATH;
    process.env.PATH = "/nonexistent";
    try {
      const { out, io: cli } = io();
      expect(await main(["pack", manifest, "--home", join(root, "none"), "--entry-point", "bin/hello"], cli)).toBe(3);
      expect(out.stderr).toContain("guix-ts setup --tarball");
      expect(out.stderr).toContain(`guix pack --format=docker --manifest=${manifest} --entry-point=bin/hello`);
    } finally {
      process.env.PATH = saved;
    }
  });

  it("doctor lists each way of running Guix, with the fix for what is missing", async () => {
    const { out, io: cli } = io();
    await main(["doctor", "--home", join(root, "none")], cli);
    expect(out.stdout).toMatch(/guix home\s+no rootless Guix at .*\n\s+fix: guix-ts setup --tarball/);
    expect(out.stdout).toMatch(/bubblewrap\s+bubblewrap \d/);
    expect(out.stdout).toMatch(/proot/);
  });
});

describe("guix-ts pack checks image edits first", () => {
  it("refuses a bad --expose before running anything", async () => {
    const manifest = join(root, "m3.scm");
    writeFileSync(manifest, '(specifications->manifest (list "hello"))\n');
    const home = makeStandInHome(join(root, "edits-first"));
    let err = "";
    const code = await main(["pack", manifest, "--home", home, "--backend", "proot", "--expose", "http"], {
      stdout: () => undefined,
      stderr: (t) => void (err += t),
      readStdin: async () => "",
    });
    expect(code).toBe(2);
    expect(err).toContain("image.exposedPorts[0]");
    expect(existsSync(join(home, "var/guix/stand-in-daemon.log"))).toBe(false);
  });
});
