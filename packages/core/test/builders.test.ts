import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import * as G from "@guix-ts/core";
import { sym } from "@guix-ts/scheme-printer";

const hash = "0ssi1wpaf7plaswqqjwigppsg5fyh99vdlb9kzl7c9lng89ndq1i";
const base = {
  version: "1.0",
  synopsis: "A test",
  description: "A package for tests.",
  homePage: "https://example.org",
  license: "expat" as const,
};

const text = (manifest: G.Manifest, options: Partial<G.ManifestFileOptions> = {}): string =>
  G.manifestFile({ manifest, ...options }).text;

describe("package and origin builders", () => {
  it("writes every package field in Guix's order, with modern inputs", () => {
    const lib = G.pkg({ ...base, name: "libfoo", source: undefined, buildSystem: G.gnuBuildSystem() });
    const app = G.pkg({
      ...base,
      name: "app",
      source: G.urlFetch({
        urls: ["https://a.example/app-1.0.tar.gz", "mirror://gnu/app/app-1.0.tar.gz"],
        sha256: hash,
      }),
      outputs: ["out", "doc"],
      buildSystem: G.gnuBuildSystem({ configureFlags: ["--disable-static"], tests: false }),
      nativeInputs: [G.guixPackage("pkg-config", "gnu packages pkg-config")],
      inputs: [lib, [G.guixPackage("glib", "gnu packages glib"), "bin"]],
      nativeSearchPaths: [G.searchPath({ variable: "APP_PATH", files: ["share/app"] })],
      license: ["gpl3+", G.nonCopyleft("https://example.org/LICENSE")],
      properties: { "upstream-name": "App", hidden: true },
      supportedSystems: ["x86_64-linux"],
    });
    expect(text(G.packagesToManifest([app]))).toBe(`(use-modules (guix packages)
             (guix build-system gnu)
             (guix licenses)
             (guix download)
             (gnu packages pkg-config)
             (gnu packages glib))

(define libfoo
  (package
    (name "libfoo")
    (version "1.0")
    (source
     #f)
    (build-system gnu-build-system)
    (synopsis "A test")
    (description "A package for tests.")
    (home-page "https://example.org")
    (license expat)))

(define app
  (package
    (name "app")
    (version "1.0")
    (source
     (origin
       (method url-fetch)
       (uri (list "https://a.example/app-1.0.tar.gz"
                  "mirror://gnu/app/app-1.0.tar.gz"))
       (sha256
        (base32 "${hash}"))))
    (outputs '("out" "doc"))
    (build-system gnu-build-system)
    (arguments
     (list
      #:configure-flags '("--disable-static")
      #:tests? #f))
    (native-inputs (list pkg-config))
    (inputs (list libfoo
                  (list glib "bin")))
    (native-search-paths
     (list (search-path-specification
            (variable "APP_PATH")
            (files '("share/app")))))
    (synopsis "A test")
    (description "A package for tests.")
    (home-page "https://example.org")
    (license (list gpl3+
                   (non-copyleft "https://example.org/LICENSE")))
    (properties '((upstream-name . "App") (hidden . #t)))
    (supported-systems '("x86_64-linux"))))

(packages->manifest (list app))
`);
  });

  it("writes git origins with recursive checkouts, file names, patches, modules and snippets", () => {
    const p = G.pkg({
      ...base,
      name: "gitpkg",
      source: G.gitFetch({
        url: "https://example.org/gitpkg.git",
        commit: "v1.0",
        recursive: true,
        sha256: hash,
        fileName: G.gitFileName,
        patches: ["fix-build.patch"],
        modules: [["guix", "build", "utils"]],
        snippet: G.scheme`'(delete-file-recursively "vendor")`,
      }),
      buildSystem: G.copyBuildSystem(),
    });
    expect(text(G.packagesToManifest([p]))).toContain(`    (source
     (origin
       (method git-fetch)
       (uri (git-reference
             (url "https://example.org/gitpkg.git")
             (commit "v1.0")
             (recursive? #t)))
       (file-name (git-file-name name version))
       (sha256
        (base32 "${hash}"))
       (patches (list (local-file "fix-build.patch")))
       (modules '((guix build utils)))
       (snippet
        '(delete-file-recursively "vendor"))))`);
  });
});

