/**
 * Guile's number syntax: what a token reads as when it is a number. Used by
 * the reader, and by the printer to know when a symbol needs `#{...}#`.
 */
import { ratio, real } from "../ast/constructors.js";
import type { IntegerNode, RationalNode, RealNode, SourceLocation } from "../ast/nodes.js";

export type NumberNode = IntegerNode | RationalNode | RealNode;

/** The token is a number Guile reads, but not one guix-ts models (a complex number). */
export const UNSUPPORTED_NUMBER = Symbol.for("guix-ts.unsupported-number");

const DIGITS: Record<number, RegExp> = { 2: /^[01]+$/, 8: /^[0-7]+$/, 10: /^[0-9]+$/, 16: /^[0-9a-f]+$/i };
const DECIMAL = /^[+-]?(?:[0-9]+#*\.?[0-9]*#*|\.[0-9]+#*)(?:e[+-]?[0-9]+)?$/i;
const COMPLEX = /^[+-]?[0-9a-z./#]*[+-](?:[0-9a-z./#]*)i$|@/i;

function parseUnsigned(text: string, radix: number): bigint | null {
  if (!DIGITS[radix]!.test(text)) return null;
  const prefix = radix === 10 ? "" : radix === 16 ? "0x" : radix === 8 ? "0o" : "0b";
  return BigInt(prefix + text);
}

function parseRatio(body: string, radix: number): { n: bigint; d: bigint } | null {
  const sign = body.startsWith("-") ? -1n : 1n;
  const unsigned = body.replace(/^[+-]/, "");
  const slash = unsigned.indexOf("/");
  if (slash < 0) {
    const n = parseUnsigned(unsigned, radix);
    return n === null ? null : { n: sign * n, d: 1n };
  }
  const n = parseUnsigned(unsigned.slice(0, slash), radix);
  const d = parseUnsigned(unsigned.slice(slash + 1), radix);
  return n === null || d === null ? null : { n: sign * n, d };
}

/** An exact decimal `[-]digits[.digits][e[-]digits]` as numerator/denominator. */
function exactDecimal(body: string): { n: bigint; d: bigint } {
  const match = /^([+-]?)([0-9]*)\.?([0-9]*)(?:e([+-]?[0-9]+))?$/i.exec(body.replace(/#/g, "0"))!;
  const [, sign, whole, frac, exp] = match;
  let n = BigInt(`${whole}${frac}` || "0");
  let d = 10n ** BigInt(frac!.length);
  const e = BigInt(exp ?? "0");
  if (e >= 0n) n *= 10n ** e;
  else d *= 10n ** -e;
  return { n: sign === "-" ? -n : n, d };
}

/**
 * Read `token` as Guile reads a number: `42`, `-7/2`, `1.5e10`, `#x1f`,
 * `#e1.5`, `+inf.0`. Returns null when the token is not a number (so it is a
 * symbol), and {@link UNSUPPORTED_NUMBER} for complex numbers.
 */
export function parseNumber(token: string, loc?: SourceLocation): NumberNode | typeof UNSUPPORTED_NUMBER | null {
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
  if (body === "") return null;

  const special = /^([+-])(inf|nan)\.0$/i.exec(body);
  if (special) {
    if (exactness === "e") return null;
    return real(special[2]!.toLowerCase() === "nan" ? NaN : special[1] === "-" ? -Infinity : Infinity, loc);
  }

  const r = parseRatio(body, radix);
  if (r !== null) {
    if (r.d === 0n) return null;
    if (exactness === "i") return real(Number(r.n) / Number(r.d), loc);
    return ratio(r.n, r.d, loc);
  }
  if (radix === 10 && DECIMAL.test(body) && /[0-9]/.test(body)) {
    if (exactness === "e") {
      const { n, d } = exactDecimal(body);
      return ratio(n, d, loc);
    }
    return real(Number(body.replace(/#/g, "0")), loc);
  }
  if (COMPLEX.test(body) && /^[+-]?[0-9.]*(?:[+-][0-9.]*)?i$/i.test(body)) return UNSUPPORTED_NUMBER;
  return null;
}

/** Whether Guile would read `text` as a number rather than a symbol. */
export function readsAsNumber(text: string): boolean {
  return parseNumber(text) !== null;
}
