// guix-ts import: every file of the golden corpus (real `guix style` output and its inputs) comes
// back as it was laid out; random package records survive print -> import -> print; a package the
// builders can write is typed, one they cannot is kept as Scheme with the reason counted.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as G from "@guix-ts/core";
import { importGuixFile } from "@guix-ts/import";
import { printDatums, readDatums } from "@guix-ts/scheme-printer";
import { format } from "prettier";
import { guileReadAll } from "@guix-ts/testing";

const GOLDEN = join(import.meta.dirname, "../../../test/golden/guix-style/cases");
const HASH = "0000000000000000000000000000000000000000000000000000";
const PRETTIER = { parser: "typescript", printWidth: 120 } as const;

const printed = (file: G.GuixFile): string => {
  const text = G.guixFileE(file);
  if (E.isLeft(text)) throw new Error(text.left.map((p) => `${p.path}: ${p.message}`).join("\n"));
  return text.right.text;
};

describe("the golden corpus, imported", () => {
  const files = readdirSync(GOLDEN).filter((f) => f.endsWith(".scm"));

  it("every file prints back as guix-ts fmt lays it out (byte for byte), and Guile reads the same data", async () => {
    let typed = 0;
    const pairs: string[] = [];
    for (const name of files) {
      const text = readFileSync(join(GOLDEN, name), "utf8");
      const { code, file, summary } = await importGuixFile(text, name);
      // The module is laid out as prettier lays it out.
      expect(await format(code, PRETTIER), name).toBe(code);
      const out = printed(file);
      expect(out, name).toBe(printDatums(readDatums(text, { file: name })));
      typed += summary.typed;
      if (name.endsWith(".out.scm")) pairs.push(text, out);
    }
    // Most of the corpus' packages are typed; Guile reads each output as the input's data.
    expect(typed).toBeGreaterThanOrEqual(40);
    const read = await guileReadAll(pairs);
    for (let i = 0; i < read.length; i += 2) expect(read[i + 1]).toEqual(read[i]);
  });
});

