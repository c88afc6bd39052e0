// The catalogue of pinned channels, end to end with the real git and tsc: `guix-ts catalog build`
// of a channels file and of a build script's channels (the lock beside it), the cache by commit
// (found again, a corrupt entry rebuilt), Guix's own checkout cache reused, validation finding the
// cached catalogue by itself, and `catalog types` compiled with tsc (a right name compiles, a
// misspelt one fails with TypeScript's did-you-mean). No Guix here: every build is the static one.
import { execFileSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { catalogCachePath, readCatalog } from "@guix-ts/catalog";
import { runCli } from "../../../test/fixtures/cli.js";
import { guileReadAll } from "@guix-ts/testing";
import { fixtureChannel } from "../../../test/fixtures/guix-channel.js";
import { makeStandInHome, STAND_IN_MODULES } from "../../../test/fixtures/stand-in-guix/home.js";

const root = mkdtempSync(join(tmpdir(), "guix-ts-catalog-channels-"));
const cache = join(root, "cache");
process.env["XDG_CACHE_HOME"] = cache;
// No Guix here unless a test gives one: not a home someone set up on this machine.
process.env["GUIX_TS_GUIX_HOME"] = join(root, "no-guix-home");
afterAll(() => rmSync(root, { recursive: true, force: true }));

const { dir, commit } = fixtureChannel(join(root, "channel"));
const url = pathToFileURL(dir).href;
const core = pathToFileURL(join(import.meta.dirname, "../../core/dist/index.js")).href;
const pinned = [{ name: "guix", url, commit }];

const channelsFile = (body: string): string => {
  const path = join(root, `channels-${Math.random().toString(36).slice(2)}.scm`);
  writeFileSync(path, body);
  return path;
};

describe("guix-ts catalog build of pinned channels (no Guix here: read statically)", () => {
  it("fetches the commit with git into its own cache, reads it, keeps the catalogue by commit, and finds it again", async () => {
    const file = channelsFile(
      `(list (channel (name 'guix) (url ${JSON.stringify(url)}) (commit ${JSON.stringify(commit)})))\n`,
    );
    const first = await runCli(["catalog", "build", "--channels", file]);
    expect(first.code).toBe(0);
    expect(first.err).toMatch(/no Guix here to ask/);
    const path = catalogCachePath(pinned);
    expect(path).toBe(join(cache, "guix-ts", "catalogs", `guix-${commit}.json`));
    expect(first.out).toMatch(new RegExp(`^${path}: 5 packages, 5 modules, 1 build systems`));
    expect((await readCatalog(path)).channels).toEqual({ guix: commit });
    // git's own repository for the URL; no temporary folder left behind.
    expect(readdirSync(join(cache, "guix-ts", "checkouts"))).toHaveLength(1);
    expect(readdirSync(tmpdir()).filter((f) => f.startsWith("guix-ts-catalog-") && !root.endsWith(f))).toEqual([]);

    const again = await runCli(["catalog", "build", "--channels", file]);
    expect(again).toMatchObject({ code: 0, err: `guix-ts catalog: already built for guix ${commit.slice(0, 12)}\n` });

    // A corrupt entry is not trusted: it is rebuilt.
    writeFileSync(path, '{"format": 2, "packages": [');
    const rebuilt = await runCli(["catalog", "build", "--channels", file]);
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.err).not.toMatch(/already built/);
    expect((await readCatalog(path)).packages.length).toBeGreaterThan(0);
  });

  it("reuses Guix's own checkout (~/.cache/guix/checkouts) when it holds the commit: nothing fetched", async () => {
    const guixCheckouts = join(cache, "guix", "checkouts");
    mkdirSync(guixCheckouts, { recursive: true });
    cpSync(dir, join(guixCheckouts, "abcdef"), { recursive: true });
    // A URL nothing answers: only Guix's cache can give the commit.
    const file = channelsFile(
      `(list (channel (name 'guix) (url "https://example.invalid/guix.git") (commit ${JSON.stringify(commit)})))`,
    );
    const { code, out } = await runCli([
      "catalog",
      "build",
      "--channels",
      file,
      "--static",
      "-o",
      join(root, "c.json"),
    ]);
    expect(code).toBe(0);
    expect(out).toMatch(/c\.json: 5 packages/);
    rmSync(join(cache, "guix"), { recursive: true });
  });

  it("bad input: a commit the repository does not hold, no network, a channel on a branch, no channel: one line each, nothing written", async () => {
    const missing = "0123456789012345678901234567890123456789";
    const cases: [string, RegExp][] = [
      [
        `(list (channel (name 'guix) (url ${JSON.stringify(url)}) (commit "${missing}")))`,
        new RegExp(`^guix-ts catalog: ${url}: commit ${missing} is not in the repository\n$`),
      ],
      [
        `(list (channel (name 'guix) (url "file:///nowhere/guix.git") (commit "${missing}")))`,
        /^guix-ts catalog: file:\/\/\/nowhere\/guix\.git: git fetch failed: .*\n$/,
      ],
      [
        `(cons (channel (name 'extra) (url ${JSON.stringify(url)}) (branch "main")) %default-channels)`,
        /^guix-ts catalog: .*channels-\w+\.scm:1:7: channel extra follows a branch, not a commit: pin it \(guix-ts lock, or guix describe -f channels\)\n$/,
      ],
      [`%default-channels`, /the guix channel comes from %default-channels, which follow a branch/],
      [`(list (channel (name 'guix) (url "x") (commit "abc")`, /channels-\w+\.scm:1:\d+: unbalanced parenthesis/],
    ];
    for (const [body, message] of cases) {
      const { code, err } = await runCli(["catalog", "build", "--channels", channelsFile(body), "--static"]);
      expect([code, err]).toEqual([1, expect.stringMatching(message)]);
    }
    expect(existsSync(catalogCachePath([{ name: "guix", url, commit: missing }]))).toBe(false);
  });
});