describe("build systems", () => {
  const withBuild = (buildSystem: G.BuildSystem): string =>
    text(G.packagesToManifest([G.pkg({ ...base, name: "p", source: undefined, buildSystem })]));

  it("writes an install plan in the quoted style, as the seed does", () => {
    expect(withBuild(G.copyBuildSystem({ installPlan: [{ source: ".", target: "." }], style: "quoted" }))).toContain(
      `(arguments\n     '(#:install-plan '(("." "."))))`,
    );
  });

  it("writes an install plan with filters in the modern style, as Guix's own packages do", () => {
    const out = withBuild(
      G.copyBuildSystem({
        installPlan: [
          { source: "bin/", target: "bin/" },
          { source: "share/doc", target: "share/doc/p", include: ["README"], output: "doc" },
          { source: "lib", target: "lib", includeRegexp: ["\\.so$"] },
        ],
      }),
    );
    expect(out).toContain(`    (arguments
     (list
      #:install-plan
      #~'(("bin/" "bin/")
          ("share/doc" "share/doc/p"
           #:include ("README")
           #:output "doc")
          ("lib" "lib"
           #:include-regexp ("\\\\.so$")))))`);
    expect(out).toContain("(guix build-system copy)");
  });

  it.each([
    [
      "cmake",
      G.cmakeBuildSystem({ configureFlags: ["-DX=1"], buildType: "Release" }),
      '#:configure-flags \'("-DX=1")\n      #:build-type "Release"',
    ],
    ["meson", G.mesonBuildSystem({ buildType: "release" }), '#:build-type "release"'],
    ["python", G.pythonBuildSystem({ useSetuptools: false }), "#:use-setuptools? #f"],
    ["pyproject", G.pyprojectBuildSystem({ buildBackend: "poetry.core" }), '#:build-backend "poetry.core"'],
    ["node", G.nodeBuildSystem({ tests: false }), "#:tests? #f"],
    ["go", G.goBuildSystem({ importPath: "example.org/p" }), '#:import-path "example.org/p"'],
    ["cargo", G.cargoBuildSystem({ installSource: false }), "#:install-source? #f"],
    ["trivial", G.trivialBuildSystem({ builder: G.scheme`#~(mkdir #$output)` }), "#:builder\n      #~(mkdir #$output)"],
  ])("%s-build-system with its keywords", (name, bs, expected) => {
    const out = withBuild(bs);
    expect(out).toContain(`(build-system ${name}-build-system)`);
    expect(out).toContain(`(guix build-system ${name})`);
    expect(out).toContain(expected);
  });

  it("puts a phases gexp on its own line after #:phases, as guix style does", () => {
    const out = withBuild(G.gnuBuildSystem({ phases: G.scheme`#~(modify-phases %standard-phases (delete 'check))` }));
    expect(out).toContain("      #:phases\n      #~(modify-phases %standard-phases\n          (delete 'check))");
  });

  it("writes packages as arguments: plain in the modern style, unquoted in a quasiquote in the quoted style", () => {
    const node = G.guixPackage("node-lts", "gnu packages node");
    expect(withBuild(G.nodeBuildSystem({ node }))).toContain("#:node node-lts");
    const quoted = withBuild(G.nodeBuildSystem({ node, tests: false, style: "quoted" }));
    expect(quoted).toContain("`(#:node ,node-lts\n       #:tests? #f)");
    expect(quoted).toContain("(gnu packages node)");
  });

  it("takes extra keyword arguments by name", () => {
    expect(withBuild(G.gnuBuildSystem({ extra: { "strip-binaries?": false } }))).toContain("#:strip-binaries? #f");
  });
});

