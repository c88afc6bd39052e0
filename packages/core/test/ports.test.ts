// Guix packages written with the builders, origins whose URL follows the version: each file is
// compared with the text Guix's layout gives the definition (written here by hand from Guix's
// record syntax, not copied from Guix's tree), and Guile reads it back.
import { describe, expect, it } from "vitest";
import * as E from "fp-ts/lib/Either.js";
import * as G from "@guix-ts/core";
import { printDatum, printDatums, readDatums, type Datum } from "@guix-ts/scheme-printer";
import { guileReadAll } from "@guix-ts/testing";

const HASH = "0000000000000000000000000000000000000000000000000000";

const fileOf = async (p: G.PackageRef): Promise<string> => {
  const file = G.manifestFileE({ manifest: G.packagesToManifest([p]) });
  if (E.isLeft(file)) throw new Error(file.left.map((x) => `${x.path}: ${x.message}`).join("\n"));
  expect((await guileReadAll([file.right.text]))[0]!.length).toBeGreaterThan(1);
  return file.right.text;
};

describe("origins that follow the version, and Guix's patches", () => {
  it("curl: concat(...) for the URL, searchPatches(...), patch-flags", async () => {
    const curl = G.pkg({
      name: "curl",
      version: "8.6.0",
      source: G.urlFetch({
        url: G.concat("https://curl.se/download/curl-", G.packageVersion, ".tar.xz"),
        sha256: HASH,
        patches: G.searchPatches("curl-use-ssl-cert-env.patch"),
        patchFlags: ["-p1", "--forward"],
      }),
      buildSystem: G.gnuBuildSystem({ configureFlags: ["--with-gnutls"] }),
      inputs: [G.guixPackage("gnutls", "gnu packages tls")],
      synopsis: "Client-side URL data transfer library",
      description: "curl transfers data with URL syntax.",
      homePage: "https://curl.se/",
      license: "x11-style",
    });
    const text = await fileOf(curl);
    expect(text).toContain(`    (source
     (origin
       (method url-fetch)
       (uri (string-append "https://curl.se/download/curl-" version ".tar.xz"))
       (sha256
        (base32 "${HASH}"))
       (patches (search-patches "curl-use-ssl-cert-env.patch"))
       (patch-flags '("-p1" "--forward"))))`);
    // search-patches is (gnu packages)'s: `guix` commands give a manifest that module; a standalone file imports it.
    const standalone = G.manifestFileE({ manifest: G.packagesToManifest([curl]), context: "standalone" });
    expect(E.isRight(standalone) && standalone.right.text).toMatch(/^\(use-modules [^]*\(gnu packages\)\n/);
  });

  it("python-fastapi: pypiUri, imported from (guix build-system python)", async () => {
    const fastapi = G.pkg({
      name: "python-fastapi",
      version: "0.115.6",
      source: G.urlFetch({ url: G.pypiUri("fastapi"), sha256: HASH }),
      buildSystem: G.pyprojectBuildSystem({ tests: false }),
      propagatedInputs: [G.guixPackage("python-starlette", "gnu packages python-web")],
      synopsis: "Web framework based on type hints",
      description: "FastAPI is a web framework for building APIs with Python.",
      homePage: "https://github.com/fastapi/fastapi",
      license: "expat",
    });
    const text = await fileOf(fastapi);
    expect(text).toContain(`(uri (pypi-uri "fastapi" version))`);
    expect(text).toContain("(guix build-system python)");
  });

  it("ripgrep: crateUri, and a file name computed from the version", async () => {
    const ripgrep = G.pkg({
      name: "ripgrep",
      version: "14.1.1",
      source: G.urlFetch({
        url: G.crateUri("ripgrep"),
        fileName: G.concat("ripgrep-", G.packageVersion, ".tar.gz"),
        sha256: HASH,
      }),
      buildSystem: G.cargoBuildSystem({ installSource: false }),
      synopsis: "Line-oriented search tool",
      description: "ripgrep searches directories for a regex pattern.",
      homePage: "https://github.com/BurntSushi/ripgrep",
      license: ["unlicense", "expat"],
    });
    const text = await fileOf(ripgrep);
    expect(text).toContain(`       (uri (crate-uri "ripgrep" version))
       (file-name (string-append "ripgrep-" version ".tar.gz"))`);
    expect(text).toContain("(guix build-system cargo)");
  });

  it("mirror:// URLs, parts kept as given, and a bad expression found with its path", async () => {
    expect(printDatum(G.mirror("gnu", "hello/hello-", G.packageVersion, ".tar.gz").node as Datum)).toBe(
      '(string-append "mirror://gnu/hello/hello-" version ".tar.gz")',
    );
    expect(printDatum(G.mirror("gnu", "hello/hello-2.12.tar.gz").node as Datum)).toBe(
      '"mirror://gnu/hello/hello-2.12.tar.gz"',
    );
    // A URL split over two strings, as Guix code splits long ones, stays split.
    expect(printDatum(G.concat("https://example.org/", "x-", G.packageVersion).node as Datum)).toBe(
      '(string-append "https://example.org/" "x-" version)',
    );
    const bad = G.pkg({
      name: "x",
      version: "1",
      source: G.urlFetch({
        url: G.expression(G.scheme`(gnome-uri "x" version)`, [["guix", "build system"]]),
        sha256: HASH,
        patchInputs: ["patch" as never],
      }),
      buildSystem: G.gnuBuildSystem(),
      synopsis: "X",
      description: "X.",
      homePage: "https://example.org",
      license: "expat",
    });
    const file = G.manifestFileE({ manifest: G.packagesToManifest([bad]) });
    expect(E.isLeft(file) && file.left.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'manifest.packages[0].source.uri.modules[0]: expected a module name, as ["guix", "build", "utils"]',
      "manifest.packages[0].source.patchInputs[0]: expected a package of Guix (guixPackage(...)) or Scheme",
    ]);
  });
});

