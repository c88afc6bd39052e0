/**
 * fast-check arbitraries of Scheme data, adversarial where printing is delicate (escapes, symbol
 * syntax, comments and blank lines among list items), for people who emit Scheme directly.
 */
import fc from "fast-check";
import * as S from "@guix-ts/scheme-printer";
import type { Datum, Node, PrefixName } from "@guix-ts/scheme-printer";

// Characters that stress escaping and symbol syntax, plus any scalar value.
const trickyChar = fc.constantFrom(
  '"',
  "\\",
  "\n",
  "\t",
  "\r",
  "\0",
  "\x07",
  "\x1b",
  "\x7f",
  " ",
  "(",
  ")",
  "[",
  "]",
  ";",
  "#",
  "|",
  "'",
  "`",
  ",",
  "@",
  ".",
  "+",
  "-",
  "1",
  "e",
  "x",
  "{",
  "}",
  ":",
  "λ",
  "é",
  "日",
  "\u00a0",
  "\u200b",
  "\u2028",
  "\ufeff",
  "😀",
  "\u0300",
);
const anyScalar = fc
  .oneof(fc.integer({ min: 0, max: 0xd7ff }), fc.integer({ min: 0xe000, max: 0x10ffff }))
  .map((c) => String.fromCodePoint(c));
const schemeChar = fc.oneof(
  { weight: 3, arbitrary: trickyChar },
  { weight: 1, arbitrary: anyScalar },
  { weight: 3, arbitrary: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz-") },
);
/**
 * Text that stresses escaping and symbol syntax: quotes, backslashes, control characters, any scalar value.
 *
 * @example fc.assert(fc.property(schemeText, (t) => readsAs(printDatum(str(t)), str(t))))
 */
export const schemeText = fc.array(schemeChar, { maxLength: 24 }).map((cs) => cs.join(""));

const symbolName = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      "define",
      "package",
      "list",
      "modify-phases",
      "add-after",
      "lambda",
      "let",
      "quote",
      "gexp",
      "1+",
      "...",
      "->",
      "a.b",
      "x/y",
      "λ",
      "123abc",
      "1e5",
      "+",
      "-",
      "+inf.0",
      "12",
      ".x",
    ),
  },
  { weight: 2, arbitrary: schemeText },
);

const atom: fc.Arbitrary<Datum> = fc.oneof(
  symbolName.map((n) => S.sym(n)),
  symbolName.map((n) => S.kw(n)),
  schemeText.map((t) => S.str(t)),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map((v) => S.int(v)),
  fc.tuple(fc.bigInt({ min: -1000n, max: 1000n }), fc.bigInt({ min: 1n, max: 1000n })).map(([n, d]) => S.ratio(n, d)),
  fc.double().map((v) => S.real(v)),
  fc.boolean().map((v) => S.bool(v)),
  fc.constant(S.nil()),
  anyScalar.map((c) => S.char(c)),
  fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 5 }).map((b) => S.bytevector(b)),
);

/**
 * A comment (own-line or margin), blank lines or a page break.
 *
 * @example fc.sample(blank, 3)
 */
export const blank: fc.Arbitrary<Node> = fc.oneof(
  fc
    .tuple(fc.array(fc.constantFrom(..."abc ;-λ\t"), { maxLength: 12 }), fc.boolean())
    .map(([cs, margin]) => S.comment(cs.join("").replace(/^[\s;]*/, ""), { margin })),
  fc.integer({ min: 1, max: 3 }).map((n) => S.blankLines(n)),
  fc.constant(S.pageBreak()),
);

const prefixName = fc.constantFrom<PrefixName>(...(Object.keys(S.PREFIXES) as PrefixName[]));

/**
 * Random data of every kind (symbols, keywords, strings, numbers, characters, bytevectors, lists,
 * dotted lists, vectors, every reader prefix), no comments.
 *
 * @example fc.sample(datum, 3)
 */
export const datum: fc.Arbitrary<Datum> = fc.letrec<{ datum: Datum }>((tie) => ({
  datum: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    atom,
    fc.array(tie("datum"), { maxLength: 8 }).map((items) => S.list(items)),
    fc
      .tuple(fc.array(tie("datum"), { minLength: 1, maxLength: 4 }), atom)
      .map(([items, tail]) => S.dotted(items, tail)),
    fc.array(tie("datum"), { maxLength: 4 }).map((items) => S.vector(items)),
    fc.tuple(prefixName, tie("datum")).map(([p, d]) => S.prefixed(p, d)),
  ),
})).datum;

/**
 * Random data with comments, blank lines, page breaks, `#;` and `#| |#` among the list items.
 *
 * @example fc.sample(datumWithBlanks, 3)
 */
export const datumWithBlanks: fc.Arbitrary<Datum> = fc.letrec<{ datum: Datum; item: Node }>((tie) => ({
  item: fc.oneof(
    { weight: 4, arbitrary: tie("datum") },
    { weight: 1, arbitrary: blank },
    { weight: 1, arbitrary: tie("datum").map((d) => S.datumComment(d)) },
    { weight: 1, arbitrary: fc.constantFrom(S.blockComment("#| block |#"), S.blockComment("#|\n multi\n line |#")) },
  ),
  datum: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    atom,
    fc
      .tuple(symbolName, fc.array(tie("item"), { maxLength: 8 }))
      .map(([head, items]) => S.list([S.sym(head), ...items])),
    fc.array(tie("item"), { maxLength: 6 }).map((items) => S.list(items)),
    fc.tuple(prefixName, tie("datum")).map(([p, d]) => S.prefixed(p, d)),
  ),
})).datum;

/**
 * A file: top-level data with comments and blank lines between them.
 *
 * @example fc.assert(fc.property(schemeFile, (nodes) => isFixedPoint(printDatums(nodes))))
 */
export const schemeFile = fc.array(
  fc.oneof({ weight: 3, arbitrary: datumWithBlanks }, { weight: 1, arbitrary: blank }),
  {
    minLength: 1,
    maxLength: 6,
  },
);
