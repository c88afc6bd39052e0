// `guix-ts import` then `guix-ts print` end to end: the module written type-checks with tsc, is laid
// out by prettier, and prints the file it came from, byte for byte.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { check } from "prettier";
import { runCli } from "../../../test/fixtures/cli.js";

const root = mkdtempSync(join(tmpdir(), "guix-ts-import-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(join(root, "node_modules", "@guix-ts"), { recursive: true });
symlinkSync(join(import.meta.dirname, "../../core"), join(root, "node_modules", "@guix-ts", "core"));
writeFileSync(join(root, "package.json"), '{ "type": "module" }\n');

const MODULE = `(define-module (my packages)
  #:use-module (guix packages)
  #:use-module (guix git-download)
  #:use-module (guix build-system pyproject)
  #:use-module ((guix licenses)
                #:prefix license:))

(define-public python-tool
  (package
    (name "python-tool")
    (version "1.4.0")
    (source
     (origin
       (method git-fetch)
       (uri (git-reference
             (url "https://example.org/tool.git")
             (commit version)))
       (file-name (git-file-name name version))
       (sha256
        (base32 "0000000000000000000000000000000000000000000000000000"))))
    (build-system pyproject-build-system)
    (arguments
     (list
      #:tests? #f))
    (propagated-inputs (list python-requests))
    (home-page "https://example.org/tool")
    (synopsis "A tool")
    (description "A tool in Python.")
    (license license:expat)))
`;

/** The module is laid out as prettier lays it out, and tsc type-checks it. */
async function laidOutAndTypeChecked(code: string, file: string): Promise<void> {
  expect(await check(code, { parser: "typescript", printWidth: 120 })).toBe(true);
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  execFileSync(
    process.execPath,
    [tsc, "--noEmit", "--strict", "--skipLibCheck", "--module", "nodenext", "--target", "es2022", file],
    { cwd: root, encoding: "utf8", timeout: 60_000 },
  );
}

describe("guix-ts import", () => {
  it("writes a module that type-checks, is laid out by prettier, and prints the file again", async () => {
    writeFileSync(join(root, "packages.scm"), MODULE);
    const out = join(root, "packages.ts");
    const imported = await runCli(["import", join(root, "packages.scm"), "-o", out]);
    expect(imported).toMatchObject({ code: 0, out: "" });
    expect(imported.err).toBe(
      `guix-ts import: ${join(root, "packages.scm")}: 2 forms, 1 packages, 1 typed (1 fully, 0 with build-side code as templates)\n`,
    );
    const code = readFileSync(out, "utf8");
    expect(code).toContain("export const pythonTool = pkg({");
    await laidOutAndTypeChecked(code, out);
    expect(await runCli(["print", out])).toEqual({ code: 0, out: MODULE, err: "" });
  });

  it("Guix's idioms (phases, flags, modules, computed URLs, commits and versions, let bindings, inherited origins, labeled inputs, properties, search paths, comments) come back typed", async () => {
    const idioms = join(import.meta.dirname, "../../../test/fixtures/guix-idioms.scm");
    const out = join(root, "idioms.ts");
    const imported = await runCli(["import", idioms, "-o", out]);
    expect(imported).toMatchObject({ code: 0, out: "" });
    expect(imported.err).toBe(
      `guix-ts import: ${idioms}: 6 forms, 5 packages, 5 typed (4 fully, 1 with build-side code as templates); parts kept as Scheme: origin uri (hg-reference) (1)\n`,
    );
    const code = readFileSync(out, "utf8");
    for (const typed of [
      'url: cranUri("abc")',
      'properties: properties(\n    { "upstream-name": "abc", "updater-extra-native-inputs": ["gfortran"] },',
      'inputComment(";; For the vignettes.")',
      "url: packageHomePage,",
      'commit: concat("v", packageVersion),',
      '[deletePhase("configure"), ";nothing to configure"]',
      '{ comments: [";; The sources are in src/."] }',
      '{ module: ["guix", "build", "python-build-system"], prefix: "python:" }',
      'blankLinesBefore: ["modules"]',
      'predefinedSearchPath("SSL_CERT_DIR")',
      'license: ["expat", nonCopyleft("https://example.org/tool/LICENSE")]',
      'innerComments: { arguments: [";; The test suite needs a network."] }',
      'arguments: keywordArguments({ extra: { "tests?": false } })',
      'license: packageLicense("tool")',
      'version: gitVersion("1.5.0")',
      '["commit", "0123456789abcdef0123456789abcdef01234567"]',
      'source: inheritOrigin(packageSource("tool"), {',
      'uri: gitReference({ url: "https://example.org/tool.git", commit: boundVariable("commit") })',
      'nativeInputs: [quasiquotedOutput(packageVariable("glib"), "bin")]',
      'labeledInput("openssl", packageVariable("openssl"), "static")',
      'method: { name: "hg-fetch", module: ["guix", "hg-download"] },',
      'patchFlags: ["-p0"],',
      'nativeSearchPaths: [predefinedSearchPath("SSL_CERT_FILE")],\n  supportedSystems: ["x86_64-linux"],',
    ])
      expect(code).toContain(typed);
    await laidOutAndTypeChecked(code, out);
    expect(await runCli(["print", out])).toEqual({ code: 0, out: readFileSync(idioms, "utf8"), err: "" });
  });

  it("bad input: a file that does not read (file:line:column), no file, two files", async () => {
    writeFileSync(join(root, "broken.scm"), "(define-public x\n  (package");
    const broken = await runCli(["import", join(root, "broken.scm")]);
    expect(broken.code).toBe(2);
    expect(broken.err).toMatch(new RegExp(`^guix-ts import: ${join(root, "broken.scm")}:2:11: unbalanced parenthesis`));
    expect((await runCli(["import", join(root, "nowhere.scm")])).err).toMatch(/cannot read .*nowhere\.scm \(ENOENT\)/);
    expect((await runCli(["import", "a.scm", "b.scm"])).err).toMatch(/^guix-ts import: give one FILE\.scm\n/);
  });
});
