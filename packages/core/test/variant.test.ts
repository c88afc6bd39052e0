// Package variants as Guix people write them: `(package (inherit p) ...)` and `package/inherit`, the
// parent's inputs modified and its arguments substituted. Each file is compared with the text Guix's
// layout gives it (written here by hand from Guix's record syntax) and read back by Guile.
import { describe, expect, it } from "vitest";
import * as E from "fp-ts/lib/Either.js";
import * as G from "@guix-ts/core";
import { guileReadAll } from "@guix-ts/testing";

const text = (manifest: G.Manifest, lock?: G.LockFile): string => {
  const file = G.manifestFileE({ manifest, ...(lock ? { lock } : {}) });
  if (E.isLeft(file)) throw new Error(file.left.map((p) => `${p.path}: ${p.message}`).join("\n"));
  return file.right.text;
};

const problems = (manifest: G.Manifest): string[] => {
  const file = G.manifestFileE({ manifest });
  return E.isLeft(file) ? file.left.map((p) => `${p.path}: ${p.message}`) : [];
};

const curl = G.guixPackage("curl", "gnu packages curl");
const gnutls = G.guixPackage("gnutls", "gnu packages tls");

/** curl without LDAP and SSH, on GnuTLS, its tests off and a configure flag added to the parent's. */
const curlMinimal = G.inherit(curl, {
  name: "curl-minimal",
  arguments: G.substituteKeywordArguments(
    G.keywordSubstitution("tests?", false),
    G.keywordSubstitution("configure-flags", G.scheme`(cons "--without-ssl" flags)`, {
      variable: "flags",
      default: G.scheme`'()`,
    }),
  ),
  inputs: G.modifyInputs(G.deleteInputs("openldap", "libssh2"), G.prepend(gnutls)),
  properties: { "hidden?": true },
});

