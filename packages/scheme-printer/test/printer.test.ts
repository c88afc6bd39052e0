import { describe, expect, it } from "vitest";
import * as S from "@guix-ts/scheme-printer";

const print = (...nodes: S.Node[]): string => S.printDatums(nodes);

describe("atoms are written as Guile writes them", () => {
  it.each([
    [1e10, "1.0e10"],
    [6.02e23, "6.02e23"],
    [100000, "100000.0"],
    [1e7, "1.0e7"],
    [12345678, "12345678.0"],
    [1.2345e7, "12345000.0"],
    [1.234e7, "1.234e7"],
    [0.001, "0.001"],
    [1e-4, "1.0e-4"],
    [-0, "-0.0"],
    [NaN, "+nan.0"],
    [-Infinity, "-inf.0"],
    [1 / 3, "0.3333333333333333"],
    [1234567890123456800, "1234567890123456800.0"],
  ])("real %d as %s", (value, text) => {
    expect(print(S.real(value))).toBe(`${text}\n`);
  });

  it("escapes strings as Guile's write does", () => {
    expect(print(S.str('a"b\\c\n\t\x07\0\x7f\u00a0\u200b😀é'))).toBe(
      '"a\\"b\\\\c\\n\\t\\a\\x00\\x7f\\xa0\\u200b😀é"\n',
    );
  });

  it("keeps newlines literal in descriptions and in long strings, as Guix does", () => {
    const long = "a longer string, over forty characters, with a\nnewline";
    expect(print(S.list([S.sym("description"), S.str("x\ny")]))).toBe('(description "x\ny")\n');
    expect(print(S.str(long))).toBe(`"${long}"\n`);
    expect(print(S.str("short\nline"))).toBe('"short\\nline"\n');
  });

  it("writes symbols with #{ }# only where Guile needs it, and keeps it where Guix would lose the symbol", () => {
    expect(
      print(S.list(["a b", "", "1+", "123abc", "123", "1e5", "λ", "(x)", "#hash", "."].map((n) => S.sym(n)))),
    ).toBe(
      "(#{a b}# #{}#\n         1+\n         123abc\n         #{123}#\n         #{1e5}#\n         λ\n         #{\\x28;x\\x29;}#\n         #{#hash}#\n         #{.}#)\n",
    );
  });

  it("writes characters by name, raw, or in octal", () => {
    expect(print(S.list([S.sym("l"), ..."a \n\0\x1b\x7fλ\u00a0".split("").map((c) => S.char(c))]))).toBe(
      "(l #\\a\n   #\\space\n   #\\newline\n   #\\nul\n   #\\esc\n   #\\delete\n   #\\λ\n   #\\240)\n",
    );
  });

  it("prints integers in the radix Guix uses for the enclosing form", () => {
    const mode = (head: string, v: number): S.Node => S.list([S.sym(head), S.sym("f"), S.int(v)]);
    expect(
      print(mode("chmod", 493), mode("logand", 511), S.list([S.sym("chmod"), S.list([S.sym("logior"), S.int(64)])])),
    ).toBe("(chmod f #o755)\n(logand f #x1ff)\n(chmod (logior #o100))\n");
  });
});

describe("constructors reject what cannot be written", () => {
  it.each([
    ["a symbol name that is not a string", () => S.sym(42 as unknown as string)],
    ["a lone surrogate", () => S.str("\ud800")],
    ["a character of two code points", () => S.char("ab")],
    ["a dotted tail that is not a datum", () => S.dotted([S.sym("a")], S.comment("x") as unknown as S.Datum)],
    ["a dotted list with nothing before the dot", () => S.dotted([], S.sym("a"))],
    ["a multi-line comment", () => S.comment("a\nb")],
    ["a byte above 255", () => S.bytevector([256])],
    ["a zero denominator", () => S.ratio(1n, 0n)],
  ])("%s", (_, make) => {
    expect(make).toThrow(TypeError);
  });

  it("freezes every node", () => {
    const node = S.list([S.sym("a")]);
    expect(Object.isFrozen(node) && Object.isFrozen(node.items)).toBe(true);
  });

  it("builds comments with canonical semicolons", () => {
    expect(S.comment("note")).toMatchObject({ text: ";; note", margin: false });
    expect(S.comment("note", { margin: true })).toMatchObject({ text: "; note", margin: true });
  });
});

describe("layout past the width", () => {
  // Found by the fixed-point property (seed 153070561): a list that starts past the width on a line
  // just begun was given a second newline, leaving a line of spaces that reads back as a blank line.
  it("never writes a line of spaces, so formatting its output changes nothing", () => {
    const { list, sym, int, datumComment, quote, kw, bytevector, formatScheme, printDatums } = S;
    const nodes = [
      list([
        sym('"a}'),
        list([
          list([
            int(-100000000000000000000000000000n),
            datumComment(list([sym('""\x7fa"[a\u{2ee5e}'), quote(kw("")), list([bytevector([])])])),
          ]),
        ]),
      ]),
    ];
    const once = formatScheme(printDatums(nodes, { width: 40 }));
    expect(once).not.toMatch(/\n *\n/);
    expect(formatScheme(once)).toBe(once);
  });
});
