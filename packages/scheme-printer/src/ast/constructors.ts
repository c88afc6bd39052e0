/**
 * Constructors for every node kind. Each returns a frozen node and rejects,
 * with a TypeError, a value that cannot be written as Scheme text.
 */
import {
  PREFIXES,
  isDatum,
  type BlankLinesNode,
  type BlockCommentNode,
  type BooleanNode,
  type BytevectorNode,
  type CharNode,
  type CommentNode,
  type Datum,
  type DatumCommentNode,
  type IntegerNode,
  type KeywordNode,
  type ListNode,
  type NilNode,
  type Node,
  type PageBreakNode,
  type PrefixName,
  type PrefixedNode,
  type RationalNode,
  type RealNode,
  type ShebangNode,
  type SourceLocation,
  type StringNode,
  type SymbolNode,
  type VectorNode,
} from "./nodes.js";

const LONE_SURROGATE = /\p{Surrogate}/u;

// Nodes are frozen object literals of one shape per kind: cheap to make, unlike spread copies.
function at(loc: SourceLocation | undefined): SourceLocation | undefined {
  return loc === undefined || Object.isFrozen(loc) ? loc : Object.freeze({ line: loc.line, column: loc.column });
}

/** @internal The nodes the reader makes, without the constructors' checks (it checks its text once). */
export interface ReaderNodes {
  sym(name: string, loc: SourceLocation): SymbolNode;
  kw(name: string, loc: SourceLocation): KeywordNode;
  str(value: string, loc: SourceLocation): StringNode;
  list(items: Node[], loc: SourceLocation): ListNode;
  prefixed(prefix: PrefixName, datum: Datum, loc: SourceLocation): PrefixedNode;
}

function readerNodes(seal: <T>(value: T) => T): ReaderNodes {
  return {
    sym: (name, loc) => seal({ kind: "symbol", name, loc }),
    kw: (name, loc) => seal({ kind: "keyword", name, loc }),
    str: (value, loc) => seal({ kind: "string", value, loc }),
    list: (items, loc) => seal({ kind: "list", items: seal(items), loc }),
    prefixed: (prefix, datum, loc) => seal({ kind: "prefixed", prefix, datum, loc }),
  };
}

/**
 * @internal The reader's nodes: the same frozen shapes as the constructors', without the checks,
 * for text the reader checked once for lone surrogates (its locations and item arrays its own).
 */
export const trusted: ReaderNodes = readerNodes(Object.freeze);

/** @internal The reader's nodes, not frozen: for text read with `frozen: false`, only looked at. */
export const transient: ReaderNodes = readerNodes((value) => value);

function checkText(what: string, value: unknown): string {
  if (typeof value !== "string") throw new TypeError(`${what} must be a string, got ${typeof value}`);
  if (LONE_SURROGATE.test(value))
    throw new TypeError(`${what} contains a lone UTF-16 surrogate: ${JSON.stringify(value)}`);
  return value;
}

function checkNodes(what: string, items: readonly Node[]): readonly Node[] {
  if (!Array.isArray(items)) throw new TypeError(`${what} must be an array of nodes`);
  for (const [i, item] of items.entries()) {
    if (typeof item !== "object" || item === null || typeof (item as { kind?: unknown }).kind !== "string") {
      throw new TypeError(`${what}[${i}] is not a Scheme node: ${String(item)}`);
    }
  }
  return Object.freeze([...items]);
}

function checkDatum(what: string, value: unknown): Datum {
  if (typeof value !== "object" || value === null || !isDatum(value as Node)) {
    throw new TypeError(`${what} must be a datum, got ${describe(value)}`);
  }
  return value as Datum;
}

function describe(value: unknown): string {
  if (typeof value === "object" && value !== null && "kind" in value) return `a ${String(value.kind)} node`;
  return typeof value;
}

/**
 * `foo`
 *
 * @example printDatum(sym("python")) // "python"
 */
