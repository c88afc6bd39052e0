// Guix command lines from typed options: argv arrays as Guix expects them, and what Guix refuses.
import { describe, expect, it } from "vitest";
import { orThrow, validateImage, type ImageSpecOptions } from "@guix-ts/core";
import * as R from "@guix-ts/runner";

const image = (spec: ImageSpecOptions) => orThrow(validateImage(spec));

describe("command lines", () => {
  it("writes every guix pack option", () => {
    expect(
      R.packArgv({
        format: "docker",
        manifests: ["a.scm", "b.scm"],
        image: image({
          entryPoint: "bin/uvicorn",
          entryPointArgs: ["damn_server.api:app", "--port", "80"],
          name: "damn",
          maxLayers: 10,
          symlinks: [{ target: "/damn_server", source: "damn_server" }],
        }),
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
      "--",
      "python@3",
    ]);
  });

  it.each([
    [{ format: "docker" as const }, "nothing to pack: give manifests, packages or an expression"],
    [
      { packages: ["x"], format: "docker" as const, image: image({ entryPointArgs: ["a"] }) },
      "entryPointArgs (-A) need an entryPoint",
    ],
    [{ packages: ["x"], image: image({ name: "t" }) }, 'the image\'s name needs format "docker", not "tarball"'],
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
