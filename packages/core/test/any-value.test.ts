// Builders never throw, and neither does validation: any JavaScript value in any field of any
// builder gives problems with that field's path (or, where the value happens to be valid, a file).
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import * as G from "@guix-ts/core";

const base = {
  name: "app",
  version: "1.0",
  source: undefined,
  buildSystem: G.gnuBuildSystem(),
  synopsis: "An app",
  description: "It does things.",
  homePage: "https://example.org",
  license: "expat" as const,
};

/** The problems of a manifest holding `p`, or the file it prints to; never a throw. */
function check(build: () => G.Manifest): { path?: string; problems: readonly G.Problem[] } {
  const result = G.manifestFileE({ manifest: build(), context: "standalone" });
  return { problems: E.isLeft(result) ? result.left : [] };
}

const anything = fc.anything({
  withBigInt: true,
  withNullPrototype: true,
  withBoxedValues: true,
  withSparseArray: true,
});
const runs = { numRuns: 150 };

const PACKAGE_FIELDS = [
  "name",
  "version",
  "source",
  "buildSystem",
  "inputs",
  "nativeInputs",
  "propagatedInputs",
  "outputs",
  "synopsis",
  "description",
  "homePage",
  "license",
  "properties",
  "supportedSystems",
  "nativeSearchPaths",
  "searchPaths",
] as const;

