/**
 * Guile's number syntax (libguile/numbers.c, `string->number`): what a token reads as when it is a
 * number. The reader uses it to read numbers, and the printer to know when a symbol needs `#{...}#`
 * (a symbol whose bare text Guile would read as a number). Complex numbers are recognised but not
 * modelled: the reader refuses them clearly.
 */
import { ratio, real } from "../ast/constructors.js";
import type { IntegerNode, RationalNode, RealNode, SourceLocation } from "../ast/nodes.js";

export type NumberNode = IntegerNode | RationalNode | RealNode;

/** The token is a number Guile reads, but not one guix-ts models (a complex number). */
export const UNSUPPORTED_NUMBER = Symbol.for("guix-ts.unsupported-number");

/**
 * Exponents outside -324..308 are not read: Guile 3 refuses some (`1e309`, `1e-325`: "Value out of
 * range", even in a token that turns out a symbol, `44e-334x`) and misreads others (`4e-3121` as
 * `4e-312`). The reader refuses a token with one, and the printer braces a symbol with one. Within
 * the range (every inexact real prints so) Guile and guix-ts read the same value.
 */
export const MAX_EXPONENT = 308;
export const MIN_EXPONENT = -324;

/** A token with an exponent out of range: the reader refuses it. */
export class ExponentOutOfRange extends Error {
  override readonly name = "ExponentOutOfRange";
}

