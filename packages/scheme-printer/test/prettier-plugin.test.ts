import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import * as plugin from "@guix-ts/scheme-printer/prettier";
import { formatScheme } from "@guix-ts/scheme-printer";

const CASES = join(import.meta.dirname, "../../../test/golden/guix-style/cases");

describe("prettier plugin", () => {
  it("formats .scm files with the same rules as guix-ts fmt", async () => {
    const input = readFileSync(join(CASES, "21-arguments-modern-gexp-phases.in.scm"), "utf8");
    const output = await prettier.format(input, { parser: "scheme", plugins: [plugin] });
    expect(output).toBe(readFileSync(join(CASES, "21-arguments-modern-gexp-phases.out.scm"), "utf8"));
  });

  it("is found by file name, and takes printWidth", async () => {
    const text = '(list "aaaaaaaaaa" "bbbbbbbbbb" "cccccccccc")\n';
    const output = await prettier.format(text, { filepath: "x.scm", plugins: [plugin], printWidth: 30 });
    expect(output).toBe(formatScheme(text, { width: 30 }));
  });

  it("reports syntax errors with their position", async () => {
    await expect(prettier.format("(a\n(b", { parser: "scheme", plugins: [plugin] })).rejects.toMatchObject({
      loc: { start: { line: 2, column: 3 } },
    });
  });
});