describe("typed packages", () => {
  const module = `(define-module (my packages)
  #:use-module (guix packages)
  #:use-module (guix download)
  #:use-module (guix build-system gnu)
  #:use-module ((guix licenses)
                #:prefix license:))

;;; Tools of ours.

(define-public hello
  (package
    (name "hello")
    (version "2.12.1")
    (source
     (origin
       (method url-fetch)
       (uri (string-append "mirror://gnu/hello/hello-" version ".tar.gz"))
       (sha256
        (base32 "${HASH}"))))
    (build-system gnu-build-system)
    (arguments
     (list
      #:configure-flags
      #~(list "--disable-nls")
      #:tests? #f))
    (inputs (list zlib
                  (list glib "bin")))
    (home-page "https://www.gnu.org/software/hello/")
    (synopsis "Hello, GNU world")
    (description "Greets.")
    (license license:gpl3+)))

;; A variant of it.
(define-public hello-next
  (package
    (inherit hello)
    (version "3.0")))

;; A form the importer does not type yet: kept as it is.
(define-public hello-x86
  (package
    (inherit hello)
    (inputs (if (target-x86?)
                (list zlib)
                '()))))
`;

  it("definitions the builders write are code, with their field order; the other is Scheme, its reason counted", async () => {
    const { code, file, summary } = await importGuixFile(module, "my/packages.scm");
    expect(summary).toEqual({
      forms: 4,
      packages: 3,
      typed: 2,
      fullyTyped: 2,
      withBuildCode: 0,
      untyped: [["inputs not (list ...): (if ...)", 1]],
      rawParts: [],
    });
    expect(code).toContain('"configure-flags": flags(["--disable-nls"]),');
    expect(code).toContain("export const hello = pkg({");
    expect(code).toContain('url: concat("mirror://gnu/hello/hello-", packageVersion, ".tar.gz"),');
    expect(code).toContain('inputs: [packageVariable("zlib"), [packageVariable("glib"), "bin"]],');
    expect(code).toMatch(
      /order: \[\s*"name",\s*"version",\s*"source",\s*"build-system",\s*"arguments",\s*"inputs",\s*"home-page",/,
    );
    expect(code).toContain("export default guixFile(\n  [\n    ...schemeForms(`(define-module (my packages)");
    expect(code).toContain('{ licensePrefix: "license:" }');
    expect(printDatums(readDatums(module))).toBe(module);
    expect(printed(file)).toBe(module);
  });

  it("comments before and after fields, quasiquoted arguments and crates lists are typed too", async () => {
    const text = `(define-public ripgrep
  (package
    (name "ripgrep")
    (version "14.1.1") ;the last release
    (source
     (origin
       (method url-fetch)
       (uri (crate-uri "ripgrep" version))
       ;; The crate, as crates.io has it.
       (file-name (string-append name "-" version ".tar.gz"))
       (sha256
        (base32 "${HASH}"))))
    (build-system cargo-build-system)
    ;; Older style, kept.
    (arguments
     \`(#:install-source? #f ;not needed
       ;; What upstream builds by default.
       #:features '("pcre2")))
    (inputs (cons pcre2
                  (cargo-inputs 'ripgrep)))
    (home-page "https://github.com/BurntSushi/ripgrep")
    (synopsis "Line-oriented search tool")
    (description "ripgrep searches.")
    (license (list license:unlicense license:expat))))
`;
    expect(printDatums(readDatums(text))).toBe(text); // already in Guix's layout
    const { code, file, summary } = await importGuixFile(text, "rust.scm");
    expect(summary.typed).toBe(1);
    expect(code).toContain('marginComments: { version: ";the last release" }');
    expect(code).toContain('comments: { "file-name": [";; The crate, as crates.io has it."] }');
    expect(code).toContain('comments: { arguments: [";; Older style, kept."] }');
    expect(code).toContain('style: "quasiquoted"');
    expect(code).toContain('comments: { features: [";; What upstream builds by default."] }');
    expect(code).toContain('marginComments: { "install-source?": ";not needed" }');
    expect(code).toContain('inputs: [packageVariable("pcre2"), cargoInputs("ripgrep")]');
    expect(code).toContain('url: crateUri("ripgrep")');
    expect(printed(file)).toBe(text);
  });

  it("variants: (package (inherit p) ...) and package/inherit, modify-inputs clauses, substituted arguments", async () => {
    const text = `(define-public hello-minimal
  (package
    (inherit hello)
    (name "hello-minimal")
    (arguments
     (substitute-keyword-arguments (package-arguments hello)
       ((#:tests? _ #f)
        #f)))
    (inputs (modify-inputs (package-inputs hello)
              (delete "zlib")
              (prepend openssl)))))

(define-public hello-next
  (package/inherit hello
    (version "3.0")
    (replacement #f)))
`;
    expect(printDatums(readDatums(text))).toBe(text);
    const { code, file, summary } = await importGuixFile(text, "variants.scm");
    expect(summary).toMatchObject({ packages: 2, typed: 2, fullyTyped: 2, rawParts: [] });
    expect(code).toContain('export const helloMinimal = inherit(packageVariable("hello"), {');
    expect(code).toContain('inputs: modifyInputs(deleteInputs("zlib"), prepend(packageVariable("openssl"))),');
    expect(code).toContain(
      'export const helloNext = packageInherit(packageVariable("hello"), { version: "3.0", replacement: false });',
    );
    expect(code).toContain(
      'arguments: substituteKeywordArguments(keywordSubstitution("tests?", false, { default: false })),',
    );
    expect(printed(file)).toBe(text);
  });

  it("a file that does not read: the reader's file:line:column", async () => {
    await expect(importGuixFile('(define-public x\n  (package (name "x")', "x.scm")).rejects.toThrow(/^x\.scm:2:/);
  });

  it("random package records: printed, imported, printed again, the same text", async () => {
    const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/);
    const text = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ,.]{0,30}$/);
    const record = fc.record({
      name,
      version: fc.stringMatching(/^[0-9][0-9.]{0,6}$/),
      synopsis: text,
      description: text,
      inputs: fc.array(name, { maxLength: 4 }),
      tests: fc.option(fc.boolean(), { nil: undefined }),
      flags: fc.option(fc.array(text, { maxLength: 3 }), { nil: undefined }),
      outputs: fc.option(fc.constantFrom(["out", "doc"], ["out", "bin", "lib"]), { nil: undefined }),
      git: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(record, async (r) => {
        const p = G.pkg({
          name: r.name,
          version: r.version,
          source: r.git
            ? G.gitFetch({ url: `https://example.org/${r.name}.git`, commit: G.packageVersion, sha256: HASH })
            : G.urlFetch({
                url: G.concat(`https://example.org/${r.name}-`, G.packageVersion, ".tar.gz"),
                sha256: HASH,
              }),
          buildSystem: G.gnuBuildSystem({
            ...(r.tests !== undefined ? { tests: r.tests } : {}),
            ...(r.flags !== undefined ? { configureFlags: r.flags } : {}),
          }),
          inputs: r.inputs.map((i) => G.packageVariable(i)),
          ...(r.outputs ? { outputs: r.outputs } : {}),
          synopsis: r.synopsis,
          description: r.description,
          homePage: "https://example.org",
          license: "expat",
        });
        const first = printed(G.guixFile([G.definePackage(r.name, p)], { licensePrefix: "license:" }));
        const { code, file, summary } = await importGuixFile(first, "random.scm");
        expect(summary.typed).toBe(1);
        expect(await format(code, PRETTIER)).toBe(code);
        expect(printed(file)).toBe(first);
      }),
      { numRuns: 60 },
    );
  });
});
