// Free variables follow Scheme's scope; with what a Guix provides, each gets its module imported,
// and Guile reads the file written.
import { describe, expect, it } from "vitest";
import * as E from "fp-ts/lib/Either.js";
import * as G from "@guix-ts/core";
import { readDatums } from "@guix-ts/scheme-printer";
import { guileReadAll } from "@guix-ts/testing";

const free = (text: string, known: string[] = []): string[] =>
  [...G.freeVariables(readDatums(text), new Set(known))].sort();

describe("free variables", () => {
  it.each([
    ["(f x 'quoted `(a ,b ,@c))", ["b", "c", "f", "x"]],
    ["(let ((a 1) (b a)) (g a b))", ["a", "g"]],
    ["(let* ((a 1) (b a)) (g a b))", ["g"]],
    ["(let loop ((i 0)) (loop (h i)))", ["h"]],
    ["(lambda* (x #:key (y (default-y))) (+ x y))", ["+", "default-y"]],
    ["(lambda (. args) (apply f args))", ["apply", "f"]],
    ["(define (f a) (g a))", ["g"]],
    ["(match v ((a b) (+ a b)) (_ (fail)))", ["+", "fail", "v"]],
    ['#~(begin (use-modules (guix build utils)) (invoke #$python "-c" x))', ["python"]],
    ['(origin (method url-fetch) (uri (pypi-uri "foo" version)))', ["origin", "pypi-uri", "url-fetch", "version"]],
    [
      '(package (version "1") (source (origin (method url-fetch) (uri (pypi-uri "foo" version)))))',
      ["origin", "package", "pypi-uri", "url-fetch"],
    ],
    ["(f g)", ["f"]],
  ])("%s", (text, expected) => {
    expect(free(text, text === "(f g)" ? ["g"] : [])).toEqual(expected);
  });
});

describe("module inference with what a Guix provides", () => {
  const knowledge: G.GuixKnowledge = {
    packages: new Map(),
    modules: new Map([
      ["guix build-system python", new Set(["pypi-uri", "python-build-system"])],
      ["guix build-system pyproject", new Set(["pyproject-build-system"])],
      ["guix download", new Set(["url-fetch"])],
      ["gnu packages patches-extra", new Set(["url-fetch"])],
      ["guix packages", new Set(["package", "origin", "base32"])],
      ["guix licenses", new Set(["expat"])],
    ]),
    buildSystems: new Map(),
  };

  it("imports the module that exports each free name (pypi-uri, url-fetch), and Guile reads the file", async () => {
    const manifest = G.packagesToManifest([
      G.pkg({
        name: "python-foo",
        version: "1.0",
        source: G.scheme`(origin (method url-fetch) (uri (pypi-uri "foo" version)) (sha256 (base32 "0000000000000000000000000000000000000000000000000000")))`,
        buildSystem: G.pyprojectBuildSystem(),
        synopsis: "Foo",
        description: "Foo.",
        homePage: "https://example.org",
        license: "expat",
      }),
    ]);
    const file = G.manifestFileE({ manifest, knowledge });
    const text = E.isRight(file) ? file.right.text : "";
    expect(text).toMatch(
      /^\(use-modules \(guix packages\)\n\s+\(guix build-system pyproject\)\n\s+\(guix licenses\)\n\s+\(guix download\)\n\s+\(guix build-system python\)\)\n/,
    );
    expect((await guileReadAll([text]))[0]!.length).toBe(3);
    // Without the knowledge: as before, nothing guessed.
    const plain = G.manifestFileE({ manifest });
    expect(E.isRight(plain) && plain.right.text).not.toContain("(guix download)");
  });
});