export function sym(name: string, loc?: SourceLocation): SymbolNode {
  return Object.freeze({ kind: "symbol", name: checkText("symbol name", name), loc: at(loc) });
}

/**
 * `#:foo`
 *
 * @example printDatum(kw("tests?")) // "#:tests?"
 */
export function kw(name: string, loc?: SourceLocation): KeywordNode {
  return Object.freeze({ kind: "keyword", name: checkText("keyword name", name), loc: at(loc) });
}

/**
 * `"text"`
 *
 * @example printDatum(str("hello")) // "\"hello\""
 */
export function str(value: string, loc?: SourceLocation): StringNode {
  return Object.freeze({ kind: "string", value: checkText("string", value), loc: at(loc) });
}

/**
 * An exact integer: `42`, or `#o755` where Guix's layout prints octal.
 *
 * @example printDatum(int(42)) // "42"
 */
export function int(value: bigint | number, loc?: SourceLocation): IntegerNode {
  if (typeof value === "number" && !Number.isSafeInteger(value)) {
    throw new TypeError(`integer must be a safe integer or a bigint, got ${value}`);
  }
  if (typeof value !== "number" && typeof value !== "bigint") throw new TypeError(`integer must be a number or bigint`);
  return Object.freeze({ kind: "integer", value: BigInt(value), loc: at(loc) });
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/**
 * An exact ratio, `1/3`; reduced, and an integer node when the denominator divides.
 *
 * @example printDatum(ratio(2n, 6n)) // "1/3"
 */
export function ratio(numerator: bigint, denominator: bigint, loc?: SourceLocation): RationalNode | IntegerNode {
  if (typeof numerator !== "bigint" || typeof denominator !== "bigint") throw new TypeError("ratio takes bigints");
  if (denominator === 0n) throw new TypeError("ratio with a zero denominator");
  const sign = denominator < 0n ? -1n : 1n;
  const g = gcd(numerator, denominator);
  const n = (sign * numerator) / g;
  const d = (sign * denominator) / g;
  if (d === 1n) return int(n, loc);
  return Object.freeze({ kind: "rational", numerator: n, denominator: d, loc: at(loc) });
}

/**
 * An inexact real: `1.5`, `1.0e10`, `+inf.0`.
 *
 * @example printDatum(real(1.5)) // "1.5"
 */
export function real(value: number, loc?: SourceLocation): RealNode {
  if (typeof value !== "number") throw new TypeError(`real must be a number, got ${typeof value}`);
  return Object.freeze({ kind: "real", value, loc: at(loc) });
}

/**
 * `#nil`, Guile's nil of Emacs Lisp.
 *
 * @example printDatum(nil()) // "#nil"
 */
export function nil(loc?: SourceLocation): NilNode {
  return Object.freeze({ kind: "nil", loc: at(loc) });
}

/**
 * `#t` / `#f`
 *
 * @example printDatum(bool(false)) // "#f"
 */
export function bool(value: boolean, loc?: SourceLocation): BooleanNode {
  if (typeof value !== "boolean") throw new TypeError(`boolean must be true or false`);
  return Object.freeze({ kind: "boolean", value, loc: at(loc) });
}

/**
 * `#\a`, `#\space`: one Unicode scalar value.
 *
 * @example printDatum(char(" ")) // "#\\space"
 */
export function char(value: string, loc?: SourceLocation): CharNode {
  checkText("character", value);
  if ([...value].length !== 1)
    throw new TypeError(`character must be exactly one code point, got ${JSON.stringify(value)}`);
  return Object.freeze({ kind: "char", value, loc: at(loc) });
}

/**
 * `(a b c)`: items may include comments and blank lines.
 *
 * @example printDatum(list([sym("list"), str("a")])) // "(list \"a\")"
 */
export function list(items: readonly Node[], loc?: SourceLocation): ListNode {
  return Object.freeze({ kind: "list", items: checkNodes("list items", items), loc: at(loc) });
}

/**
 * `(a b . c)`. A tail that is itself a list is spliced in, as Scheme reads it:
 * `(a . (b c))` is `(a b c)` and `(a . ,b)` is `(a unquote b)`.
 *
 * @example printDatum(dotted([sym("a")], sym("b"))) // "(a . b)"
 */
export function dotted(items: readonly Node[], tail: Datum, loc?: SourceLocation): ListNode {
  const checked = checkNodes("list items", items);
  if (!checked.some(isDatum)) throw new TypeError("a dotted list needs at least one datum before the dot");
  checkDatum("the tail of a dotted list", tail);
  if (tail.kind === "prefixed") return dotted([...checked, sym(tail.prefix), tail.datum], list([]), loc);
  if (tail.kind === "list") {
    const spliced = [...checked, ...tail.items];
    return tail.tail === undefined ? list(spliced, loc) : dotted(spliced, tail.tail, loc);
  }
  return Object.freeze({ kind: "list", items: checked, tail, loc: at(loc) });
}

/**
 * `#(a b c)`
 *
 * @example printDatum(vector([int(1), int(2)])) // "#(1 2)"
 */
export function vector(items: readonly Node[], loc?: SourceLocation): VectorNode {
  return Object.freeze({ kind: "vector", items: checkNodes("vector items", items), loc: at(loc) });
}

/**
 * `#vu8(0 1 255)`
 *
 * @example printDatum(bytevector([0, 255])) // "#vu8(0 255)"
 */
export function bytevector(
  bytes: readonly number[],
  prefix: "vu8" | "u8" = "vu8",
  loc?: SourceLocation,
): BytevectorNode {
  for (const b of bytes) {
    if (!Number.isInteger(b) || b < 0 || b > 255) throw new TypeError(`bytevector element must be 0..255, got ${b}`);
  }
  return Object.freeze({ kind: "bytevector", prefix, bytes: Object.freeze([...bytes]), loc: at(loc) });
}

/**
 * `'x`, `#~x`, ...: see {@link PREFIXES}.
 *
 * @example printDatum(prefixed("gexp", sym("x"))) // "#~x"
 */
export function prefixed(prefix: PrefixName, datum: Datum, loc?: SourceLocation): PrefixedNode {
  if (!(prefix in PREFIXES)) throw new TypeError(`unknown prefix ${String(prefix)}`);
  return Object.freeze({
    kind: "prefixed",
    prefix,
    datum: checkDatum(`the datum after ${PREFIXES[prefix]}`, datum),
    loc: at(loc),
  });
}

/**
 * `'datum`: the `quote` form.
 *
 * @example printDatum(quote(sym("x"))) // "'x"
 */
export const quote = (d: Datum): PrefixedNode => prefixed("quote", d);
/**
 * `` `datum ``: the `quasiquote` form.
 *
 * @example printDatum(quasiquote(sym("x"))) // "`x"
 */
export const quasiquote = (d: Datum): PrefixedNode => prefixed("quasiquote", d);
/**
 * `,datum`: the `unquote` form.
 *
 * @example printDatum(unquote(sym("x"))) // ",x"
 */
export const unquote = (d: Datum): PrefixedNode => prefixed("unquote", d);
/**
 * `,@datum`: the `unquote-splicing` form.
 *
 * @example printDatum(unquoteSplicing(sym("x"))) // ",@x"
 */
export const unquoteSplicing = (d: Datum): PrefixedNode => prefixed("unquote-splicing", d);
/**
 * `#~datum`: the `gexp` form.
 *
 * @example printDatum(gexp(sym("x"))) // "#~x"
 */
export const gexp = (d: Datum): PrefixedNode => prefixed("gexp", d);
/**
 * `#$datum`: the `ungexp` form.
 *
 * @example printDatum(ungexp(sym("x"))) // "#$x"
 */
export const ungexp = (d: Datum): PrefixedNode => prefixed("ungexp", d);
/**
 * `#+datum`: the `ungexp-native` form.
 *
 * @example printDatum(ungexpNative(sym("x"))) // "#+x"
 */
export const ungexpNative = (d: Datum): PrefixedNode => prefixed("ungexp-native", d);
/**
 * `#$@datum`: the `ungexp-splicing` form.
 *
 * @example printDatum(ungexpSplicing(sym("x"))) // "#$@x"
 */
export const ungexpSplicing = (d: Datum): PrefixedNode => prefixed("ungexp-splicing", d);
/**
 * `#+@datum`: the `ungexp-native-splicing` form.
 *
 * @example printDatum(ungexpNativeSplicing(sym("x"))) // "#+@x"
 */
export const ungexpNativeSplicing = (d: Datum): PrefixedNode => prefixed("ungexp-native-splicing", d);

/**
 * A `;` comment. `text` may omit the leading semicolons (`";; "` is added for a
 * line comment, `";"` for a margin comment); it may not contain a newline.
 *
 * @example printDatums([comment("the manifest"), list([sym("x")])]) // ";; the manifest\n(x)\n"
 */
export function comment(text: string, options: { margin?: boolean } = {}, loc?: SourceLocation): CommentNode {
  checkText("comment", text);
  // A carriage return is part of a comment's line, as Guile reads it: only a newline ends it.
  if (text.includes("\n")) throw new TypeError(`a comment is one line; split ${JSON.stringify(text)} into several`);
  const margin = options.margin ?? false;
  const full = text.startsWith(";") ? text : `${margin ? ";" : ";;"}${text === "" ? "" : " "}${text}`;
  return Object.freeze({ kind: "comment", text: full, margin, loc: at(loc) });
}

/**
 * One or more empty lines.
 *
 * @example printDatums([list([sym("a")]), blankLines(), list([sym("b")])]) // "(a)\n\n(b)\n"
 */
export function blankLines(count = 1, loc?: SourceLocation): BlankLinesNode {
  if (!Number.isInteger(count) || count < 1)
    throw new TypeError(`blank line count must be a positive integer, got ${count}`);
  return Object.freeze({ kind: "blank-lines", count, loc: at(loc) });
}

/**
 * A page break (form feed) on a line of its own.
 *
 * @example printDatums([list([sym("a")]), pageBreak(), list([sym("b")])]) // "(a)\n\f\n(b)\n"
 */
export function pageBreak(loc?: SourceLocation): PageBreakNode {
  return Object.freeze({ kind: "page-break", loc: at(loc) });
}

/**
 * `#| text |#`; `text` is the whole comment, delimiters included.
 *
 * @example printDatums([blockComment("#| notes |#")]) // "#| notes |#\n"
 */
export function blockComment(text: string, loc?: SourceLocation): BlockCommentNode {
  checkText("block comment", text);
  if (!text.startsWith("#|") || !text.endsWith("|#"))
    throw new TypeError("a block comment starts with #| and ends with |#");
  return Object.freeze({ kind: "block-comment", text, loc: at(loc) });
}

/**
 * `#;datum`
 *
 * @example printDatum(datumComment(sym("unused"))) // "#;unused"
 */
export function datumComment(datum: Datum, loc?: SourceLocation): DatumCommentNode {
  return Object.freeze({ kind: "datum-comment", datum: checkDatum("the datum after #;", datum), loc: at(loc) });
}

/**
 * `#!/usr/bin/env guile\n!#`; `text` is the whole header, `#!` and `!#` included.
 *
 * @example readDatums("#!/usr/bin/env guile\n!#\n(x)")[0]!.kind // "shebang"
 */
export function shebang(text: string, loc?: SourceLocation): ShebangNode {
  checkText("shebang", text);
  if (!text.startsWith("#!") || !text.endsWith("!#"))
    throw new TypeError("a #! header starts with #! and ends with !#");
  return Object.freeze({ kind: "shebang", text, loc: at(loc) });
}
