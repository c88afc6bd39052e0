import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SchemeSyntaxError, formatScheme, printDatums, readDatums, type Node } from "@guix-ts/scheme-printer";
import * as S from "@guix-ts/scheme-printer";
import { encodeTopLevel, guileReadAll } from "@guix-ts/testing";

function readOne(text: string): Node {
  const nodes = readDatums(text);
  expect(nodes).toHaveLength(1);
  return nodes[0]!;
}

function syntaxError(text: string, file?: string): SchemeSyntaxError {
  try {
    readDatums(text, file === undefined ? {} : { file });
  } catch (e) {
    expect(e).toBeInstanceOf(SchemeSyntaxError);
    return e as SchemeSyntaxError;
  }
  throw new Error(`expected a syntax error for ${JSON.stringify(text)}`);
}

describe("reader", () => {
  it("reads atoms of every kind with their source positions", () => {
    const nodes = readDatums('foo #:key "s\\x41;" 42 -7/2 1.5 #t #false #\\space #\\x41 #\\101 #{a b}#\n  #xff');
    expect(nodes.map((n) => n.kind)).toEqual([
      "symbol",
      "keyword",
      "string",
      "integer",
      "rational",
      "real",
      "boolean",
      "boolean",
      "char",
      "char",
      "char",
      "symbol",
      "integer",
    ]);
    expect(nodes[2]).toMatchObject({ value: "sA;" });
    expect(nodes[4]).toMatchObject({ numerator: -7n, denominator: 2n });
    expect(nodes[9]).toMatchObject({ value: "A" });
    expect(nodes[10]).toMatchObject({ value: "A" });
    expect(nodes[11]).toMatchObject({ name: "a b" });
    expect(nodes[12]).toMatchObject({ value: 255n, loc: { line: 2, column: 3 } });
  });

  it("reads exactness and radix prefixes as Guile does", () => {
    expect(readOne("#e1.5")).toMatchObject({ kind: "rational", numerator: 3n, denominator: 2n });
    expect(readOne("#i3/4")).toMatchObject({ kind: "real", value: 0.75 });
    expect(readOne("#x-1F")).toMatchObject({ kind: "integer", value: -31n });
    expect(readOne("1/2e2")).toMatchObject({ kind: "symbol", name: "1/2e2" });
    expect(readOne("-inf.0")).toMatchObject({ kind: "real", value: -Infinity });
  });

  it("keeps comments as margin or line comments, blank lines and page breaks", () => {
    const [list] = readDatums("(a ; margin\n ;; own line\n\n\n b\n\f\n c)") as [Node];
    expect(list.kind === "list" && list.items.map((n) => n.kind)).toEqual([
      "symbol",
      "comment",
      "comment",
      "blank-lines",
      "symbol",
      "page-break",
      "symbol",
    ]);
    if (list.kind !== "list") throw new Error("unreachable");
    expect(list.items[1]).toMatchObject({ text: "; margin", margin: true });
    expect(list.items[2]).toMatchObject({ text: ";; own line", margin: false });
    expect(list.items[3]).toMatchObject({ count: 2 });
  });

  it("reads gexp, quote and syntax abbreviations as prefixed forms", () => {
    const node = readOne("#~(list #$output #$@flags #+tool #+@more 'q `qq ,u ,@us #'s #`qs #,us #,@uss)");
    if (node.kind !== "prefixed" || node.datum.kind !== "list") throw new Error("expected #~(...)");
    expect(node.prefix).toBe("gexp");
    expect(node.datum.items.slice(1).map((n) => (n.kind === "prefixed" ? n.prefix : n.kind))).toEqual([
      "ungexp",
      "ungexp-splicing",
      "ungexp-native",
      "ungexp-native-splicing",
      "quote",
      "quasiquote",
      "unquote",
      "unquote-splicing",
      "syntax",
      "quasisyntax",
      "unsyntax",
      "unsyntax-splicing",
    ]);
  });

  it("splices a list tail after a dot, as Scheme does: `(a . ,b)` is `(a unquote b)`", () => {
    expect(printDatums(readDatums("`(a . ,b) (a . (b c)) (a . b)"))).toBe("`(a unquote b)\n(a b c)\n(a . b)\n");
  });

  it.each([
    ["(define x (list 1 2)", "unbalanced parenthesis: `(` opened at 1:1 is never closed (missing `)`)", 1, 21],
    ["(a))", "unexpected `)` at top level", 1, 4],
    ["(a]", "mismatched `]` closes `(` opened at 1:1", 1, 3],
    ["\n\n#q", "unknown # syntax #q", 3, 1],
    ['"abc', "string opened at 1:1 is never closed", 1, 2],
    ['"\\x4"', "\\x in a string takes exactly 2 hex digits", 1, 2],
    ['"\\e"', "unknown string escape \\e", 1, 2],
    ["#\\bogus", "unknown character name #\\bogus", 1, 1],
    ["(a . b c)", "expected one datum after `.`, found 2", 1, 4],
    ["'", "expected a datum after `'` at 1:1", 1, 2],
    ["#| open", "`#|` block comment never closed by `|#`", 1, 1],
    ["1+2i", "complex numbers are not supported: 1+2i", 1, 1],
  ])("rejects %j: %s", (text, reason, line, column) => {
    const error = syntaxError(text, "x.scm");
    expect({ reason: error.reason, line: error.line, column: error.column }).toEqual({ reason, line, column });
    expect(error.message).toBe(`x.scm:${line}:${column}: ${reason}`);
  });

  it("throws nothing but SchemeSyntaxError, whatever the text", () => {
    const schemeish = fc
      .array(fc.constantFrom(..."()[]#;|\\\"'`,@.:~$+-xue0123456789 \n\f{}!tfa"), { maxLength: 60 })
      .map((a) => a.join(""));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary", maxLength: 80 }), schemeish), (text) => {
        try {
          const nodes = readDatums(text);
          // What reads also prints and reads again.
          readDatums(printDatums(nodes));
        } catch (e) {
          if (!(e instanceof SchemeSyntaxError)) throw e;
        }
      }),
      { numRuns: 5000 },
    );
  });

  it("keeps #| |#, #; and #! !# where they stood (Guix drops them)", () => {
    expect(formatScheme("#!/bin/sh\n!#\n(a #;b #|c|# d)\n")).toBe("#!/bin/sh\n!#\n(a #;b #|c|# d)\n");
  });

  it("reads the same nodes with frozen: false, none of them frozen, where the default freezes every node", () => {
    const everyNode = (nodes: readonly Node[]): Node[] => {
      const all: Node[] = [];
      const stack = [...nodes];
      for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
        all.push(node);
        if (node.kind === "list" || node.kind === "vector") stack.push(...node.items);
        if (node.kind === "list" && node.tail !== undefined) stack.push(node.tail);
        if (node.kind === "prefixed") stack.push(node.datum);
      }
      return all;
    };
    const text = `(define-public x\n  (package ; margin\n    (name "x")\n    (arguments '(#:tests? #f ,@y))))\n;; end\n`;
    const frozen = readDatums(text);
    const loose = readDatums(text, { frozen: false });
    expect(loose).toEqual(frozen);
    expect(everyNode(frozen).every((n) => Object.isFrozen(n))).toBe(true);
    const lists = everyNode(loose).filter((n) => n.kind === "list" || n.kind === "symbol" || n.kind === "string");
    expect(lists.length).toBeGreaterThan(8);
    expect(lists.some((n) => Object.isFrozen(n))).toBe(false);
  });
});

