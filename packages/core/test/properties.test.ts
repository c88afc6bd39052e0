// Builders against the real Guile: random valid inputs give files that Guile reads back
// into the data the builders meant; random invalid inputs give exactly their problems and no file.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import * as G from "@guix-ts/core";
import { encodeTopLevel, guileReadAll, schemeText } from "@guix-ts/testing";

const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/);
const version = fc.stringMatching(/^[0-9]{1,3}(\.[0-9]{1,3}){0,2}$/);
const hash = fc
  .array(fc.constantFrom(...G.NIX_BASE32_ALPHABET), { minLength: 52, maxLength: 52 })
  .map((a) => a.join(""));
// Host labels without "-": "xn--" starts a punycode label, which a URL parser rightly refuses when malformed.
const url = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9]{0,10}$/), name)
  .map(([host, path]) => `https://${host}.example.org/${path}`);
const license = fc.constantFrom(...G.LICENSE_NAMES);
const text = schemeText.filter((t) => t.trim() !== "");

const origin = fc.oneof(
  fc
    .record({ url, commit: fc.stringMatching(/^[0-9a-f]{40}$/), sha256: hash, recursive: fc.boolean() })
    .map((o) => G.gitFetch(o)),
  fc.record({ url, sha256: hash }).map((o) => G.urlFetch(o)),
);
const buildSystem = fc.oneof(
  fc
    .record({ source: name, target: name, style: fc.constantFrom("modern" as const, "quoted" as const) })
    .map(({ source, target, style }) => G.copyBuildSystem({ installPlan: [{ source, target }], style })),
  fc.record({ configureFlags: fc.array(text, { maxLength: 3 }), tests: fc.boolean() }).map((o) => G.gnuBuildSystem(o)),
  fc.boolean().map((tests) => G.pythonBuildSystem({ tests })),
);
const pkgArb = fc
  .record({
    name,
    version,
    source: fc.option(origin, { nil: undefined }),
    buildSystem,
    synopsis: text,
    description: text,
    homePage: url,
    license: fc.oneof(license, fc.array(license, { minLength: 1, maxLength: 2 })),
    inputs: fc.array(
      name.map((n) => G.guixPackage(n, `gnu packages ${n}`)),
      { maxLength: 3 },
    ),
  })
  .map((o) => G.pkg(o));
const manifest = fc
  .tuple(fc.uniqueArray(name, { maxLength: 4 }), fc.uniqueArray(pkgArb, { maxLength: 3, selector: (p) => p.name }))
  .filter(([specs, pkgs]) => !pkgs.some((p) => specs.includes(p.name)))
  .map(([specs, pkgs]) => G.concatenateManifests([G.specificationsToManifest(specs), G.packagesToManifest(pkgs)]));

describe("core builders, read back by guile-3.0", () => {
  it("random valid manifests give files that Guile reads as the data built", async () => {
    const manifests = fc.sample(manifest, { numRuns: 500, seed: 3 });
    const files = manifests.map((m) => G.manifestFile({ manifest: m, context: "standalone" }));
    const read = await guileReadAll(files.map((f) => f.text));
    const mismatches = files.filter((f, i) => JSON.stringify(read[i]) !== JSON.stringify(encodeTopLevel(f.nodes)));
    expect(mismatches.map((f) => f.text).slice(0, 2)).toEqual([]);
  });
});

// A fault, the path where it must be reported, and how to make it.
const FAULTS = {
  name: (p: G.PackageOptions): G.PackageOptions => ({ ...p, name: "has space" }),
  version: (p: G.PackageOptions): G.PackageOptions => ({ ...p, version: "" }),
  "source.sha256": (p: G.PackageOptions): G.PackageOptions => ({
    ...p,
    source: G.urlFetch({ url: "https://example.org/x.tgz", sha256: "short" }),
  }),
  homePage: (p: G.PackageOptions): G.PackageOptions => ({ ...p, homePage: "nowhere" }),
  license: (p: G.PackageOptions): G.PackageOptions => ({ ...p, license: "made-up" as G.LicenseName }),
  synopsis: (p: G.PackageOptions): G.PackageOptions => ({ ...p, synopsis: " " }),
};

describe("invalid builder input", () => {
  it("gives exactly the problems put in, and writes no file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "guix-ts-faults-"));
    try {
      await fc.assert(
        fc.asyncProperty(
          pkgArb,
          fc.subarray(Object.keys(FAULTS) as (keyof typeof FAULTS)[], { minLength: 1 }),
          async (valid, faults) => {
            const options = faults.reduce((p, f) => FAULTS[f](p), { ...valid } as G.PackageOptions);
            const result = G.manifestFileE({ manifest: G.packagesToManifest([G.pkg(options)]) });
            const paths = E.isLeft(result) ? result.left.map((p) => p.path) : [];
            expect(paths.sort()).toEqual(faults.map((f) => `manifest.packages[0].${f}`).sort());
            const file = join(dir, "manifest.scm");
            await expect(G.writeFile(file, result)).rejects.toBeInstanceOf(G.GuixValidationError);
            expect(existsSync(file)).toBe(false);
          },
        ),
        { numRuns: 300 },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