describe("guix repl: the exact catalogue (STAND-IN guix and Guix modules, in a real container, run by the real Guile)", () => {
  it("asks guix time-machine -C CHANNELS -- repl, caches the answer, which agrees with the static reading", async () => {
    const checkout = join(root, "repl-channel");
    fixtureChannel(checkout); // the same commit's files, where the stand-in's Guile loads them
    const home = makeStandInHome(join(root, "repl-home"), {
      replLoadPath: [STAND_IN_MODULES, checkout],
      replChannels: [checkout],
    });
    const other = "1111111111111111111111111111111111111111"; // a commit of its own: no cached catalogue
    const file = channelsFile(`(list (channel (name 'guix) (url ${JSON.stringify(url)}) (commit "${other}")))`);
    const { code, out, err } = await runCli(["catalog", "build", "--channels", file, "--home", home]);
    expect({ code, err }).toEqual({
      code: 0,
      err: expect.stringMatching(/^guix-ts catalog: skipped gnu packages broken: gnu\/packages\/broken\.scm:6:1: /),
    });
    expect(out).toMatch(/guix-1{40}\.json: 5 packages, \d+ modules, 1 build systems/);
    const argv = JSON.parse(readFileSync(join(home, "var/guix/stand-in-calls.jsonl"), "utf8").trim()).argv;
    expect(argv).toEqual([
      "time-machine",
      expect.stringMatching(/^--channels=\/.*\/channels\.scm$/),
      "--",
      "repl",
      "--",
      expect.stringMatching(/\/catalog\.scm$/),
    ]);
    const exact = await readCatalog(catalogCachePath([{ name: "guix", url, commit: other }]));
    const statically = await readCatalog(catalogCachePath(pinned));
    // The same packages, rows and all, but the procedure's "package" the static reading could not tell,
    // and where a deprecated alias is: Guix's is inside `deprecated-package`, the static reading gives
    // the `define-deprecated-package` form (more use to a reader, and not listed by guix package -A).
    const rows = (c: typeof exact) =>
      c.packages
        .filter((p) => p.name !== undefined)
        .map((p) => ({ ...p, location: p.supersededBy ? "(deprecated)" : p.location }))
        .sort((a, b) => (a.variables[0]! < b.variables[0]! ? -1 : 1));
    expect(rows(exact)).toEqual(rows(statically));
    expect(exact.packages.find((p) => p.supersededBy)?.location).toMatch(/^guix\/packages\.scm:\d+:2$/);
    expect(exact.buildSystems).toEqual(statically.buildSystems);
    for (const module of ["gnu packages base", "gnu packages extra", "guix build-system demo"])
      expect(exact.modules[module]).toEqual(statically.modules[module]);
    expect(exact.modules["gnu packages broken"]).toBeUndefined();
    expect([exact.uses["gnu packages mirrors"], statically.uses["gnu packages mirrors"]]).toEqual([2, 2]);
  });
});