describe("manifests, transformations and modules", () => {
  it("imports only what the guix-cli context does not provide, each module once, in order of first use", () => {
    const m = G.concatenateManifests([
      G.specificationsToManifest(["python", "glib:bin"]),
      G.packageToDevelopmentManifest(G.guixPackage("hello", "gnu packages base")),
    ]);
    expect(text(m)).toBe(`(use-modules (gnu packages base))

(concatenate-manifests (list (specifications->manifest (list "python"
                                                             "glib:bin"))
                             (package->development-manifest hello)))
`);
    expect(text(m, { context: "standalone" })).toContain(
      "(use-modules (gnu packages base)\n             (guix profiles)\n             (gnu packages))",
    );
  });

  it("imports (guix gexp) for gexps and local files when the context does not provide it", () => {
    const p = G.pkg({
      ...base,
      name: "p",
      source: undefined,
      buildSystem: G.gnuBuildSystem({ phases: G.scheme`#~(modify-phases %standard-phases)` }),
    });
    expect(text(G.packagesToManifest([p]), { context: "standalone" })).toContain("(guix gexp)");
    expect(text(G.packagesToManifest([p]))).not.toContain("(guix gexp)");
  });

  it("applies transformations with options->transformation", () => {
    const guile = G.transform(G.guixPackage("guile", "gnu packages guile"), [
      G.withCommit("guile", "v3.0.9"),
      G.withoutTests("guile"),
    ]);
    expect(text(G.packagesToManifest([guile]))).toBe(`(use-modules (guix transformations)
             (gnu packages guile))

(packages->manifest (list ((options->transformation '((with-commit . "guile=v3.0.9")
                                                      (without-tests . "guile")))
                           guile)))
`);
  });

  it("imports licenses with a prefix when asked", () => {
    const p = G.pkg({ ...base, name: "p", source: undefined, buildSystem: G.copyBuildSystem(), license: "zlib" });
    const out = text(G.packagesToManifest([p]), { licensePrefix: "license:" });
    expect(out).toContain("((guix licenses)\n              #:prefix license:)");
    expect(out).toContain("(license license:zlib)");
  });

  it("defines each package once, dependencies first, with names that clash made unique", () => {
    const zlib = G.pkg({ ...base, name: "zlib", version: "9", source: undefined, buildSystem: G.gnuBuildSystem() });
    const app = G.pkg({
      ...base,
      name: "app",
      source: undefined,
      buildSystem: G.gnuBuildSystem(),
      inputs: [zlib, G.guixPackage("zlib", "gnu packages compression")],
    });
    const tool = G.pkg({ ...base, name: "tool", source: undefined, buildSystem: G.gnuBuildSystem(), inputs: [zlib] });
    const out = text(G.packagesToManifest([app, tool]));
    expect([...out.matchAll(/^\(define (\S+)/gm)].map((m) => m[1])).toEqual(["zlib-9", "app", "tool"]);
    expect(out).toContain("(inputs (list zlib-9 zlib))");
  });

  it("accepts Scheme anywhere a builder value goes", () => {
    expect(text(G.scheme`(manifest (list))`)).toBe("(manifest (list))\n");
    expect(text(G.packagesToManifest([sym("my-package")]))).toBe("(packages->manifest (list my-package))\n");
  });
});

describe("channels", () => {
  const extra = G.channel({
    name: "extra",
    url: "https://example.org/extra.git",
    commit: "0123456789abcdef0123456789abcdef01234567",
  });

  it("writes a channel list, pinned, with its introduction", () => {
    expect(G.channelsFile({ channels: [G.guixChannel({ commit: "287aec56a53fbd66492711c375d0b39ccb6c1590" })] }).text)
      .toBe(`(list (channel
        (name 'guix)
        (url "https://git.savannah.gnu.org/git/guix.git")
        (branch "master")
        (commit "287aec56a53fbd66492711c375d0b39ccb6c1590")
        (introduction
         (make-channel-introduction "9edb3f66fd807b096b48283debdcddccfea34bad"
          (openpgp-fingerprint
           "BBB0 2DDF 2CEA F6A8 0D1D E643 A2A0 6DF2 A33A 54FA")))))
`);
  });

  it("adds channels on top of %default-channels", () => {
    expect(G.channelsFile({ channels: [extra], withDefaultChannels: true }).text).toBe(`(cons (channel
        (name 'extra)
        (url "https://example.org/extra.git")
        (commit "0123456789abcdef0123456789abcdef01234567")) %default-channels)
`);
    const other = G.channel({ name: "other", url: "https://example.org/other.git" });
    expect(G.channelsFile({ channels: [extra, other], withDefaultChannels: true }).text).toMatch(
      /^\(cons\* \(channel[\s\S]*%default-channels\)\n$/,
    );
  });
});

describe("builder values", () => {
  it("are frozen, down to their arrays", () => {
    const p = G.pkg({
      ...base,
      name: "p",
      source: undefined,
      buildSystem: G.copyBuildSystem({ installPlan: [{ source: ".", target: "." }] }),
      inputs: [],
    });
    expect(Object.isFrozen(p) && Object.isFrozen(p.inputs) && Object.isFrozen(p.buildSystem.arguments)).toBe(true);
  });
});

describe("build machines for offloading", () => {
  it("writes /etc/guix/machines.scm", () => {
    const file = G.machinesFileE([
      G.buildMachine({
        name: "builder.example.org",
        systems: ["x86_64-linux", "i686-linux"],
        hostKey: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJ",
        user: "guix",
        port: 2222,
        parallelBuilds: 4,
        speed: 2,
      }),
    ]);
    // build-machine is not one of guix style's special forms: laid out as any call.
    expect(G.orThrow(file).text).toBe(`(list (build-machine (name "builder.example.org")
                     (systems (list "x86_64-linux" "i686-linux"))
                     (host-key "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJ")
                     (user "guix")
                     (port 2222)
                     (parallel-builds 4)
                     (speed 2.0)))
`);
  });

  it("reports every problem of every machine", () => {
    const bad = G.machinesFileE([G.buildMachine({ name: "a b", systems: [], hostKey: "nope", user: "Root", port: 0 })]);
    expect(E.isLeft(bad) && bad.left.map((p) => p.path)).toEqual([
      "machines[0].name",
      "machines[0].systems",
      "machines[0].hostKey",
      "machines[0].user",
      "machines[0].port",
    ]);
  });
});
