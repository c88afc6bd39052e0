// A channel's module written in TypeScript: define-module with its #:use-module clauses inferred,
// helpers defined first, the listed packages define-public and what they use define'd; Guile
// reads it.
import { describe, expect, it } from "vitest";
import * as E from "fp-ts/lib/Either.js";
import * as G from "@guix-ts/core";
import { guileReadAll } from "@guix-ts/testing";

const HASH = "0000000000000000000000000000000000000000000000000000";

const libfoo = G.pkg({
  name: "libfoo",
  version: "1.2",
  source: G.urlFetch({ url: G.concat("https://example.org/libfoo-", G.packageVersion, ".tar.gz"), sha256: HASH }),
  buildSystem: G.gnuBuildSystem({ configureFlags: G.scheme`%libfoo-flags` }),
  nativeSearchPaths: [G.predefinedSearchPath("SSL_CERT_DIR"), G.predefinedSearchPath("SSL_CERT_FILE")],
  synopsis: "Foo library",
  description: "A library of foo.",
  homePage: "https://example.org/libfoo",
  license: "lgpl2.1+",
});

const app = G.pkg({
  name: "app",
  version: "2.0",
  source: G.urlFetch({ url: "https://example.org/app-2.0.tar.gz", sha256: HASH }),
  buildSystem: G.gnuBuildSystem(),
  inputs: [libfoo, G.guixPackage("gnutls", "gnu packages tls")],
  synopsis: "App",
  description: "An app.",
  homePage: "https://example.org/app",
  license: ["gpl3+", "expat"],
});

describe("package module files", () => {
  it("define-module with what it uses, helpers, then packages: the listed ones public", async () => {
    const file = G.packageModuleFileE({
      module: "my packages",
      packages: [app, G.inherit(app, { name: "app-next", version: "2.1" })],
      definitions: [G.define("%libfoo-flags", G.scheme`'("--disable-static")`)],
    });
    const text = E.isRight(file) ? file.right.text : JSON.stringify(file.left);
    expect(text).toBe(`(define-module (my packages)
  #:use-module (guix packages)
  #:use-module (guix download)
  #:use-module (guix build-system gnu)
  #:use-module (guix search-paths)
  #:use-module ((guix licenses)
                #:prefix license:)
  #:use-module (gnu packages tls))

(define %libfoo-flags
  '("--disable-static"))

(define libfoo
  (package
    (name "libfoo")
    (version "1.2")
    (source
     (origin
       (method url-fetch)
       (uri (string-append "https://example.org/libfoo-" version ".tar.gz"))
       (sha256
        (base32 "${HASH}"))))
    (build-system gnu-build-system)
    (arguments
     (list
      #:configure-flags %libfoo-flags))
    (native-search-paths
     (list $SSL_CERT_DIR $SSL_CERT_FILE))
    (synopsis "Foo library")
    (description "A library of foo.")
    (home-page "https://example.org/libfoo")
    (license license:lgpl2.1+)))

(define-public app
  (package
    (name "app")
    (version "2.0")
    (source
     (origin
       (method url-fetch)
       (uri "https://example.org/app-2.0.tar.gz")
       (sha256
        (base32 "${HASH}"))))
    (build-system gnu-build-system)
    (inputs (list libfoo gnutls))
    (synopsis "App")
    (description "An app.")
    (home-page "https://example.org/app")
    (license (list license:gpl3+ license:expat))))

(define-public app-next
  (package
    (inherit app)
    (name "app-next")
    (version "2.1")))
`);
    expect((await guileReadAll([text]))[0]).toHaveLength(5);
  });

  it("bad module names, definitions and search paths: each with its path", () => {
    const bad = G.pkg({ ...libfoo, nativeSearchPaths: [G.predefinedSearchPath("SSL_CERT_DRI" as never)] } as never);
    const file = G.packageModuleFileE({
      module: "my (packages)",
      packages: [bad],
      definitions: [G.define("x y", G.scheme`1`), G.define("z", G.scheme`2`), G.define("z", G.scheme`3`)],
    });
    expect(E.isLeft(file) && file.left.map((p) => `${p.path}: ${p.message}`)).toEqual([
      expect.stringMatching(
        /^packages\.packages\[0\]\.nativeSearchPaths\[0\]\.variable: not one of Guix's search paths \(.*\); did you mean SSL_CERT_DIR\?$/,
      ),
      "definitions[0].name: expected a variable name",
      "definitions[2].name: z is defined already at definitions[1].name",
      'module: expected a module name such as "my packages"',
    ]);
  });
});