describe("the reader is total: what Guile reads, it reads; the rest is one clear SchemeSyntaxError", () => {
  it("reads `\\(` in a string as `(`, as Guile does", () => {
    expect(S.readDatums('"see \\(foo)"')).toEqual([S.str("see (foo)", { line: 1, column: 1 })]);
  });

  it("text with a lone UTF-16 surrogate (what no UTF-8 file decodes to) is refused where it is; a pair is text", () => {
    expect(syntaxError('(a\n  "b\ud800")', "x.scm").message).toBe("x.scm:2:5: a lone UTF-16 surrogate: not text");
    expect(syntaxError("\udc00").message).toBe("<input>:1:1: a lone UTF-16 surrogate: not text");
    expect(S.readDatums('"\ud83d\ude00"')).toEqual([S.str("😀", { line: 1, column: 1 })]);
  });

  it("reads what Guix's own tree holds as Guile does: `#\\ ` and `#\\\"result`, `(. args)`", async () => {
    // From gnu/installer/utils.scm, guix/build/maven/java.scm, guix/lint.scm.
    const text = '(#\\"result #\\ #\\( #\\)x (lambda (. args) args) (a (. b)))';
    const ours = S.readDatums(text);
    expect(encodeTopLevel(ours)).toEqual((await guileReadAll([text]))[0]);
  });

  it("reads #nil, and prints it back as #nil", () => {
    const [node] = S.readDatums("#nil");
    expect(node?.kind).toBe("nil");
    expect(S.printDatums(S.readDatums("(list #nil 1)"))).toBe("(list #nil 1)\n");
  });

  it("keeps a carriage return inside a `;` comment (only a newline ends it)", () => {
    const text = "; one\rtwo\n(a)\n";
    expect(S.printDatums(S.readDatums(text))).toBe(text);
  });

  it("reads a lone `.` outside a list as the symbol `.`", () => {
    expect(S.readDatums(". '.").map((n) => S.printDatum(n))).toEqual(["#{.}#", "'#{.}#"]);
  });

  it.each([
    ["#{\\xd800;}#", "x.scm:1:3: \\xd800; is not a Unicode scalar value"],
    ["#{\\x110000;}#", "x.scm:1:3: \\x110000; is not a Unicode scalar value"],
    ['"\\(a\\)"', "x.scm:1:5: unknown string escape \\)"],
  ])("refuses %s with a SchemeSyntaxError naming where", (text, message) => {
    expect(() => S.readDatums(text, { file: "x.scm" })).toThrow(message);
  });

  // Printing nests indentation, so the text of N nested lists grows as N²: 3,000 levels print in 4.5 MB.
  it("reads 100,000 nested parentheses and prints 3,000 (and 100,000 nested vectors): no recursion limit", () => {
    const depth = 100_000;
    const text = `${"(".repeat(depth)}a${")".repeat(depth)}`;
    const [node] = S.readDatums(text);
    let d = 0;
    for (let n = node; n?.kind === "list"; n = n.items[0]) d++;
    expect(d).toBe(depth);
    const deep = `${"(".repeat(3000)}a${")".repeat(3000)}`;
    const printed = S.formatScheme(deep);
    expect(printed.replace(/\s/g, "")).toBe(deep);
    const vectors = `${"#(".repeat(depth)}${")".repeat(depth)}`;
    expect(S.formatScheme(vectors)).toBe(`${vectors}\n`);
  });
});