describe("cargo inputs, the way Guix's Rust packages have them since 2025", () => {
  const pcre2 = G.guixPackage("pcre2", "gnu packages pcre");
  const ripgrep = (inputs: G.PackageInput[]) =>
    G.pkg({
      name: "ripgrep",
      version: "14.1.1",
      source: G.urlFetch({ url: G.crateUri("ripgrep"), sha256: HASH }),
      buildSystem: G.cargoBuildSystem({ features: ["pcre2"] }),
      inputs,
      synopsis: "Line-oriented search tool",
      description: "ripgrep searches directories for a regex pattern.",
      homePage: "https://github.com/BurntSushi/ripgrep",
      license: "expat",
    });

  it("(cons pcre2 (cargo-inputs 'ripgrep)); alone, (cargo-inputs 'ripgrep); another crates module", async () => {
    expect(await fileOf(ripgrep([pcre2, G.cargoInputs("ripgrep")]))).toContain(
      "(inputs (cons pcre2\n                  (cargo-inputs 'ripgrep)))",
    );
    expect(await fileOf(ripgrep([G.cargoInputs("ripgrep")]))).toContain("(inputs (cargo-inputs 'ripgrep))");
    expect(await fileOf(ripgrep([pcre2, pcre2, G.cargoInputs("rg", { module: ["my", "crates"] })]))).toContain(
      "(cargo-inputs 'rg\n",
    );
  });

  it("a list of crates before the packages, or in a manifest, is refused with its path", async () => {
    const file = G.manifestFileE({
      manifest: G.packagesToManifest([ripgrep([G.cargoInputs("ripgrep"), pcre2]), G.cargoInputs("x")]),
    });
    expect(E.isLeft(file) && file.left.map((p) => `${p.path}: ${p.message}`)).toEqual([
      "manifest.packages[0].inputs[0]: a list of inputs (cargoInputs(...)) goes last, after the packages",
      "manifest.packages[1]: a list of inputs (cargoInputs(...)) goes only last in a package's inputs",
    ]);
  });
});

