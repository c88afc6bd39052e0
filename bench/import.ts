/**
 * `guix-ts import` of a package module of 10,000 packages (git origins, arguments with phases),
 * against Guile's `read` of the same file: what reading it alone costs the reference reader.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { importGuixFile } from "@guix-ts/import";
import { printDatums } from "@guix-ts/scheme-printer";
import { guileTimes } from "./guile.js";
import type { BenchResult } from "./measure.js";
import { syntheticPackages } from "./synthetic-packages.js";

const PACKAGES = 10_000;
const RUNS = 5;

export async function benchImport(dir: string): Promise<BenchResult[]> {
  const text = printDatums(syntheticPackages(PACKAGES));
  const file = join(dir, "packages.scm");
  writeFileSync(file, text);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const { summary } = await importGuixFile(text, file);
    times.push(performance.now() - start);
    if (summary.typed !== PACKAGES) throw new Error(`import typed ${summary.typed} of ${PACKAGES} packages`);
  }
  const ours = times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
  const [guileRead] = guileTimes(dir, "read", file) as [number];
  return [
    {
      name: `import ${PACKAGES.toLocaleString("en")} packages (${(text.length / 1e6).toFixed(1)} MB), every one typed, vs Guile read`,
      ours,
      peer: guileRead,
      target: "at most 5 s",
      pass: ours <= 5000,
    },
  ];
}
