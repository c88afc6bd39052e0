// The real Guile reads what guix-ts prints as exactly the data meant.
// Thousands of cases per run, batched into one Guile process per property.
import { execFileSync } from "node:child_process";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatScheme, printDatums, readDatums, type Node } from "@guix-ts/scheme-printer";
import { datum, datumWithBlanks, encodeTopLevel, guileReadAll, schemeFile } from "@guix-ts/testing";
import { layoutDatums } from "../src/printer/layout.js";

const GUILE = process.env["GUILE"] ?? "guile";

function guileAvailable(): boolean {
  try {
    execFileSync(GUILE, ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const RUNS = Number(process.env.GUIX_TS_PROPERTY_RUNS ?? 3000);

describe.skipIf(!guileAvailable() && process.env.CI !== "true")("printed text read by guile-3.0", () => {
  it(`Guile reads ${RUNS} random data (adversarial strings, symbols, chars, numbers, nesting) as the data printed`, async () => {
    const files: Node[][] = fc.sample(fc.array(datum, { minLength: 1, maxLength: 4 }), { numRuns: RUNS, seed: 42 });
    const texts = files.map((nodes) => printDatums(nodes));
    const read = await guileReadAll(texts);
    const mismatches = files.flatMap((nodes, i) => {
      const want = encodeTopLevel(nodes);
      return JSON.stringify(read[i]) === JSON.stringify(want) ? [] : [{ text: texts[i], want, got: read[i] }];
    });
    expect(mismatches.slice(0, 3)).toEqual([]);
  });

  it(`Guile reads ${RUNS} random files with comments, blank lines, #; and #| |# as the same data`, async () => {
    const files: Node[][] = fc.sample(schemeFile, { numRuns: RUNS, seed: 7 });
    const texts = files.map((nodes) => printDatums(nodes));
    const read = await guileReadAll(texts);
    const mismatches = files.flatMap((nodes, i) =>
      JSON.stringify(read[i]) === JSON.stringify(encodeTopLevel(nodes)) ? [] : [{ text: texts[i], got: read[i] }],
    );
    expect(mismatches.slice(0, 3)).toEqual([]);
  });

  it("Guile's reading of the golden inputs equals guix-ts's reading of them", async () => {
    const { readFileSync, readdirSync } = await import("node:fs");
    const dir = new URL("../../../test/golden/guix-style/cases/", import.meta.url);
    const inputs = readdirSync(dir)
      .filter((f) => f.endsWith(".in.scm"))
      .map((f) => readFileSync(new URL(f, dir), "utf8"));
    const read = await guileReadAll(inputs);
    const ours = inputs.map((text) => encodeTopLevel(readDatums(text)));
    expect(read).toEqual(ours);
  });
});

describe("printing is a fixed point", () => {
  it("print(read(print(x))) === print(x) for random data with blanks", () => {
    fc.assert(
      fc.property(fc.array(datumWithBlanks, { minLength: 1, maxLength: 3 }), (nodes) => {
        const once = printDatums(nodes);
        expect(printDatums(readDatums(once))).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it("a layout that says it is settled is its own fixed point (one pass is enough), at any width", () => {
    fc.assert(
      fc.property(
        fc.array(datumWithBlanks, { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 20, max: 100 }),
        (nodes, width) => {
          for (const node of nodes) {
            const first = layoutDatums([node], { width });
            if (!first.unsettled) expect(layoutDatums(readDatums(first.text), { width }).text).toBe(first.text);
          }
        },
      ),
      { numRuns: 5000 },
    );
  });

  it("formatting a formatted file changes nothing", () => {
    fc.assert(
      fc.property(schemeFile, (nodes) => {
        const once = formatScheme(printDatums(nodes, { width: 40 }));
        expect(formatScheme(once)).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });
});