describe("three of Guix's packages, ported by hand", () => {
  // The originals, written here from Guix's record syntax (not copied from Guix's tree), laid out as
  // `guix style` lays them out: the builders must give them back byte for byte.
  const GUIX_ORDER = [
    "name",
    "version",
    "source",
    "build-system",
    "outputs",
    "arguments",
    "native-inputs",
    "inputs",
    "propagated-inputs",
    "native-search-paths",
    "home-page",
    "synopsis",
    "description",
    "license",
  ];
  const define = (p: G.PackageRef, variable: string): string => {
    const file = G.guixFileE(G.guixFile([G.definePackage(variable, p as G.Package)], { licensePrefix: "license:" }));
    if (E.isLeft(file)) throw new Error(file.left.map((x) => `${x.path}: ${x.message}`).join("\n"));
    return file.right.text;
  };
  const original = (text: string): string => {
    // Already in Guix's layout: guix-ts fmt leaves it as it is.
    expect(printDatums(readDatums(text))).toBe(text);
    return text;
  };

  it("curl, with gnu-build-system", async () => {
    const curl = G.pkg({
      name: "curl",
      version: "8.6.0",
      source: G.urlFetch({
        url: G.concat("https://curl.se/download/curl-", G.packageVersion, ".tar.xz"),
        sha256: HASH,
        patches: G.searchPatches("curl-use-ssl-cert-env.patch"),
      }),
      buildSystem: G.gnuBuildSystem({
        configureFlags: G.scheme`#~(list "--with-gnutls"
                                     (string-append "--with-gssapi=" #$(this-package-input "mit-krb5")))`,
        parallelTests: false,
      }),
      outputs: ["out", "doc"],
      nativeInputs: [G.packageVariable("nghttp2"), G.packageVariable("perl"), G.packageVariable("pkg-config")],
      inputs: [G.packageVariable("gnutls"), G.packageVariable("mit-krb5"), G.packageVariable("zlib")],
      nativeSearchPaths: [G.predefinedSearchPath("SSL_CERT_DIR"), G.predefinedSearchPath("SSL_CERT_FILE")],
      synopsis: "Client-side URL transfer library",
      description: "Curl is a client-side URL transfer library supporting many protocols.",
      homePage: "https://curl.se/",
      license: "x11-style",
      order: GUIX_ORDER,
    });
    expect(define(curl, "curl")).toBe(
      original(`(define-public curl
  (package
    (name "curl")
    (version "8.6.0")
    (source
     (origin
       (method url-fetch)
       (uri (string-append "https://curl.se/download/curl-" version ".tar.xz"))
       (sha256
        (base32 "${HASH}"))
       (patches (search-patches "curl-use-ssl-cert-env.patch"))))
    (build-system gnu-build-system)
    (outputs '("out" "doc"))
    (arguments
     (list
      #:configure-flags
      #~(list "--with-gnutls"
              (string-append "--with-gssapi="
                             #$(this-package-input "mit-krb5")))
      #:parallel-tests? #f))
    (native-inputs (list nghttp2 perl pkg-config))
    (inputs (list gnutls mit-krb5 zlib))
    (native-search-paths
     (list $SSL_CERT_DIR $SSL_CERT_FILE))
    (home-page "https://curl.se/")
    (synopsis "Client-side URL transfer library")
    (description
     "Curl is a client-side URL transfer library supporting many protocols.")
    (license license:x11-style)))
`),
    );
  });

  it("python-fastapi, with pyproject-build-system", async () => {
    const fastapi = G.pkg({
      name: "python-fastapi",
      version: "0.115.6",
      source: G.urlFetch({ url: G.pypiUri("fastapi"), sha256: HASH }),
      buildSystem: G.pyprojectBuildSystem({ tests: false }),
      nativeInputs: [G.packageVariable("python-pdm-backend")],
      propagatedInputs: [G.packageVariable("python-pydantic"), G.packageVariable("python-starlette")],
      synopsis: "Web framework based on type hints",
      description: "FastAPI is a web framework for building APIs with Python based on standard type hints.",
      homePage: "https://github.com/fastapi/fastapi",
      license: "expat",
      order: GUIX_ORDER,
    });
    expect(define(fastapi, "python-fastapi")).toBe(
      original(`(define-public python-fastapi
  (package
    (name "python-fastapi")
    (version "0.115.6")
    (source
     (origin
       (method url-fetch)
       (uri (pypi-uri "fastapi" version))
       (sha256
        (base32 "${HASH}"))))
    (build-system pyproject-build-system)
    (arguments
     (list
      #:tests? #f))
    (native-inputs (list python-pdm-backend))
    (propagated-inputs (list python-pydantic python-starlette))
    (home-page "https://github.com/fastapi/fastapi")
    (synopsis "Web framework based on type hints")
    (description
     "FastAPI is a web framework for building APIs with Python based on standard type hints.")
    (license license:expat)))
`),
    );
  });

  it("ripgrep, with cargo-build-system and its crates", async () => {
    const ripgrep = G.pkg({
      name: "ripgrep",
      version: "14.1.1",
      source: G.urlFetch({
        url: G.crateUri("ripgrep"),
        fileName: G.concat("ripgrep-", G.packageVersion, ".tar.gz"),
        sha256: HASH,
      }),
      buildSystem: G.cargoBuildSystem({ installSource: false, features: ["pcre2"] }),
      nativeInputs: [G.packageVariable("pkg-config")],
      inputs: [G.packageVariable("pcre2"), G.cargoInputs("ripgrep")],
      synopsis: "Line-oriented search tool",
      description: "ripgrep recursively searches directories for a regex pattern.",
      homePage: "https://github.com/BurntSushi/ripgrep",
      license: ["unlicense", "expat"],
      order: GUIX_ORDER,
    });
    expect(define(ripgrep, "ripgrep")).toBe(
      original(`(define-public ripgrep
  (package
    (name "ripgrep")
    (version "14.1.1")
    (source
     (origin
       (method url-fetch)
       (uri (crate-uri "ripgrep" version))
       (file-name (string-append "ripgrep-" version ".tar.gz"))
       (sha256
        (base32 "${HASH}"))))
    (build-system cargo-build-system)
    (arguments
     (list
      #:install-source? #f
      #:features '("pcre2")))
    (native-inputs (list pkg-config))
    (inputs (cons pcre2
                  (cargo-inputs 'ripgrep)))
    (home-page "https://github.com/BurntSushi/ripgrep")
    (synopsis "Line-oriented search tool")
    (description
     "ripgrep recursively searches directories for a regex pattern.")
    (license (list license:unlicense license:expat))))
`),
    );
  });
});
