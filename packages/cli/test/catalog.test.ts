// The catalogue end to end on the fixture channel (test/fixtures/guix-channel.ts), read from its
// checkout: `guix-ts catalog build --from`, list, show, search, and validation with --catalog.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { CATALOG_FORMAT, readCatalog, readTree } from "@guix-ts/catalog";
import { runCli } from "../../../test/fixtures/cli.js";
import { fixtureChannel } from "../../../test/fixtures/guix-channel.js";

const root = mkdtempSync(join(tmpdir(), "guix-ts-catalog-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const { dir, commit } = fixtureChannel(join(root, "channel"));
const file = join(root, "catalog.json");

describe("validation with a catalogue (--catalog)", () => {
  it("an unknown package, version or output, a module that does not export a name, an unknown keyword: all at once, with did-you-mean", async () => {
    await runCli(["catalog", "build", "--from", dir, "--output", file]);
    const core = pathToFileURL(join(import.meta.dirname, "../../core/dist/index.js")).href;
    const script = join(root, "build.ts");
    writeFileSync(
      script,
      `import { buildSystem, concatenateManifests, guixPackage, packagesToManifest, pkg, specificationsToManifest } from ${JSON.stringify(core)};
export const manifest = concatenateManifests([
  specificationsToManifest(["helo", "hello@9", "hello:bin", "hello@2.12:doc"]),
  packagesToManifest([
    guixPackage("tool", "gnu packages extra"),
    guixPackage("hello-next", "gnu packages extr"),
    pkg({
      name: "app",
      version: "1",
      buildSystem: buildSystem("demo", { tests: false, extra: { "configure-flag": [] } }, {}),
      synopsis: "An app",
      description: "An app.",
      homePage: "https://example.org",
      license: "expat",
    }),
  ]),
]);
`,
    );
    const { code, err } = await runCli(["print", script, "manifest", "--catalog", file]);
    expect(code).toBe(2);
    const lines = err.trim().split("\n");
    expect(lines).toEqual([
      'guix-ts print: manifest.manifests[0].specifications[0]: "helo": no package helo in this Guix; did you mean hello?',
      'guix-ts print: manifest.manifests[0].specifications[1]: "hello@9": no version 9 of hello in this Guix; it has 2.12.1, 3.0',
      'guix-ts print: manifest.manifests[0].specifications[2]: "hello:bin": hello has no output bin; its outputs: out, doc',
      expect.stringMatching(
        /^guix-ts print: manifest\.manifests\[1\]\.packages\[0\]: .*: \(gnu packages extra\) does not export tool; \(gnu packages base\) does$/,
      ),
      expect.stringMatching(
        /^guix-ts print: manifest\.manifests\[1\]\.packages\[1\]: .*: no module \(gnu packages extr\) in this Guix; did you mean \(gnu packages extra\)\?$/,
      ),
      "guix-ts print: manifest.manifests[1].packages[2].buildSystem.configure-flag: []: demo-build-system takes no #:configure-flag in this Guix; did you mean #:configure-flags?",
    ]);
    // `lock` checks them too, before fetching anything (and writes no lock).
    const lock = await runCli(["lock", script, "--catalog", file]);
    expect(lock.code).toBe(2);
    expect(lock.err.split("\n")[0]).toBe(lines[0]!.replace("guix-ts print:", "guix-ts lock:"));
    expect(existsSync(join(root, "guix-ts.lock"))).toBe(false);
    // Without the catalogue, the same script prints: names are checked for their form only.
    expect((await runCli(["print", script, "manifest"])).code).toBe(0);
  });
});

describe("guix-ts catalog on a fixture channel", () => {
  it("builds a catalogue: the commit, the modules that read, and the one that does not (file:line:column)", async () => {
    const { code, out, err } = await runCli(["catalog", "build", "--from", dir, "--output", file]);
    expect(code).toBe(0);
    expect(out).toMatch(/catalog\.json: 5 packages, 5 modules, 1 build systems/);
    expect(err).toBe(
      "guix-ts catalog: skipped gnu/packages/broken.scm:6:1: unbalanced parenthesis: `(` opened at 4:3 is never closed (missing `)`)\n",
    );
    const catalog = await readCatalog(file);
    expect(catalog.format).toBe(CATALOG_FORMAT);
    expect(catalog.channels).toEqual({ guix: commit });
    expect(catalog.modules["gnu packages base"]).toEqual([
      "git-version",
      "greeting",
      "hello",
      "hello-2",
      "hello-for-tests",
      "hello-old",
      "hello-stable",
      "make-greeter",
      "tool",
    ]);
    expect(catalog.buildSystems["demo-build-system"]).toEqual({
      module: "guix build-system demo",
      keywords: [
        "configure-flags",
        "inputs",
        "native-inputs",
        "outputs",
        "phases",
        "python",
        "source",
        "system",
        "target",
        "tests?",
      ],
    });
  });

  it("lists packages as guix package -A does, then module and variable; inheritance followed across modules", async () => {
    const { code, out } = await runCli(["catalog", "list", "--catalog", file]);
    expect(code).toBe(0);
    expect(out).toBe(
      [
        "hello\t2.12.1\tout,doc\tgnu/packages/base.scm:11:2\tgnu packages base\thello",
        "hello\t3.0\tout,doc\tgnu/packages/extra.scm:13:2\tgnu packages extra\thello-3",
        "hello-next\t2.12.1\tout,doc\tgnu/packages/extra.scm:7:2\tgnu packages extra\thello-next",
        "tool\t1.0-3.0123456\tout\tgnu/packages/base.scm:22:4\tgnu packages base\ttool",
        "tool-docs\t1.0-3.0123456\tout,doc\tgnu/packages/extra.scm:17:2\tgnu packages extra\ttool-docs",
        "",
      ].join("\n"),
    );
    // Hidden and deprecated packages are catalogued, not listed; a procedure's package is unknown, not guessed.
    const catalog = await readCatalog(file);
    const by = (v: string) => catalog.packages.find((p) => p.variables.includes(v));
    expect(by("hello-for-tests")).toMatchObject({ name: "hello", hidden: true });
    // An alias of an alias is the same package: one row, every variable.
    expect(by("hello-stable")).toMatchObject({ name: "hello", variables: ["hello", "hello-2", "hello-stable"] });
    expect(by("hello-old")).toMatchObject({ name: "hello-old", supersededBy: "hello" });
    expect(by("greeting")).toMatchObject({ location: "gnu/packages/base.scm:42:2", module: "gnu packages base" });
    expect([by("greeting")?.name, by("greeting")?.version]).toEqual([undefined, undefined]);
  });

  it("shows and searches as guix show and guix search do; a misspelt name gets a did-you-mean", async () => {
    const show = await runCli(["catalog", "show", "tool", "--catalog", file]);
    expect(show.out).toBe(
      "name: tool\nversion: 1.0-3.0123456\noutputs:\n+ out\nlocation: gnu/packages/base.scm:22:4\n" +
        "module: gnu packages base\nvariables: tool\nsynopsis: A tool\n",
    );
    const search = await runCli(["catalog", "search", "next", "--catalog", file]);
    expect(search.out).toMatch(/^name: hello-next\n/);
    const missing = await runCli(["catalog", "show", "helo-next", "--catalog", file]);
    expect(missing).toMatchObject({
      code: 1,
      err: "guix-ts catalog: helo-next: package not found; did you mean hello-next?\n",
    });
  });

  it("bad input: a folder that is no channel, a catalogue of another format, not JSON, missing: one line each", async () => {
    const empty = join(root, "empty");
    mkdirSync(empty);
    writeFileSync(join(empty, "notes.txt"), "x");
    expect(() => readTree(empty)).toThrow(`${empty} is not a Guix channel: no Scheme module (define-module) in it`);
    const other = join(root, "other.json");
    writeFileSync(other, JSON.stringify({ format: 99, packages: [] }));
    const cases: [string, string][] = [
      [
        other,
        `${other}: a catalogue of format 99; this guix-ts reads format ${CATALOG_FORMAT}: build it again (guix-ts catalog build)`,
      ],
      [join(root, "missing.json"), `${join(root, "missing.json")}: cannot read the catalogue (ENOENT)`],
      [dir + "/gnu/packages/base.scm", `${dir}/gnu/packages/base.scm: not a catalogue: it is not JSON`],
    ];
    for (const [path, message] of cases)
      expect(await runCli(["catalog", "list", "--catalog", path])).toEqual({
        code: 1,
        out: "",
        err: `guix-ts catalog: ${message}\n`,
      });
    const noDir = await runCli(["catalog", "build", "--from", join(root, "nowhere"), "-o", join(root, "x.json")]);
    expect(noDir).toMatchObject({ code: 1, err: `guix-ts catalog: ${join(root, "nowhere")}: no such folder\n` });
  });
});