// Where Guile's parser reads an exponent: after the digits of a decimal, at the start or after a sign or `@`.
const EXPONENT = /(?:^|[+\-@])[+-]?(?:[0-9]+\.[0-9]*#*|[0-9]+#+\.#*|[0-9]+#*|\.[0-9]+#*)[esfdl]([+-]?[0-9]+)/gi;

/** Why `body` (a token without its prefixes) is not read, or undefined. */
function outOfRange(body: string): string | undefined {
  for (const match of body.matchAll(EXPONENT)) {
    const exponent = Number(match[1]);
    if (exponent > MAX_EXPONENT || exponent < MIN_EXPONENT)
      return `${body}: its exponent ${match[1]} is out of the range Guile reads (${MIN_EXPONENT} to ${MAX_EXPONENT})`;
  }
  return undefined;
}

const DIGIT_CLASS: Record<number, string> = { 2: "[01]", 8: "[0-7]", 10: "[0-9]", 16: "[0-9a-f]" };

/** The grammar of an unsigned real and of a complex number in one radix, as regular expressions. */
function grammar(radix: number): { ureal: RegExp; complex: RegExp; polar: RegExp; rectangular: RegExp } {
  const d = DIGIT_CLASS[radix]!;
  const uinteger = `${d}+#*`;
  const suffix = "(?:[esfdl][+-]?[0-9]+)?";
  const decimal =
    radix === 10 ? `|\\.[0-9]+#*${suffix}|[0-9]+\\.[0-9]*#*${suffix}|[0-9]+#+\\.#*${suffix}|[0-9]+#*${suffix}` : "";
  const ureal = `(?:${uinteger}/${uinteger}${decimal}|${uinteger})`;
  // Guile also reads `+nan.0#` (not `+inf.0#`).
  const special = "(?:inf\\.0|nan\\.0#*)";
  const real = `(?:[+-]?${ureal}|[+-]${special})`;
  const imaginary = `(?:[+-](?:${ureal}|${special})?i)`;
  return {
    ureal: new RegExp(`^${ureal}$`, "i"),
    complex: new RegExp(`^(?:${real}@${real}|${real}?${imaginary})$`, "i"),
    polar: new RegExp(`^(${real})@(${real})$`, "i"),
    rectangular: new RegExp(`^(${real})?([+-])(${ureal})?i$`, "i"),
  };
}

const GRAMMARS = new Map([2, 8, 10, 16].map((radix) => [radix, grammar(radix)]));

/** The prefixes (radix and exactness, each at most once, in either order) and the rest. */
function prefixes(token: string): { radix: number; exactness: "e" | "i" | null; body: string } | null {
  let radix = 10;
  let exactness: "e" | "i" | null = null;
  let body = token;
  let sawRadix = false;
  while (body.length >= 2 && body[0] === "#") {
    const p = body[1]!.toLowerCase();
    if ("xobd".includes(p) && !sawRadix) {
      radix = { x: 16, o: 8, b: 2, d: 10 }[p as "x" | "o" | "b" | "d"];
      sawRadix = true;
    } else if ("ei".includes(p) && exactness === null) exactness = p as "e" | "i";
    else return null;
    body = body.slice(2);
  }
  return body === "" ? null : { radix, exactness, body };
}

function parseUnsigned(text: string, radix: number): bigint {
  const prefix = radix === 10 ? "" : radix === 16 ? "0x" : radix === 8 ? "0o" : "0b";
  return BigInt(prefix + text);
}

/** An exact decimal `[-]digits[.digits][e[-]digits]` as numerator/denominator (`#` digits are 0). */
function exactDecimal(body: string): { n: bigint; d: bigint } {
  const match = /^([+-]?)([0-9]*)\.?([0-9]*)(?:[esfdl]([+-]?[0-9]+))?$/i.exec(body.replace(/#/g, "0"))!;
  const [, sign, whole, frac, exp] = match;
  const e = Number(exp ?? "0");
  let n = BigInt(`${whole}${frac}` || "0");
  let d = 10n ** BigInt(frac!.length);
  if (e >= 0) n *= 10n ** BigInt(e);
  else d *= 10n ** BigInt(-e);
  return { n: sign === "-" ? -n : n, d };
}

/** An integer made inexact: `-0` stays negative. */
const inexact = (negative: boolean, n: bigint): number => (negative ? -Number(n) : Number(n));

const isExactZero = (n: ReturnType<typeof parseNumber>): boolean =>
  typeof n === "object" && n !== null && n.kind === "integer" && n.value === 0n;

/** A complex number whose imaginary part or angle is an exact zero is the real number it stands for. */
function complexNumber(
  prefix: string,
  exactness: "e" | "i" | null,
  body: string,
  radix: number,
  loc: SourceLocation | undefined,
): NumberNode | typeof UNSUPPORTED_NUMBER {
  const { polar, rectangular } = GRAMMARS.get(radix)!;
  const read = (text: string) => parseNumber(prefix + text, loc);
  if (exactness !== "i") {
    const p = polar.exec(body);
    if (p && isExactZero(read(p[2]!))) {
      const magnitude = read(p[1]!);
      if (magnitude !== null && magnitude !== UNSUPPORTED_NUMBER) return magnitude;
    }
    const r = rectangular.exec(body);
    if (r && r[3] !== undefined && isExactZero(read(r[2]! + r[3]))) {
      const realPart = r[1] === undefined ? ratio(0n, 1n, loc) : read(r[1]);
      if (realPart !== null && realPart !== UNSUPPORTED_NUMBER) return realPart;
    }
  }
  return UNSUPPORTED_NUMBER;
}

/**
 * Read `token` as Guile reads a number: `42`, `-7/2`, `1.5e10`, `1d5`, `12#`, `#x1f`, `#e1.5`,
 * `+inf.0`, and `2@0` or `1+0i` (exact zero parts: real numbers). Null when the token is not a
 * number (so it is a symbol, or `#` syntax); {@link UNSUPPORTED_NUMBER} for a complex number (`1+2i`,
 * `1@2`, `+inf.0i`). Throws {@link ExponentOutOfRange} where Guile refuses the token (`1e400`).
 */
export function parseNumber(token: string, loc?: SourceLocation): NumberNode | typeof UNSUPPORTED_NUMBER | null {
  const parts = prefixes(token);
  if (parts === null) return null;
  const { radix, exactness, body } = parts;
  if (radix === 10) {
    const refused = outOfRange(body);
    if (refused !== undefined) throw new ExponentOutOfRange(refused);
  }
  const { ureal, complex } = GRAMMARS.get(radix)!;
  const sign = body[0] === "-" || body[0] === "+" ? body[0] : "";
  const unsigned = body.slice(sign.length);
  if (!ureal.test(unsigned) || (sign === "" && /^(?:inf\.0|nan\.0#*)$/i.test(unsigned))) {
    const special = /^([+-])(inf\.0|nan\.0#*)$/i.exec(body);
    if (special) {
      if (exactness === "e") return null;
      return real(special[2]!.toLowerCase().startsWith("nan") ? NaN : special[1] === "-" ? -Infinity : Infinity, loc);
    }
    return complex.test(body)
      ? complexNumber(token.slice(0, token.length - body.length), exactness, body, radix, loc)
      : null;
  }
  const negative = sign === "-";
  const slash = unsigned.indexOf("/");
  const hashes = unsigned.includes("#");
  if (slash >= 0) {
    const n = parseUnsigned(unsigned.slice(0, slash).replace(/#/g, "0"), radix);
    const d = parseUnsigned(unsigned.slice(slash + 1).replace(/#/g, "0"), radix);
    // A zero denominator is no number to Guile (`1/0` is a symbol).
    if (d === 0n) return null;
    if (exactness === "i" || (hashes && exactness !== "e"))
      return real((negative ? -1 : 1) * (Number(n) / Number(d)), loc);
    return ratio(negative ? -n : n, d, loc);
  }
  const isInteger = radix !== 10 || /^[0-9]+#*$/.test(unsigned);
  if (isInteger && !hashes) {
    const n = parseUnsigned(unsigned, radix);
    return exactness === "i" ? real(inexact(negative, n), loc) : ratio(negative ? -n : n, 1n, loc);
  }
  if (isInteger && radix !== 10) {
    const n = parseUnsigned(unsigned.replace(/#/g, "0"), radix);
    return exactness === "e" ? ratio(negative ? -n : n, 1n, loc) : real(inexact(negative, n), loc);
  }
  if (exactness === "e") {
    const { n, d } = exactDecimal(body);
    return ratio(n, d, loc);
  }
  return real(Number(body.replace(/#/g, "0").replace(/[sfdl]/i, "e")), loc);
}

/**
 * Whether Guile would not read `text` back as a symbol: it reads it as a number (of any kind,
 * complex included), or refuses it (an exponent out of range, even in a token such as `1e400x`).
 */
export function readsAsNumber(text: string): boolean {
  try {
    return parseNumber(text) !== null;
  } catch (error) {
    if (error instanceof ExponentOutOfRange) return true;
    throw error;
  }
}
