/** The Scheme layer's speed against Guile 3.0's, on the same data in the same run. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { printDatums, readDatums } from "@guix-ts/scheme-printer";
import { guileTimes } from "./guile.js";
import { bestOf, type BenchResult } from "./measure.js";
import { syntheticPackages } from "./synthetic-packages.js";

export function benchScheme(dir: string): BenchResult[] {
  const nodes = syntheticPackages(10_000);
  let text = "";
  const print = bestOf(5, () => {
    text = printDatums(nodes);
  });
  const printFile = join(dir, "packages.scm");
  writeFileSync(printFile, text);
  const [guileWrite, guilePretty] = guileTimes(dir, "print", printFile) as [number, number];

  // 25 MB and more of package code with comments, blank lines and margin comments, as Guix modules have.
  const chunk = text
    .replace(/\(define-public /g, ";; A package.\n\n(define-public ")
    .replace(/\(license /g, "(license ; the license\n ");
  const big = chunk.repeat(Math.ceil((25 * 1024 * 1024) / Buffer.byteLength(chunk)));
  const readFile = join(dir, "big.scm");
  writeFileSync(readFile, big);
  const read = bestOf(3, () => void readDatums(big));
  const [guileRead] = guileTimes(dir, "read", readFile) as [number];
  const mb = (s: string): string => (Buffer.byteLength(s) / 1024 / 1024).toFixed(1);

  return [
    {
      name: `print 10,000 packages (${mb(text)} MB) vs Guile pretty-print`,
      ours: print,
      peer: guilePretty,
      target: "at least 15x faster",
      pass: guilePretty / print >= 15,
    },
    {
      name: "print 10,000 packages vs Guile write (no layout)",
      ours: print,
      peer: guileWrite,
      target: "at most 2x Guile write",
      pass: print / guileWrite <= 2,
    },
    {
      name: `read ${mb(big)} MB of package code vs Guile read`,
      ours: read,
      peer: guileRead,
      target: "at least 2x faster",
      pass: guileRead / read >= 2,
    },
  ];
}
