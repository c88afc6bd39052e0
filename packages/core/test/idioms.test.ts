// The idioms of Guix's package modules as builders: phases, build-side flags and modules, URLs and
// commits computed from the version, properties, search paths, comments and blank lines inside
// fields. Each definition is compared with the text Guix's layout gives it (written here by hand
// from Guix's record syntax), and Guile reads every file back.
import { describe, expect, it } from "vitest";
import * as E from "fp-ts/lib/Either.js";
import * as G from "@guix-ts/core";
import { printDatum, readDatums, type Datum } from "@guix-ts/scheme-printer";
import { guileReadAll } from "@guix-ts/testing";

const HASH = "0000000000000000000000000000000000000000000000000000";

/** The definition's text in a package module, read back by Guile. */
async function defined(value: G.Package | G.PackageVariant): Promise<string> {
  const file = G.guixFileE(G.guixFile([G.definePackage("x", value)], { licensePrefix: "license:" }));
  if (E.isLeft(file)) throw new Error(file.left.map((p) => `${p.path}: ${p.message}`).join("\n"));
  expect((await guileReadAll([file.right.text]))[0]!.length).toBeGreaterThan(0);
  return file.right.text;
}

const problems = (value: G.Package | G.PackageVariant): string[] => {
  const file = G.guixFileE(G.guixFile([G.definePackage("x", value)]));
  return E.isLeft(file) ? file.left.map((p) => `${p.path}: ${p.message}`) : [];
};

const base = {
  name: "tool",
  version: "1.4.0",
  synopsis: "A tool",
  description: "A tool.",
  homePage: "https://example.org/tool",
  license: "expat",
} as const;

describe("phases, flags and modules of the build side", () => {
  it("modifyPhases: delete, add-after/before with comments, replace, margin comments; flags with code; buildModules", async () => {
    const text = await defined(
      G.pkg({
        ...base,
        source: undefined,
        buildSystem: G.gnuBuildSystem({
          configureFlags: G.flags(["--disable-static", G.scheme`(string-append "--with-z=" #$zlib)`]),
          modules: G.buildModules([
            ["guix", "build", "gnu-build-system"],
            { module: ["guix", "build", "python-build-system"], prefix: "python:" },
            { module: ["ice-9", "match"], select: ["string-trim"] },
          ]),
          phases: G.modifyPhases([
            ";; No configure script.",
            [G.deletePhase("configure"), ";nothing to configure"],
            G.addBefore("check", "set-home", G.scheme`(lambda _ (setenv "HOME" "/tmp"))`, {
              comments: [";; The tests write to HOME."],
            }),
            G.replacePhase("install", G.scheme`(lambda _ (invoke "make" "install"))`),
          ]),
        }),
      }),
    );
    expect(text).toContain(`    (arguments
     (list
      #:configure-flags
      #~(list "--disable-static"
              (string-append "--with-z="
                             #$zlib))
      #:modules '((guix build gnu-build-system)
                  ((guix build python-build-system)
                   #:prefix python:)
                  ((ice-9 match)
                   #:select (string-trim)))
      #:phases
      #~(modify-phases %standard-phases
          ;; No configure script.
          (delete 'configure) ;nothing to configure
          (add-before 'check 'set-home
            ;; The tests write to HOME.
            (lambda _
              (setenv "HOME" "/tmp")))
          (replace 'install
            (lambda _
              (invoke "make" "install"))))))`);
  });

  it("staged otherwise: quoted phases, plain flags, a base other than %standard-phases, spliced modules", async () => {
    const node = (e: G.Expression): string => printDatum(e.node as Datum);
    expect(node(G.modifyPhases([G.deletePhase("check")], { quoting: "quote", base: "%phases" }))).toBe(
      "'(modify-phases %phases\n   (delete 'check))",
    );
    expect(node(G.modifyPhases([G.deletePhase("check")], { quoting: "none" }))).toBe(
      "(modify-phases %standard-phases\n  (delete 'check))",
    );
    expect(node(G.flags(["-j1"], { quoting: "none" }))).toBe('(list "-j1")');
    expect(
      node(
        G.buildModules([{ splice: "%default-gnu-imported-modules" }, ["guix", "build", "utils"]], {
          quoting: "quasiquote",
        }),
      ),
    ).toBe("`(,@%default-gnu-imported-modules (guix build utils))");
  });
});

