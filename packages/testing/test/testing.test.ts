// @guix-ts/testing against the real tools: its arbitraries give only values the builders accept
// (thousands of runs) whose files the real Guile reads back; each fault is reported at its path; the
// oracles say right and wrong; the Guile process ends with its owner, even one killed with SIGKILL.
import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { afterAll, describe, expect, it, onTestFinished } from "vitest";
import * as G from "@guix-ts/core";
import { list, printDatums, str, sym } from "@guix-ts/scheme-printer";
import { readTree } from "@guix-ts/catalog";
import * as T from "@guix-ts/testing";
import "@guix-ts/testing/vitest";
import { fixtureChannel } from "../../../test/fixtures/guix-channel.js";

const root = mkdtempSync(join(tmpdir(), "guix-ts-testing-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const problems = <A>(v: G.Validation<A>): string[] => (E.isLeft(v) ? v.left.map((p) => `${p.path}: ${p.message}`) : []);

describe("arbitraries of builder inputs", () => {
  it("never give a value the builders reject (thousands of runs)", () => {
    fc.assert(
      fc.property(T.anyManifest, (manifest) => {
        expect(problems(G.validateManifest(manifest))).toEqual([]);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(T.anyChannels, (channels) => {
        expect(problems(G.channelsFileE({ channels }))).toEqual([]);
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(T.anyImageSpec, (spec) => {
        expect(problems(G.validateImage(spec))).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it("give files the real Guile reads as the data built, laid out as guix style lays them out", async () => {
    const files = fc
      .sample(T.anyManifest, { numRuns: 200, seed: 11 })
      .map((manifest) => G.manifestFile({ manifest, context: "standalone" }));
    const read = await T.guileReadAll(files.map((f) => f.text));
    expect(read).toEqual(files.map((f) => T.encodeTopLevel(f.nodes)));
    for (const f of files.slice(0, 50)) expect(T.isFixedPoint(f)).toEqual({ ok: true });
  });

  it("with a fault: exactly one problem, at the path the companion names", () => {
    fc.assert(
      fc.property(T.anyPackageWithFault, ({ value, path }) => {
        const found = problems(G.manifestFileE({ manifest: G.packagesToManifest([value]) })).map(
          (p) => p.split(":")[0],
        );
        expect(found).toEqual([`manifest.packages[0].${path}`]);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(T.anyChannelWithFault, ({ value, path }) => {
        const found = problems(G.channelsFileE({ channels: [G.guixChannel({ commit: "0".repeat(40) }), value] }));
        expect(found.map((p) => p.split(":")[0])).toEqual([`channels[1].${path}`]);
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(T.anyImageSpecWithFault, ({ value, path }) => {
        expect(problems(G.validateImage(value, { path: "image" })).map((p) => p.split(":")[0])).toEqual([
          `image.${path}`,
        ]);
      }),
      { numRuns: 200 },
    );
  });
});

describe("arbitraries of Scheme data", () => {
  it("print to text Guile reads back as the data printed", async () => {
    const texts = fc.sample(T.schemeFile, { numRuns: 300, seed: 5 }).map((nodes) => printDatums(nodes));
    const verdicts = await Promise.all(texts.map((t, i) => T.guileReadsBack(t, `file ${i}`)));
    expect(verdicts.filter((v) => !v.ok)).toEqual([]);
    const data = fc.sample(T.datum, { numRuns: 300, seed: 6 });
    const read = await Promise.all(data.map((d) => T.readsAs(printDatums([d]), d)));
    expect(read.filter((v) => !v.ok)).toEqual([]);
  });
});

describe("oracles", () => {
  it("say right, and say what is wrong", async () => {
    expect(await T.readsAs('(a "b")', list([sym("a"), str("b")]))).toEqual({ ok: true });
    expect(await T.readsAs("(a b)", list([sym("a"), str("b")]))).toEqual({
      ok: false,
      message: "datum 1: expected (y:61 s:62), Guile read (y:61 y:62)",
    });
    expect(await T.guileReadsBack("(a b")).toMatchObject({ ok: false, message: /^guix-ts does not read it: / });
    expect(await T.guileReadsBack("#<unreadable>")).toMatchObject({ ok: false });
    expect(T.isFixedPoint("(define   x 1)\n")).toEqual({
      ok: false,
      message: "line 1 is laid out otherwise:\n  emitted:   (define   x 1)\n  formatted: (define x",
    });
  });

  it("resolvesInCatalog: modules, variables and specifications the catalogue's Guix knows", () => {
    const knowledge: G.GuixKnowledge = {
      packages: new Map([["python", [{ version: "3.11.4", outputs: ["out", "tk"] }]]]),
      modules: new Map([
        ["gnu packages python", new Set(["python", "python-3"])],
        ["guix licenses", new Set(["expat"])],
        ["guix profiles", new Set(["specifications->manifest", "packages->manifest"])],
      ]),
      buildSystems: new Map(),
    };
    const good = `(use-modules (gnu packages python) (guix profiles) ((guix licenses) #:prefix license:))
(define tools (list python license:expat))
(concatenate-manifests (list (packages->manifest tools) (specifications->manifest '("python@3.11" "python:tk"))))
`;
    expect(T.resolvesInCatalog(good, knowledge)).toEqual({
      ok: false,
      message: "concatenate-manifests is not bound: no module the file imports exports it",
    });
    expect(T.resolvesInCatalog(good.replace("concatenate-manifests", "append"), knowledge)).toEqual({ ok: true });
    const bad = `(use-modules (gnu packages pyton) (guix profiles))
(packages->manifest (list python-3 (specifications->manifest '("pyhton" "python:doc"))))
`;
    expect(T.resolvesInCatalog(bad, knowledge)).toEqual({
      ok: false,
      message: [
        "no module (gnu packages pyton) in this Guix; did you mean (gnu packages python)?",
        "python-3 is not bound: no module the file imports exports it",
        "no package pyhton in this Guix; did you mean python?",
        "python has no output doc; its outputs: out, tk",
      ].join("\n"),
    });
  });

  it("resolvesInCatalog with a real catalogue: the fixture channel read statically", () => {
    const { dir } = fixtureChannel(join(root, "channel"));
    const catalog = readTree(dir);
    const text = "(use-modules (gnu packages base))\n(list hello tool greeting)\n";
    expect(T.resolvesInCatalog(text, catalog)).toEqual({ ok: true });
    expect(T.resolvesInCatalog(text.replace("tool", "tol"), catalog)).toEqual({
      ok: false,
      message: "tol is not bound: no module the file imports exports it",
    });
    expect(T.resolvesInCatalog("(use-modules (gnu packages bse))\n", catalog)).toEqual({
      ok: false,
      message: "no module (gnu packages bse) in this Guix; did you mean (gnu packages base)?",
    });
  });

  it("vitest matchers", async () => {
    const file = G.manifestFile({ manifest: G.specificationsToManifest(["python"]) });
    await expect(file).toReadBackInGuile();
    await expect("(a)").toReadAs(list([sym("a")]));
    expect(file).toBeFixedPoint();
    expect("(define   x 1)\n").not.toBeFixedPoint();
    await expect(expect("(a b)").toReadAs(list([sym("b")]))).rejects.toThrow(
      /expected the text to read in Guile as the data given: datum 1/,
    );
  });
});

describe("the Guile process", () => {
  it("missing: every read says how to install it", async () => {
    const saved = process.env["GUILE"];
    process.env["GUILE"] = "guile-not-installed-here";
    onTestFinished(() => {
      if (saved === undefined) delete process.env["GUILE"];
      else process.env["GUILE"] = saved;
    });
    const session = T.startGuile();
    await expect(session.read("(a)", "the first case")).rejects.toThrow(
      "guile-not-installed-here is not installed (not on PATH): install guile-3.0 (sudo apt-get install guile-3.0), or set GUILE to its path",
    );
  });

  it("ending mid-batch: the reads still waiting fail, naming their case", async () => {
    // The real Guile, whose input ends after its first case: it ends while the second is on its way.
    const cut = join(root, "guile-cut");
    writeFileSync(cut, `#!/bin/sh\nhead -c 5 | exec guile "$@"\n`);
    chmodSync(cut, 0o755);
    const saved = process.env["GUILE"];
    process.env["GUILE"] = cut;
    onTestFinished(() => {
      if (saved === undefined) delete process.env["GUILE"];
      else process.env["GUILE"] = saved;
    });
    const session = T.startGuile();
    onTestFinished(() => session.close());
    const first = session.read("(a)", "case a");
    const second = session.read("(b c d e f)", "case b");
    expect(await first).toEqual({ ok: true, data: ["(y:61)"] });
    await expect(second).rejects.toThrow(/^guile ended while reading case b$/);
    await expect(session.read("(c)", "case c")).rejects.toThrow(/before reading case c/);
  });

  it("ends when closed, and when its owner is killed with SIGKILL", async () => {
    const alive = (pid: number): boolean => {
      try {
        process.kill(pid, 0);
        return readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]![0] !== "Z";
      } catch {
        return false;
      }
    };
    const gone = async (pid: number): Promise<boolean> => {
      for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
      return !alive(pid);
    };
    const session = T.startGuile();
    expect(await session.read("x")).toEqual({ ok: true, data: ["y:78"] });
    const pid = session.pid!;
    await session.close();
    expect(await gone(pid)).toBe(true);

    // An owner that starts Guile and is then killed, before it could close it.
    const tsx = createRequire(import.meta.url).resolve("tsx");
    const owner = spawn(
      process.execPath,
      [
        "--conditions=development",
        "--import",
        tsx,
        "--input-type=module",
        "-e",
        `import { startGuile } from "@guix-ts/testing"; const s = startGuile(); await s.read("x"); console.log(s.pid); setInterval(() => {}, 1000);`,
      ],
      { cwd: join(import.meta.dirname, ".."), stdio: ["ignore", "pipe", "inherit"] },
    );
    onTestFinished(() => void owner.kill("SIGKILL"));
    const guilePid = await new Promise<number>((resolve) =>
      owner.stdout.once("data", (d) => resolve(Number(String(d)))),
    );
    expect(alive(guilePid)).toBe(true);
    owner.kill("SIGKILL");
    expect(await gone(guilePid)).toBe(true);
  });
});
