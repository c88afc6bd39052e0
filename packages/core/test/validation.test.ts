import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import * as G from "@guix-ts/core";

const good = {
  name: "app",
  version: "1.0",
  synopsis: "An app",
  description: "It does things.",
  homePage: "https://example.org",
  license: "expat" as const,
  buildSystem: G.copyBuildSystem(),
};

function problems(v: G.Validation<unknown>): G.Problem[] {
  return E.isLeft(v) ? [...v.left] : [];
}

describe("validation gathers every problem, each with its path and value", () => {
  it("checks a package used in several places once, and says each place its problem stands at", () => {
    const lib = G.pkg({ ...good, name: "lib", source: undefined, synopsis: "" });
    const app = (name: string) => G.pkg({ ...good, name, source: undefined, inputs: [lib] });
    const manifest = G.packagesToManifest([app("a"), app("b"), lib]);
    expect(problems(G.manifestFileE({ manifest }))).toEqual([
      {
        path: "manifest.packages[0].inputs[0].synopsis",
        value: "",
        message: "expected a non-empty synopsis",
        alsoAt: ["manifest.packages[1].inputs[0].synopsis", "manifest.packages[2].synopsis"],
      },
    ]);
    expect(G.formatProblems(problems(G.manifestFileE({ manifest })))).toBe(
      'manifest.packages[0].inputs[0].synopsis: "": expected a non-empty synopsis (also at manifest.packages[1].inputs[0].synopsis, manifest.packages[2].synopsis)',
    );
  });

  it("defines a shared package once in the file, before the packages that use it", () => {
    const lib = G.pkg({ ...good, name: "lib", source: undefined });
    const app = (name: string) => G.pkg({ ...good, name, source: undefined, inputs: [lib] });
    const text = G.manifestFile({ manifest: G.packagesToManifest([app("a"), app("b"), lib]) }).text;
    expect(text.match(/\(define \S+/g)).toEqual(["(define lib", "(define a", "(define b"]);
  });

  it("reports a short base32 hash as the issue describes it", () => {
    const p = G.pkg({
      ...good,
      source: G.gitFetch({
        url: "https://git.sr.ht/~qeef/damn-server",
        commit: "master",
        sha256: "06wdh66phmccllf9m085br5zld773663w9bnkbfq45yihb3a88w",
      }),
    });
    const manifest = G.concatenateManifests([G.specificationsToManifest(["python"]), G.packagesToManifest([p])]);
    expect(G.formatProblems(problems(G.manifestFileE({ manifest })))).toBe(
      'manifest.manifests[1].packages[0].source.sha256: "06wdh66phmccllf9m085br5zld773663w9bnkbfq45yihb3a88w": expected 52 nix-base32 characters (0-9 a-d f-n p-s v-z), got 51',
    );
  });

  it("reports every mistake of a package at once", () => {
    const p = G.pkg({
      ...good,
      name: "bad name",
      version: "1 0",
      source: G.urlFetch({ url: "not a url", sha256: "e".repeat(52) }),
      buildSystem: G.copyBuildSystem({ installPlan: [{ source: "/abs", target: "" }] }),
      inputs: [[G.guixPackage("glib", "gnu packages glib"), "no spaces allowed"]],
      homePage: "example.org",
      license: "gpl-3" as G.LicenseName,
      synopsis: "",
    });
    const found = problems(G.manifestFileE({ manifest: G.packagesToManifest([p]) }));
    expect(found.map((f) => f.path)).toEqual([
      "manifest.packages[0].name",
      "manifest.packages[0].version",
      "manifest.packages[0].source.uri",
      "manifest.packages[0].source.sha256",
      "manifest.packages[0].buildSystem.install-plan[0].source",
      "manifest.packages[0].buildSystem.install-plan[0].target",
      "manifest.packages[0].inputs[0][1]",
      "manifest.packages[0].synopsis",
      "manifest.packages[0].homePage",
      "manifest.packages[0].license",
    ]);
    expect(found.find((f) => f.path.endsWith("sha256"))).toMatchObject({
      value: "e".repeat(52),
      message: expect.stringContaining('found "e"'),
    });
  });

  it("reports a missing hash with what to do", () => {
    const p = G.pkg({ ...good, source: G.gitFetch({ url: "https://example.org/x.git", commit: "v1" }) });
    expect(problems(G.manifestFileE({ manifest: G.packagesToManifest([p]) }))).toEqual([
      {
        path: "manifest.packages[0].source.sha256",
        value: undefined,
        message: "missing: give the nix-base32 sha256, or run `guix-ts lock` to compute it",
      },
    ]);
  });

  it("checks specifications, and names installed twice", () => {
    const p = G.pkg({ ...good, source: undefined });
    const manifest = G.concatenateManifests([
      G.specificationsToManifest(["python", "py thon", "glib:bin", "app"]),
      G.packagesToManifest([p]),
    ]);
    expect(problems(G.manifestFileE({ manifest })).map((f) => `${f.path}: ${f.message}`)).toEqual([
      'manifest.manifests[0].specifications[1]: expected a specification "name", "name@version", "name:output" or "name@version:output"',
      "manifest.manifests[1].packages[0]: package app is already in the manifest at manifest.manifests[0].specifications[3]",
    ]);
  });

  it("checks channel names, commits, URLs and fingerprints", () => {
    const bad = G.channel({
      name: "Bad_Name",
      url: "ftp//x",
      commit: "abc",
      introduction: { commit: "9edb3f66fd807b096b48283debdcddccfea34bad", signer: "BBB0 2DDF" },
    });
    const again = G.channel({ name: "Bad_Name", url: "https://example.org/x.git" });
    expect(problems(G.channelsFileE({ channels: [bad, again] })).map((f) => f.path)).toEqual([
      "channels[0].name",
      "channels[0].url",
      "channels[0].commit",
      "channels[0].introduction.signer",
      "channels[1].name",
      "channels[1].name",
    ]);
  });

  it("accepts fingerprints with or without spaces", () => {
    const c = (signer: string) =>
      G.channel({
        name: "x",
        url: "https://example.org/x.git",
        introduction: { commit: "9edb3f66fd807b096b48283debdcddccfea34bad", signer },
      });
    expect(E.isRight(G.channelsFileE({ channels: [c("BBB02DDF2CEAF6A80D1DE643A2A06DF2A33A54FA")] }))).toBe(true);
    expect(E.isRight(G.channelsFileE({ channels: [c("BBB0 2DDF 2CEA F6A8 0D1D E643 A2A0 6DF2 A33A 54FA")] }))).toBe(
      true,
    );
  });

  it("the throwing wrapper lists every problem", () => {
    const p = G.pkg({ ...good, name: "", version: "", source: undefined });
    expect(() => G.manifestFile({ manifest: G.packagesToManifest([p]) })).toThrowError(
      /^2 problems:\nmanifest\.packages\[0\]\.name: "": expected a package name.*\nmanifest\.packages\[0\]\.version: "": expected a version without spaces$/,
    );
  });

  it("writeFile writes nothing when validation failed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "guix-ts-core-"));
    try {
      const file = join(dir, "manifest.scm");
      const result = G.manifestFileE({ manifest: G.specificationsToManifest(["bad spec"]) });
      await expect(G.writeFile(file, result)).rejects.toBeInstanceOf(G.GuixValidationError);
      expect(existsSync(file)).toBe(false);
      await G.writeFile(file, G.manifestFileE({ manifest: G.specificationsToManifest(["hello"]) }));
      expect(readdirSync(dir)).toEqual(["manifest.scm"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("a lock beside a malformed source", () => {
  it("a string where an origin belongs is a problem, not a crash, when a lock is applied", () => {
    const p = G.pkg({
      name: "app",
      version: "1",
      source: "https://example.org/app.tar.gz" as never,
      buildSystem: G.copyBuildSystem(),
      synopsis: "An app",
      description: "An app.",
      homePage: "https://example.org",
      license: "expat",
    });
    const result = G.validateManifest(G.packagesToManifest([p]), { lock: G.EMPTY_LOCK });
    expect(E.isLeft(result) && result.left.map((x) => x.path)).toEqual(["manifest.packages[0].source"]);
  });
});
