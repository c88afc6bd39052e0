// Every typed build system: its variable, its module imported, its keywords written as Guix's lower
// procedure names them; the arguments all build systems share; lists of packages as arguments.
import { describe, expect, it } from "vitest";
import * as E from "fp-ts/lib/Either.js";
import * as G from "@guix-ts/core";
import { guileReadAll } from "@guix-ts/testing";

const withBuildSystem = (buildSystem: G.BuildSystem): string => {
  const p = G.pkg({
    name: "p",
    version: "1.0",
    source: undefined,
    buildSystem,
    synopsis: "P",
    description: "P.",
    homePage: "https://example.org",
    license: "expat",
  });
  const file = G.manifestFileE({ manifest: G.packagesToManifest([p]) });
  if (E.isLeft(file)) throw new Error(file.left.map((x) => `${x.path}: ${x.message}`).join("\n"));
  return file.right.text;
};

const emacs = G.guixPackage("emacs-minimal", "gnu packages emacs");

describe("typed build systems", () => {
  const cases: [G.BuildSystem, string, string, string][] = [
    [
      G.emacsBuildSystem({ emacs, testCommand: ["make", "test"] }),
      "emacs",
      "emacs-build-system",
      `#:emacs emacs-minimal`,
    ],
    [G.rubyBuildSystem({ gemFlags: ["--local"] }), "ruby", "ruby-build-system", `#:gem-flags '("--local")`],
    [G.rBuildSystem({ testTypes: ["tests"] }), "r", "r-build-system", `#:test-types '("tests")`],
    [G.perlBuildSystem({ makeMaker: true }), "perl", "perl-build-system", "#:make-maker? #t"],
    [G.duneBuildSystem({ package: "yojson" }), "dune", "dune-build-system", `#:package "yojson"`],
    [G.ocamlBuildSystem({ useMake: true }), "ocaml", "ocaml-build-system", "#:use-make? #t"],
    [
      G.glibOrGtkBuildSystem({ wrapExcludedOutputs: ["doc"] }),
      "glib-or-gtk",
      "glib-or-gtk-build-system",
      `#:glib-or-gtk-wrap-excluded-outputs '("doc")`,
    ],
    [G.qtBuildSystem({ testExclude: "slow" }), "qt", "qt-build-system", `#:test-exclude "slow"`],
    [
      G.asdfBuildSystem({ lisp: "sbcl", asdSystems: ["cl-ppcre"] }),
      "asdf",
      "asdf-build-system/sbcl",
      `#:asd-systems '("cl-ppcre")`,
    ],
    [G.haskellBuildSystem({ haddock: false }), "haskell", "haskell-build-system", "#:haddock? #f"],
    [G.juliaBuildSystem({ juliaPackageName: "JSON" }), "julia", "julia-build-system", `#:julia-package-name "JSON"`],
    [G.antBuildSystem({ jarName: "cli.jar" }), "ant", "ant-build-system", `#:jar-name "cli.jar"`],
    [G.mavenBuildSystem({ pomFile: "pom.xml" }), "maven", "maven-build-system", `#:pom-file "pom.xml"`],
    [
      G.texliveBuildSystem({ buildTargets: ["x.ins"] }),
      "texlive",
      "texlive-build-system",
      `#:build-targets '("x.ins")`,
    ],
    [G.fontBuildSystem({ tests: false }), "font", "font-build-system", "#:tests? #f"],
    [G.guileBuildSystem({ sourceDirectory: "src" }), "guile", "guile-build-system", `#:source-directory "src"`],
    [G.zigBuildSystem({ zigReleaseType: "safe" }), "zig", "zig-build-system", `#:zig-release-type "safe"`],
    [G.cargoBuildSystem({ features: ["pcre2"] }), "cargo", "cargo-build-system", `#:features '("pcre2")`],
    [G.pyprojectBuildSystem({ backendPath: ["."] }), "pyproject", "pyproject-build-system", `#:backend-path '(".")`],
  ];
  it.each(cases)("%#: (guix build-system %s), %s, %s", (bs, module, variable, keyword) => {
    const text = withBuildSystem(bs);
    expect(text).toContain(`(guix build-system ${module})`);
    expect(text).toContain(`(build-system ${variable})`);
    expect(text).toContain(keyword);
  });

  it("the arguments every build system takes, flags first and phases last; Guile reads them", async () => {
    const text = withBuildSystem(
      G.gnuBuildSystem({
        phases: G.scheme`#~(modify-phases %standard-phases (delete 'check))`,
        tests: false,
        testTarget: "check",
        configureFlags: ["--disable-static"],
        makeFlags: G.scheme`(list (string-append "CC=" #$(cc-for-target)))`,
        modules: G.scheme`'((guix build gnu-build-system) (guix build utils))`,
        importedModules: G.scheme`%default-gnu-imported-modules`,
        parallelBuild: false,
        parallelTests: false,
        validateRunpath: false,
        substitutable: false,
        stripBinaries: false,
        outOfSource: true,
        patchShebangs: false,
      }),
    );
    const keywords = [...text.matchAll(/#:([\w?-]+)/g)].map((m) => m[1]);
    expect(keywords).toEqual([
      "configure-flags",
      "make-flags",
      "patch-shebangs?",
      "tests?",
      "test-target",
      "parallel-build?",
      "parallel-tests?",
      "validate-runpath?",
      "substitutable?",
      "strip-binaries?",
      "out-of-source?",
      "imported-modules",
      "modules",
      "phases",
    ]);
    expect((await guileReadAll([text]))[0]).toHaveLength(3);
  });

  it("#:allowed-references and #:disallowed-references: output names and packages, in either style", async () => {
    const tzdata = G.guixPackage("tzdata", "gnu packages base");
    const modern = withBuildSystem(G.gnuBuildSystem({ allowedReferences: ["out"], disallowedReferences: [tzdata] }));
    expect(modern).toContain(`#:allowed-references '("out")`);
    expect(modern).toContain("#:disallowed-references (list tzdata)");
    expect(modern).toContain("(gnu packages base)");
    const quoted = withBuildSystem(G.gnuBuildSystem({ style: "quoted", disallowedReferences: ["out", tzdata] }));
    expect(quoted).toContain('`(#:disallowed-references ("out" ,tzdata))');
    expect((await guileReadAll([modern, quoted])).map((forms) => forms.length)).toEqual([3, 3]);
    const bad = G.pkg({
      name: "p",
      version: "1",
      source: undefined,
      buildSystem: G.gnuBuildSystem({ disallowedReferences: ["out", 3 as never] }),
      synopsis: "P",
      description: "P.",
      homePage: "https://example.org",
      license: "expat",
    });
    const file = G.manifestFileE({ manifest: G.packagesToManifest([bad]) });
    expect(E.isLeft(file) && file.left.map((p) => p.path)).toEqual([
      "manifest.packages[0].buildSystem.disallowed-references[1]",
    ]);
  });
});
