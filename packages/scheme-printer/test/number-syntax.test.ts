// Guile's number syntax, checked by the real Guile: a symbol that looks like a number is printed so
// that Guile reads it back as that symbol, and a token is read as the number (or symbol) Guile reads.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { formatReal, printDatum, readDatums, sym, type Node } from "@guix-ts/scheme-printer";

const GUILE = process.env["GUILE"] ?? "guile";
const dir = mkdtempSync(join(tmpdir(), "guix-ts-numbers-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each line of the input file: read one datum from it; write what it is, or "error".
const SCRIPT = String.raw`
(use-modules (ice-9 rdelim))
(define (describe x)
  (cond ((symbol? x) (string-append "symbol " (symbol->string x)))
        ((and (number? x) (exact? x) (integer? x)) (string-append "integer " (number->string x)))
        ((and (number? x) (exact? x)) (string-append "rational " (number->string x)))
        ((and (number? x) (real? x)) (string-append "real " (number->string x)))
        ((number? x) "complex")
        (else "other")))
(call-with-input-file (cadr (command-line))
  (lambda (port)
    (let loop ()
      (let ((line (read-line port)))
        (unless (eof-object? line)
          (display (catch #t (lambda () (describe (with-input-from-string line read))) (lambda _ "error")))
          (newline)
          (loop)))))
  #:encoding "UTF-8")
`;

function guileDescribe(lines: readonly string[]): string[] {
  const script = join(dir, "describe.scm");
  const input = join(dir, `lines-${Math.random().toString(36).slice(2)}`);
  writeFileSync(script, SCRIPT);
  writeFileSync(input, lines.join("\n") + "\n");
  const result = spawnSync(GUILE, ["--no-auto-compile", "-s", script, input], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`guile failed: ${result.stderr.slice(-1000)}`);
  return result.stdout.split("\n").slice(0, lines.length);
}

/** What our reader reads from a token, in the words of the script above. */
function ourDescribe(token: string): string {
  let nodes: Node[];
  try {
    nodes = readDatums(token);
  } catch {
    return "error";
  }
  const node = nodes[0];
  switch (node?.kind) {
    case "symbol":
      return `symbol ${node.name}`;
    case "integer":
      return `integer ${node.value}`;
    case "rational":
      return `rational ${node.numerator}/${node.denominator}`;
    case "real":
      return `real ${formatReal(node.value)}`;
    default:
      return "other";
  }
}

// Tokens from Guile's number grammar, and near misses: digits, signs, dots, `#` digits, exponent
// markers, ratios, radix and exactness prefixes, `inf.0`/`nan.0`, `i` and `@` for complex numbers.
const piece = fc.constantFrom(
  ..."0123456789".split(""),
  "1",
  "12",
  "+",
  "-",
  ".",
  "#",
  "/",
  "e",
  "E",
  "d",
  "s",
  "f",
  "l",
  "i",
  "@",
  "a",
  "x",
  "inf.0",
  "nan.0",
  "e5",
  "e-3",
);
const prefix = fc.constantFrom("", "", "", "#e", "#i", "#x", "#b", "#o", "#d", "#e#x", "#x#i");
const numberish = fc
  .tuple(prefix, fc.array(piece, { minLength: 1, maxLength: 7 }))
  .map(([p, parts]) => p + parts.join(""))
  .filter((t) => !/\s/.test(t));

describe("Guile's number syntax", () => {
  it("a symbol that would read as a number is printed so Guile reads it back as that symbol", () => {
    const names = fc.sample(
      numberish.filter((t) => !t.startsWith("#")),
      { numRuns: 4000, seed: 42 },
    );
    const fixed = ["1@2", "1d5", "+inf.0i", "+i", "-i", "1/2", "12#", "1#.#", ".5", "1+", "123abc", "1e", "1/0"];
    const all = [...fixed, ...names];
    const printed = all.map((name) => printDatum(sym(name)));
    const read = guileDescribe(printed);
    const wrong = all.flatMap((name, i) =>
      read[i] === `symbol ${name}` ? [] : [`${name} -> ${printed[i]}: ${read[i]}`],
    );
    expect(wrong).toEqual([]);
  });

  it("reads each token as Guile does: the same number, the same symbol, or (for complex numbers) an error", () => {
    const tokens = [
      ...fc.sample(numberish, { numRuns: 4000, seed: 7 }),
      ...["1/0", "1#", "#x1#", "1d5", "1l5", ".5", "5.", "-5.e3", "1e", "1#.#", "12#.5", "1#/2", "#x-1/2", "+INF.0"],
    ];
    const theirs = guileDescribe(tokens);
    // Ours reads the datum Guile reads, or refuses the token (complex numbers, `#` oddities); it never
    // reads another datum, nor a datum where Guile's reader fails. (`#+`, `#$`, `#~` are Guix's syntax.)
    const differ = tokens
      .map((token, i) => [token, ourDescribe(token), theirs[i]!] as const)
      .filter(([token, ours, guile]) => ours !== "error" && ours !== guile && !/^#[+$~]/.test(token))
      .map(([token, ours, guile]) => `${token}: ours ${ours}, Guile ${guile}`);
    expect(differ).toEqual([]);
    // Refused where Guile reads: only complex numbers, `#` syntax, and exponents out of range.
    const refused = tokens.filter(
      (token, i) => ourDescribe(token) === "error" && !["error", "complex"].includes(theirs[i]!),
    );
    const unexplained = refused.filter(
      (t) => !t.startsWith("#") && !/[@i]/i.test(t) && !/[esfdl][+-]?[0-9]{3}/i.test(t),
    );
    expect(unexplained).toEqual([]);
  });

  it("refuses at once, as Guile does, an exponent out of range (an exact one would take minutes to expand)", () => {
    expect(() => readDatums("#e1e1000000000", { file: "big.scm" })).toThrow(
      "big.scm:1:1: 1e1000000000: its exponent 1000000000 is out of the range Guile reads (-324 to 308)",
    );
    expect(printDatum(sym("44e-334x"))).toBe("#{44e-334x}#");
  });
});