describe("package variants", () => {
  it("inherit with modify-inputs and substitute-keyword-arguments, in Guix's layout; Guile reads it", async () => {
    const out = text(G.packagesToManifest([curlMinimal]));
    expect(out).toBe(`(use-modules (guix packages)
             (gnu packages curl)
             (guix utils)
             (gnu packages tls))

(define curl-minimal
  (package
    (inherit curl)
    (name "curl-minimal")
    (arguments
     (substitute-keyword-arguments (package-arguments curl)
       ((#:tests? _)
        #f)
       ((#:configure-flags flags
         '())
        (cons "--without-ssl" flags))))
    (inputs (modify-inputs (package-inputs curl)
              (delete "openldap" "libssh2")
              (prepend gnutls)))
    (properties '((hidden? . #t)))))

(packages->manifest (list curl-minimal))
`);
    expect((await guileReadAll([out]))[0]).toHaveLength(3);
  });

  it("package/inherit of a variant: after it in the file, named by it; every modify-inputs clause; replacement", async () => {
    const libressl = G.guixPackage("libressl", "gnu packages tls");
    const next = G.packageInherit(curlMinimal, {
      name: "curl-next",
      version: "8.11.0",
      replacement: false,
      nativeInputs: G.modifyInputs(G.append([G.guixPackage("glib", "gnu packages glib"), "bin"])),
      propagatedInputs: G.modifyInputs(G.replaceInput("openssl", libressl)),
    });
    const out = text(G.packagesToManifest([next]));
    expect(out).toContain(`(define curl-minimal
  (package
    (inherit curl)`);
    expect(out).toContain(`(define curl-next
  (package/inherit curl-minimal
    (name "curl-next")
    (version "8.11.0")
    (replacement #f)
    (native-inputs (modify-inputs (package-native-inputs curl-minimal)
                     (append (list glib "bin"))))
    (propagated-inputs (modify-inputs (package-propagated-inputs curl-minimal)
                         (replace "openssl" libressl)))))

(packages->manifest (list curl-next))
`);
    expect(out.indexOf("(define curl-minimal")).toBeLessThan(out.indexOf("(define curl-next"));
    expect((await guileReadAll([out]))[0]).toHaveLength(4);
  });

  it("a variant of a pkg() value, without a name of its own: defined after its parent, named for it", () => {
    const hello = G.pkg({
      name: "hello",
      version: "2.12.1",
      source: G.urlFetch({
        url: "mirror://gnu/hello/hello-2.12.1.tar.gz",
        sha256: "086vqwk2wl8zfs47sq2xpjc9k066ilmb8z6dn0q6ymwjzlm196cd",
      }),
      buildSystem: G.gnuBuildSystem(),
      synopsis: "Hello, GNU world",
      description: "Greets.",
      homePage: "https://www.gnu.org/software/hello/",
      license: "gpl3+",
    });
    const quiet = G.inherit(hello, { arguments: G.substituteKeywordArguments(G.keywordSubstitution("tests?", false)) });
    const out = text(G.packagesToManifest([quiet]));
    expect(out).toMatch(/\(define hello\n {2}\(package\n {4}\(name "hello"\)/);
    expect(out).toContain(`(define hello-variant
  (package
    (inherit hello)
    (arguments
     (substitute-keyword-arguments (package-arguments hello)
       ((#:tests? _)
        #f)))))

(packages->manifest (list hello-variant))
`);
  });

  it("every problem at once, each with its path", () => {
    const bad = G.inherit(G.guixPackage("cu(rl", "gnu packages curl"), {
      name: "Curl Minimal",
      version: "8 0",
      buildSystem: G.gnuBuildSystem({ tests: false }),
      arguments: G.substituteKeywordArguments(
        G.keywordSubstitution("tests? x", false),
        G.keywordSubstitution("phases", G.scheme`phases`, { variable: "two words" }),
      ),
      inputs: G.modifyInputs(G.deleteInputs("Open LDAP"), G.replaceInput("openssl", "libressl" as never)),
      replacement: 42 as never,
      homePage: "example.org",
    });
    expect(problems(G.packagesToManifest([bad]))).toEqual([
      "manifest.packages[0].parent.variable: expected a variable name",
      "manifest.packages[0].arguments.clauses[0].keyword: expected a keyword without #:",
      "manifest.packages[0].arguments.clauses[1].variable: expected a variable name",
      "manifest.packages[0].inputs.clauses[0].names[0]: expected a package name: letters, digits and + . _ - (not starting with a symbol)",
      "manifest.packages[0].inputs.clauses[1].input: expected a package: pkg(...), inherit(...), guixPackage(...), transform(...) or Scheme",
      "manifest.packages[0].replacement: expected a package: pkg(...), inherit(...), guixPackage(...), transform(...) or Scheme",
      "manifest.packages[0].arguments: buildSystem gives its own arguments: substitute the parent's arguments or give new ones, not both",
      "manifest.packages[0].name: expected a package name: letters, digits and + . _ - (not starting with a symbol)",
      "manifest.packages[0].version: expected a version without spaces",
      "manifest.packages[0].homePage: expected a URL (scheme://host/path)",
    ]);
  });

  it("a variant's git source is pinned by the lock like a package's (packagesOf lists it)", () => {
    const url = "https://example.org/curl.git";
    const fromGit = G.inherit(curl, { name: "curl-git", version: "8.12", source: G.gitFetch({ url, ref: "main" }) });
    expect(G.packagesOf(G.packagesToManifest([fromGit]))).toEqual([fromGit]);
    const pin = G.sourcePin(fromGit)!;
    expect(pin).toMatchObject({ name: "curl-git", url, ref: "main" });
    const lock: G.LockFile = {
      version: 2,
      channels: {},
      sources: {
        [pin.key]: {
          url,
          ref: "main",
          recursive: false,
          commit: "0123456789abcdef0123456789abcdef01234567",
          sha256: "0000000000000000000000000000000000000000000000000000",
          lastModified: 0,
          packages: ["curl-git"],
        },
      },
    };
    expect(text(G.packagesToManifest([fromGit]), lock)).toContain(
      '(commit "0123456789abcdef0123456789abcdef01234567")',
    );
  });
});

describe("packages made by Guix's procedures", () => {
  it("package-with-c-toolchain, -patches, -extra-patches, -extra-configure-variable, static-package: each imports its module", async () => {
    const hello = G.guixPackage("hello", "gnu packages base");
    const gcc = G.guixPackage("gcc-toolchain-12", "gnu packages commencement");
    const out = text(
      G.packagesToManifest([
        G.packageWithCToolchain(hello, gcc),
        G.packageWithPatches(curl, ["fix-build.patch"]),
        G.packageWithExtraPatches(gnutls, G.searchPatches("gnutls-fix.patch")),
        G.packageWithExtraConfigureVariable(G.guixPackage("zlib", "gnu packages compression"), "CFLAGS", "-O3"),
        G.staticPackage(G.guixPackage("xz", "gnu packages compression")),
      ]),
    );
    const flat = out.replace(/\s+/g, " ");
    for (const form of [
      '(package-with-c-toolchain hello `(("toolchain" ,gcc-toolchain-12)))',
      '(package-with-patches curl (list (local-file "fix-build.patch")))',
      '(package-with-extra-patches gnutls (search-patches "gnutls-fix.patch"))',
      '(package-with-extra-configure-variable zlib "CFLAGS" "-O3")',
      "(static-package xz)",
      "(guix build-system gnu)",
      "(gnu packages commencement)",
    ])
      expect(flat).toContain(form);
    expect((await guileReadAll([out]))[0]).toHaveLength(2);
  });

  it("an unknown procedure, a bad argument: with their paths", () => {
    const bad = {
      kind: "package-procedure",
      procedure: "package-with-magic",
      package: curl,
      arguments: [Number.POSITIVE_INFINITY],
    };
    expect(problems(G.packagesToManifest([bad as never]))).toEqual([
      expect.stringMatching(/^manifest\.packages\[0\]\.procedure: expected one of package-with-c-toolchain, /),
      expect.stringMatching(/^manifest\.packages\[0\]\.arguments\[0\]: expected a finite number/),
    ]);
  });
});