describe("any value in any field gives problems with its path, never a throw", () => {
  it.each(PACKAGE_FIELDS)("pkg({ %s })", (field) => {
    fc.assert(
      fc.property(anything, (value) => {
        const { problems } = check(() =>
          G.packagesToManifest([G.pkg({ ...base, [field]: value } as G.PackageOptions)]),
        );
        for (const p of problems)
          expect(p.path.startsWith(`manifest.packages[0].${field}`) || p.path === "manifest.packages[0]").toBe(true);
      }),
      runs,
    );
  });

  const ORIGIN_FIELDS = ["url", "commit", "ref", "recursive", "sha256", "fileName", "patches", "snippet", "modules"];
  it.each(ORIGIN_FIELDS)("gitFetch({ %s })", (field) => {
    fc.assert(
      fc.property(anything, (value) => {
        const source = G.gitFetch({
          url: "https://example.org/x.git",
          commit: "0".repeat(40),
          sha256: "0".repeat(52),
          [field]: value,
        } as G.GitFetchOptions);
        const { problems } = check(() => G.packagesToManifest([G.pkg({ ...base, source })]));
        for (const p of problems) expect(p.path).toMatch(/^manifest\.packages\[0\]\.source/);
      }),
      runs,
    );
  });

  it.each(["url", "urls", "sha256", "fileName", "patches", "snippet", "modules"])("urlFetch({ %s })", (field) => {
    fc.assert(
      fc.property(anything, (value) => {
        const source = G.urlFetch({
          url: "https://example.org/x.tar.gz",
          sha256: "0".repeat(52),
          [field]: value,
        } as G.UrlFetchOptions);
        const { problems } = check(() => G.packagesToManifest([G.pkg({ ...base, source })]));
        for (const p of problems) expect(p.path).toMatch(/^manifest\.packages\[0\]\.source/);
      }),
      runs,
    );
  });

  it.each(["method", "uri"])("origin({ %s })", (field) => {
    fc.assert(
      fc.property(anything, (value) => {
        const source = G.origin({
          method: { name: "url-fetch", module: ["guix", "download"] },
          uri: "https://example.org/x",
          sha256: "0".repeat(52),
          [field]: value,
        } as G.OriginOptions);
        const { problems } = check(() => G.packagesToManifest([G.pkg({ ...base, source })]));
        for (const p of problems) expect(p.path).toMatch(/^manifest\.packages\[0\]\.source/);
      }),
      runs,
    );
  });

  const BUILD_SYSTEMS: [string, (value: unknown) => G.BuildSystem][] = [
    ["copyBuildSystem installPlan", (v) => G.copyBuildSystem({ installPlan: v } as G.CopyArguments)],
    ["gnuBuildSystem configureFlags", (v) => G.gnuBuildSystem({ configureFlags: v } as G.GnuArguments)],
    ["gnuBuildSystem phases", (v) => G.gnuBuildSystem({ phases: v } as G.GnuArguments)],
    ["gnuBuildSystem tests", (v) => G.gnuBuildSystem({ tests: v } as G.GnuArguments)],
    ["gnuBuildSystem extra", (v) => G.gnuBuildSystem({ extra: v } as G.GnuArguments)],
    ["gnuBuildSystem style", (v) => G.gnuBuildSystem({ style: v, tests: false } as G.GnuArguments)],
    ["nodeBuildSystem node", (v) => G.nodeBuildSystem({ node: v } as G.NodeArguments)],
    ["goBuildSystem importPath", (v) => G.goBuildSystem({ importPath: v } as G.GoArguments)],
    ["buildSystem name", (v) => G.buildSystem(v as string, {}, {})],
  ];
  it.each(BUILD_SYSTEMS)("%s", (_, make) => {
    fc.assert(
      fc.property(anything, (value) => {
        const { problems } = check(() => G.packagesToManifest([G.pkg({ ...base, buildSystem: make(value) })]));
        for (const p of problems) expect(p.path).toMatch(/^manifest\.packages\[0\]\.buildSystem/);
      }),
      runs,
    );
  });

  const MANIFESTS: [string, (value: unknown) => G.Manifest][] = [
    ["specificationsToManifest", (v) => G.specificationsToManifest(v as string[])],
    ["packagesToManifest", (v) => G.packagesToManifest(v as G.PackageInput[])],
    ["packagesToManifest([value])", (v) => G.packagesToManifest([v as G.PackageInput])],
    ["concatenateManifests", (v) => G.concatenateManifests(v as G.Manifest[])],
    ["concatenateManifests([value])", (v) => G.concatenateManifests([v as G.Manifest])],
    ["packageToDevelopmentManifest", (v) => G.packageToDevelopmentManifest(v as G.PackageRef)],
    ["guixPackage variable", (v) => G.packagesToManifest([G.guixPackage(v as string, "gnu packages base")])],
    ["guixPackage module", (v) => G.packagesToManifest([G.guixPackage("hello", v as string)])],
    [
      "transform options",
      (v) => G.packagesToManifest([G.transform(G.guixPackage("a", "b"), v as G.TransformationOption[])]),
    ],
    [
      "withCommit value",
      (v) => G.packagesToManifest([G.transform(G.guixPackage("a", "b"), [G.withCommit("a", v as string)])]),
    ],
    ["searchPath", (v) => G.packagesToManifest([G.pkg({ ...base, searchPaths: [G.searchPath(v as G.SearchPath)] })])],
    [
      "searchPath separator",
      (v) =>
        G.packagesToManifest([
          G.pkg({ ...base, searchPaths: [G.searchPath({ variable: "X", files: ["a"], separator: v as string })] }),
        ]),
    ],
    ["nonCopyleft uri", (v) => G.packagesToManifest([G.pkg({ ...base, license: G.nonCopyleft(v as string) })])],
  ];
  it.each(MANIFESTS)("%s", (_, make) => {
    fc.assert(
      fc.property(anything, (value) => {
        const { problems } = check(() => make(value));
        for (const p of problems) expect(p.path).toMatch(/^manifest/);
      }),
      runs,
    );
  });

  it.each(["name", "url", "branch", "commit", "introduction"])("channel({ %s })", (field) => {
    fc.assert(
      fc.property(anything, (value) => {
        const c = G.channel({ name: "x", url: "https://example.org/x.git", [field]: value } as G.ChannelOptions);
        const result = G.channelsFileE({ channels: [c] });
        if (E.isLeft(result)) for (const p of result.left) expect(p.path).toMatch(/^channels\[0\]/);
      }),
      runs,
    );
  });

  it.each([
    "name",
    "tag",
    "entryPoint",
    "entryPointArgs",
    "cmd",
    "workingDir",
    "env",
    "exposedPorts",
    "labels",
    "user",
    "volumes",
    "symlinks",
    "maxLayers",
    "compression",
  ])("imageSpec({ %s })", (field) => {
    fc.assert(
      fc.property(anything, (value) => {
        const result = G.validateImage(G.imageSpec({ name: "app", [field]: value } as G.ImageSpecOptions));
        if (E.isLeft(result)) for (const p of result.left) expect(p.path).toMatch(new RegExp(`^image\\.${field}`));
      }),
      runs,
    );
  });

  it.each(["name", "systems", "hostKey", "user", "port", "privateKey", "parallelBuilds", "speed", "features"])(
    "buildMachine({ %s })",
    (field) => {
      fc.assert(
        fc.property(anything, (value) => {
          const machine = G.buildMachine({
            name: "big.example.org",
            systems: ["x86_64-linux"],
            hostKey: "ssh-ed25519 AAAA",
            user: "guix",
            [field]: value,
          } as G.BuildMachineOptions);
          const result = G.machinesFileE([machine]);
          if (E.isLeft(result)) for (const p of result.left) expect(p.path).toMatch(/^machines\[0\]/);
        }),
        runs,
      );
    },
  );

  it("the issue's examples each give one problem at their path", () => {
    const cases: [Partial<G.PackageOptions>, string][] = [
      [{ properties: { x: 1.5 } }, ""],
      [{ properties: { x: NaN } }, "manifest.packages[0].properties.x"],
      [{ properties: { x: 2 ** 60 } }, "manifest.packages[0].properties.x"],
      [{ properties: { x: {} } as never }, "manifest.packages[0].properties.x"],
      [{ synopsis: "a\ud800b" }, "manifest.packages[0].synopsis"],
      [{ outputs: "out" as never }, "manifest.packages[0].outputs"],
      [{ inputs: [null as never] }, "manifest.packages[0].inputs[0]"],
    ];
    for (const [fields, path] of cases) {
      const { problems } = check(() => G.packagesToManifest([G.pkg({ ...base, ...fields } as G.PackageOptions)]));
      expect(problems.map((p) => p.path)).toEqual(path === "" ? [] : [path]);
    }
  });
});