describe("what Guix computes from the name and version", () => {
  it("URLs of CRAN, Bioconductor, Hackage, RubyGems and hex.pm; version parts; a commit from the version; the home page as repository", async () => {
    // The data, one line: how long forms break is the printer's business.
    const node = (e: G.Expression): string => printDatum(e.node as Datum).replace(/\s+/g, " ");
    expect(node(G.cranUri("ggplot2"))).toBe('(cran-uri "ggplot2" version)');
    expect(node(G.bioconductorUri("org.Hs.eg.db", G.packageVersion, G.quoted("annotation")))).toBe(
      '(bioconductor-uri "org.Hs.eg.db" version \'annotation)',
    );
    expect(node(G.hackageUri("aeson"))).toBe('(hackage-uri "aeson" version)');
    expect(node(G.rubygemsUri("rake"))).toBe('(rubygems-uri "rake" version)');
    expect(node(G.hexpmUri("jsx"))).toBe('(hexpm-uri "jsx" version)');
    expect(
      node(G.concat("https://example.org/", G.versionMajorMinor(), "/", G.packageName, "-", G.packageVersion)),
    ).toBe('(string-append "https://example.org/" (version-major+minor version) "/" name "-" version)');
    expect(G.cranUri("x").modules).toEqual([["guix", "build-system", "r"]]);
    expect(G.versionMajor().modules).toEqual([["guix", "utils"]]);

    const source = G.gitFetch({
      url: G.packageHomePage,
      commit: G.concat("v", G.packageVersion),
      sha256: HASH,
      fileName: G.gitFileName,
    });
    const text = await defined(G.pkg({ ...base, source, buildSystem: G.gnuBuildSystem() }));
    expect(text).toContain(`(uri (git-reference
             (url home-page)
             (commit (string-append "v" version))))`);
    // The lock follows the tag the version names, in the repository the home page names.
    expect(
      G.sourcePin({ ...base, source: G.gitFetch({ url: G.packageHomePage, commit: G.concat("v", G.packageVersion) }) }),
    ).toMatchObject({
      url: "https://example.org/tool",
      ref: "v1.4.0",
    });
    expect(
      G.sourcePin({ ...base, source: G.gitFetch({ url: "https://example.org/t.git", commit: G.goVersionToGitRef() }) }),
    ).toMatchObject({
      ref: "HEAD",
    });
  });
});

describe("properties, search paths, systems, licenses, comments and blank lines", () => {
  it("writes each as Guix code has it", async () => {
    const text = await defined(
      G.pkg({
        ...base,
        source: undefined,
        buildSystem: G.gnuBuildSystem({
          tests: false,
          makeFlags: ["V=1"],
          blankLinesBefore: ["tests?"],
          innerComments: { "tests?": [";; Why."] },
        }),
        inputs: [
          G.packageVariable("zlib"),
          G.inputComment(";for zlib.h", { margin: true }),
          G.inputComment(";; Tests."),
          G.packageVariable("python"),
        ],
        properties: G.properties(
          { "upstream-name": "Tool", "updater-extra-inputs": ["gfortran"] },
          { quasiquoted: true },
        ),
        nativeSearchPaths: [G.predefinedSearchPath("SSL_CERT_DIR")],
        supportedSystems: G.scheme`%64bit-supported-systems`,
        license: [G.nonCopyleft("https://example.org/LICENSE"), "expat"],
        innerComments: { inputs: [";; Both needed."] },
        blankLinesBefore: ["home-page"],
      }),
    );
    expect(text).toContain(
      '(arguments\n     (list\n      #:make-flags \'("V=1")\n\n      #:tests?\n      ;; Why.\n      #f))',
    );
    expect(text).toContain(
      "(inputs\n     ;; Both needed.\n     (list zlib ;for zlib.h\n           ;; Tests.\n           python))",
    );
    expect(text).toContain('(properties `((upstream-name . "Tool") (updater-extra-inputs "gfortran")))');
    expect(text).toContain("(native-search-paths\n     (list $SSL_CERT_DIR))");
    expect(text).toContain("\n\n    (home-page");
    expect(text).toContain(
      '(license (list (license:non-copyleft "https://example.org/LICENSE")\n                   license:expat))',
    );
    expect(text).toContain("(supported-systems %64bit-supported-systems)");
  });

  it("a variant's own arguments under its parent's build system, no inputs, the parent's license", async () => {
    const text = await defined(
      G.inherit(G.packageVariable("tool"), {
        name: "tool-minimal",
        arguments: G.keywordArguments({ tests: false, configureFlags: ["--minimal"] }),
        inputs: [],
        license: G.packageLicense("tool"),
      }),
    );
    expect(text).toContain(`(package
    (inherit tool)
    (name "tool-minimal")
    (arguments
     (list
      #:configure-flags '("--minimal")
      #:tests? #f))
    (inputs '())
    (license (package-license tool))))`);
  });

  it("bad values are found with their paths", async () => {
    expect(
      problems(
        G.pkg({
          ...base,
          source: undefined,
          buildSystem: G.gnuBuildSystem(),
          properties: { names: ["a", 3 as unknown as string] },
          innerComments: { inputs: "no" as unknown as string[] },
          blankLinesBefore: [4 as unknown as string],
        }),
      ),
    ).toEqual([
      "file.forms[0].package.properties.names[1]: expected a string (text without lone surrogates)",
      "file.forms[0].package.innerComments.inputs: expected comment lines, each one line starting with ;",
      "file.forms[0].package.blankLinesBefore: expected a list of strings",
    ]);
    expect(
      problems(
        G.inherit(G.packageVariable("tool"), {
          arguments: G.keywordArguments({ extra: { "tests?": Symbol() as never } }),
        }),
      ),
    ).toHaveLength(1);
  });

  it("a form read with frozen: false (nodes only to look at) is frozen by the builder it is given, and printed", () => {
    const [loose] = readDatums("(define x 1)", { frozen: false });
    const file = G.guixFile([loose!]);
    expect(Object.isFrozen(file.forms[0])).toBe(true);
    const printed = G.guixFileE(file);
    expect(E.isRight(printed) && printed.right.text).toBe("(define x\n  1)\n");
  });
});

