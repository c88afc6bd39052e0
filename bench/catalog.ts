/**
 * The catalogue: building one from a channel's tree (about 580 modules, 40 MB, as Guix's own) against
 * Guile's `read` of the same text, and loading a built one from its file. GUIX_TREE=DIR measures a
 * real checkout of Guix instead of the generated tree.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readCatalog, readTree, writeCatalog } from "@guix-ts/catalog";
import { printDatums } from "@guix-ts/scheme-printer";
import { guileTimes } from "./guile.js";
import { bestOf, bestOfAsync, type BenchResult } from "./measure.js";
import { syntheticPackages } from "./synthetic-packages.js";

const MODULES = 580;

/** A channel's tree of `MODULES` package modules, 40 MB in all; its folder and every file's text. */
function generatedTree(dir: string): { root: string; texts: string[] } {
  const root = join(dir, "channel");
  mkdirSync(join(root, "gnu", "packages"), { recursive: true });
  const body = printDatums(syntheticPackages(10));
  const per = Math.max(1, Math.round((40 * 1024 * 1024) / MODULES / Buffer.byteLength(body)));
  const texts: string[] = [];
  for (let m = 0; m < MODULES; m++) {
    const text = `(define-module (gnu packages m${m})\n  #:use-module (guix packages))\n\n${body.repeat(per)}`;
    writeFileSync(join(root, "gnu", "packages", `m${m}.scm`), text);
    texts.push(text);
  }
  return { root, texts };
}

/** The text of every `.scm` file under `roots` of `dir`. */
function schemeTexts(dir: string, roots: readonly string[]): string[] {
  return roots.flatMap((root) =>
    (readdirSync(join(dir, root), { recursive: true }) as string[])
      .filter((f) => f.endsWith(".scm"))
      .map((f) => readFileSync(join(dir, root, f), "utf8")),
  );
}

export async function benchCatalog(dir: string): Promise<BenchResult[]> {
  const real = process.env.GUIX_TREE;
  const { root, texts } = real ? { root: real, texts: schemeTexts(real, ["gnu", "guix"]) } : generatedTree(dir);
  const roots = real ? ["gnu", "guix"] : undefined;
  let catalog = readTree(root, roots ? { roots } : {});
  const build = bestOf(5, () => void (catalog = readTree(root, roots ? { roots } : {})), false);
  // Guile reads the same bytes, in one file (its time is its read alone, not the file system's).
  const all = join(dir, "all.scm");
  writeFileSync(all, texts.join("\n"));
  const [guileRead] = guileTimes(dir, "read", all) as [number];
  const file = join(dir, "catalog.json");
  await writeCatalog(file, catalog);
  const load = await bestOfAsync(5, () => readCatalog(file));
  const parse = bestOf(5, () => void JSON.parse(readFileSync(file, "utf8")));
  const mb = (texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1024 / 1024).toFixed(0);
  return [
    {
      name: `catalogue of ${real ?? `${MODULES} modules (${mb} MB)`} vs Guile read of the same text`,
      ours: build,
      peer: guileRead,
      target: "at most 3 s",
      pass: build <= 3000,
    },
    {
      name: `load a catalogue (${catalog.packages.length} packages) vs JSON.parse alone`,
      ours: load,
      peer: parse,
      target: "at most 50 ms",
      pass: load <= 50,
    },
  ];
}