describe("a build script's pinned channels: catalog build, and validation finding the catalogue by itself", () => {
  it("catalogues the channels build.ts pins, then print checks names against it without --catalog", async () => {
    const project = join(root, "project");
    mkdirSync(project);
    const script = join(project, "build.ts");
    writeFileSync(
      script,
      `import { channel, specificationsToManifest } from ${JSON.stringify(core)};
export const manifest = specificationsToManifest(["hello", "helo"]);
export const channels = [channel({ name: "guix", url: ${JSON.stringify(url)}, branch: "main", commit: ${JSON.stringify(commit)} })];
`,
    );
    const built = await runCli(["catalog", "build", script, "--static"]);
    expect(built.code).toBe(0);
    const printed = await runCli(["print", script, "manifest"]);
    expect(printed).toMatchObject({
      code: 2,
      err: 'guix-ts print: manifest.specifications[1]: "helo": no package helo in this Guix; did you mean hello?\n',
    });
    // Every free name of a template gets its module: the one the channel's own modules import where
    // two export it; Guile reads the file, and each module imported exports what it is imported for.
    writeFileSync(
      script,
      `import { channel, copyBuildSystem, packagesToManifest, pkg, scheme } from ${JSON.stringify(core)};
export const manifest = packagesToManifest([
  pkg({
    name: "site",
    version: "1.0",
    source: scheme\`(origin (method url-fetch) (uri (mirror-uri (git-version "1.0" "1" "0123456789"))) (sha256 (base32 "0000000000000000000000000000000000000000000000000000")))\`,
    buildSystem: copyBuildSystem(),
    synopsis: "Site",
    description: "Site.",
    homePage: "https://example.org",
    license: "expat",
  }),
]);
export const channels = [channel({ name: "guix", url: ${JSON.stringify(url)}, commit: ${JSON.stringify(commit)} })];
`,
    );
    const inferred = await runCli(["print", script, "manifest"]);
    expect(inferred.err).toBe("");
    const modules = /^\(use-modules ([^]*?)\)\n(?! )/
      .exec(inferred.out)![1]!
      .split(/\)\s+\(/)
      .map((m) => m.replace(/[()]/g, ""));
    expect(modules).toContain("gnu packages mirrors");
    expect(modules).not.toContain("guix mirrors-compat");
    expect(modules).toContain("gnu packages base"); // git-version, re-exported there
    expect((await guileReadAll([inferred.out]))[0]!.length).toBe(3); // use-modules, the package, the manifest
    const catalog = await readCatalog(catalogCachePath(pinned));
    for (const [name, module] of [
      ["mirror-uri", "gnu packages mirrors"],
      ["git-version", "gnu packages base"],
    ])
      expect(catalog.modules[module!]).toContain(name);
    // With no build script, the channels guix-ts.lock pins; list then finds that catalogue by itself.
    const lockOnly = join(root, "lock-only");
    mkdirSync(lockOnly);
    writeFileSync(
      join(lockOnly, "guix-ts.lock"),
      JSON.stringify({ version: 2, sources: {}, channels: { guix: { url, branch: "main", commit } } }),
    );
    const cwd = process.cwd();
    process.chdir(lockOnly);
    try {
      expect(await runCli(["catalog", "build", "--static"])).toMatchObject({ code: 0 });
      const listed = await runCli(["catalog", "list"]);
      expect(listed.out.split("\n")[0]).toMatch(/^hello\t2\.12\.1\tout,doc\t/);
    } finally {
      process.chdir(cwd);
    }
    // Channels without Guix's own: a catalogue of them would not know Guix's packages.
    writeFileSync(
      script,
      `import { channel } from ${JSON.stringify(core)};
export const channels = [channel({ name: "extra", url: ${JSON.stringify(url)}, commit: ${JSON.stringify(commit)} })];
`,
    );
    expect(await runCli(["catalog", "build", script])).toMatchObject({
      code: 2,
      err: `guix-ts catalog: ${script}: no guix channel among its channels\n`,
    });
    // A channel on a branch the lock does not pin: no catalogue can be of it, and catalog build says so.
    writeFileSync(
      script,
      `import { channel } from ${JSON.stringify(core)};
export const channels = [channel({ name: "guix", url: ${JSON.stringify(url)}, branch: "main" })];
`,
    );
    expect(await runCli(["catalog", "build", script])).toMatchObject({
      code: 2,
      err: `guix-ts catalog: ${script}: channel guix follows main and the lock has no commit for it: run guix-ts lock\n`,
    });
  });
});