describe("packages of a git commit, older inputs, inherited origins", () => {
  it("let bindings around the package, gitVersion, the commit bound; the lock pins the bound commit and keeps (commit commit)", async () => {
    const commit = "0123456789abcdef0123456789abcdef01234567";
    const source = G.gitFetch({
      url: "https://example.org/tool.git",
      commit: G.boundVariable("commit"),
      fileName: G.gitFileName,
    });
    const p = G.pkg({
      ...base,
      version: G.gitVersion("1.5.0"),
      bindings: [
        ["commit", commit],
        ["revision", "1"],
      ],
      source,
      buildSystem: G.gnuBuildSystem(),
    });
    const pin = G.sourcePin(p)!;
    expect(pin).toMatchObject({ ref: commit, fixed: true });
    const lock = {
      ...G.EMPTY_LOCK,
      sources: {
        [pin.key]: {
          url: pin.url,
          ref: commit,
          recursive: false,
          commit,
          sha256: HASH,
          packages: ["tool"],
          lastModified: 0,
        },
      },
    };
    const file = G.manifestFileE({ manifest: G.packagesToManifest([p]), lock });
    if (E.isLeft(file)) throw new Error(file.left.map((x) => x.message).join("\n"));
    expect(file.right.text).toContain(`(define tool
  (let ((commit "${commit}")
        (revision "1"))
    (package
      (name "tool")
      (version (git-version "1.5.0" revision commit))
      (source
       (origin
         (method git-fetch)
         (uri (git-reference
               (url "https://example.org/tool.git")
               (commit commit)))
         (file-name (git-file-name name version))
         (sha256
          (base32 "${HASH}"))))`);
    expect((await guileReadAll([file.right.text]))[0]!.length).toBeGreaterThan(0);
    expect(
      problems(G.pkg({ ...base, source: undefined, buildSystem: G.gnuBuildSystem(), bindings: [["a b", "1"]] })),
    ).toEqual(["file.forms[0].package.bindings[0]: expected [variable, value]"]);
  });

  it("labeled inputs (all or none), a quasiquoted output, an origin inheriting another's, another package's version", async () => {
    const text = await defined(
      G.inherit(G.packageVariable("tool"), {
        version: G.versionOf("python"),
        source: G.inheritOrigin(G.packageSource("tool"), { patches: G.searchPatches("tool-fix.patch") }),
        nativeInputs: [G.quasiquotedOutput(G.packageVariable("glib"), "bin")],
        inputs: [
          G.labeledInput("zlib", G.packageVariable("zlib")),
          G.labeledInput("openssl", G.packageVariable("openssl"), "static"),
        ],
      }),
    );
    expect(text).toContain(`    (version (package-version python))
    (source
     (origin
       (inherit (package-source tool))
       (patches (search-patches "tool-fix.patch"))))
    (native-inputs (list \`(,glib "bin")))
    (inputs \`(("zlib" ,zlib)
              ("openssl" ,openssl "static")))`);
    expect(
      problems(
        G.inherit(G.packageVariable("tool"), {
          inputs: [G.labeledInput("zlib", G.packageVariable("zlib")), G.packageVariable("x")],
        }),
      ),
    ).toEqual(["file.forms[0].package.inputs: labeled and unlabeled inputs mixed: label them all or none"]);
    // An origin of its own still needs its method, URI and hash.
    expect(
      problems(
        G.inherit(G.packageVariable("tool"), { source: G.origin({ method: G.urlFetchMethod, uri: undefined }) }),
      ),
    ).toHaveLength(2);
  });
});