describe("guix-ts catalog types: compiled with tsc", () => {
  const project = join(root, "typed");
  mkdirSync(join(project, "node_modules", "@guix-ts"), { recursive: true });
  symlinkSync(join(import.meta.dirname, "../../core"), join(project, "node_modules", "@guix-ts", "core"));
  writeFileSync(join(project, "package.json"), '{ "type": "module" }\n');
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  const check = (source: string): string => {
    writeFileSync(join(project, "build.ts"), source);
    try {
      execFileSync(
        process.execPath,
        [tsc, "--noEmit", "--strict", "--skipLibCheck", "--module", "nodenext", "--target", "es2022", "build.ts"],
        { cwd: project, encoding: "utf8", timeout: 60_000 },
      );
      return "";
    } catch (error) {
      return (error as { stdout: string }).stdout;
    }
  };

  it("a right name compiles, a misspelt package, specification or output does not, with TypeScript's did-you-mean", async () => {
    const catalog = join(root, "types-catalog.json");
    await runCli(["catalog", "build", "--from", dir, "-o", catalog]);
    const types = await runCli(["catalog", "types", "--catalog", catalog, "-o", join(project, "guix-packages.js")]);
    expect(types).toMatchObject({ code: 0, out: expect.stringMatching(/guix-packages\.d\.ts: 5 packages\n$/) });

    expect(
      check(`import { output, packages, specificationsToManifest } from "./guix-packages.js";
export const manifest = specificationsToManifest(["hello", "hello@2.12", "hello@3.0:doc", "tool-docs:doc"]);
export const inputs = [packages.tool, packages["hello-next"], output(packages.hello, "doc")];
`),
    ).toBe("");
    const errors = check(`import { output, packages, specificationsToManifest } from "./guix-packages.js";
export const manifest = specificationsToManifest(["helo", "hello:bin"]);
export const inputs = [packages["hello-nxt"], output(packages.hello, "dco"), output(packages.tool, "out")];
`);
    expect(errors).toMatch(
      /build\.ts\(2,51\): error TS2820: Type '"helo"' is not assignable to type 'Specification'\. Did you mean '"hello"'\?/,
    );
    expect(errors).toMatch(/Type '"hello:bin"' is not assignable to type 'Specification'/);
    expect(errors).toMatch(/Property 'hello-nxt' does not exist on type 'Packages'\. Did you mean 'hello-next'\?/);
    expect(errors).toMatch(/Argument of type '"dco"' is not assignable to parameter of type '"out" \| "doc"'/);
    // tool has one output: output() is not for it (its out is the package itself).
    expect(errors).toMatch(/build\.ts\(3,\d+\): error TS2345: Argument of type 'Ref<"tool">'/);
    // Hidden and deprecated variables are references too, the deprecated one marked so.
    const declarations = readFileSync(join(project, "guix-packages.d.ts"), "utf8");
    expect(declarations).toMatch(
      /\/\*\* @deprecated use `hello` \(hello-old 2\.12\.1, \(gnu packages base\)\) \*\/\n {2}readonly "hello-old"/,
    );
  });

  it("the generated module gives package references with their module, which print writes as imports", async () => {
    writeFileSync(
      join(project, "build.ts"),
      `import { concatenateManifests, packagesToManifest } from "@guix-ts/core";
import { output, packages, specificationsToManifest } from "./guix-packages.js";
export const manifest = concatenateManifests([
  specificationsToManifest(["tool-docs@1.0:doc"]),
  packagesToManifest([packages["hello-next"], output(packages.hello, "doc")]),
]);
`,
    );
    const { code, out, err } = await runCli(["print", join(project, "build.ts"), "manifest"]);
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out).toMatch(/^\(use-modules \(gnu packages extra\)\s+\(gnu packages base\)\)\n/);
    expect(out).toMatch(/\(list hello-next\s+\(list hello "doc"\)\)/);
    expect(out).toMatch(/"tool-docs@1\.0:doc"/);
  });
});
