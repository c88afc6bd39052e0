/**
 * Atoms written as Guile's `write` writes them (libguile/print.c), with the
 * exceptions Guix's formatter makes (guix/read-print.scm).
 */
import type { CharNode, KeywordNode, RationalNode } from "../ast/nodes.js";
import { readsAsNumber } from "../reader/numbers.js";
import { CHAR_NAME_BY_CODE } from "../rules/char-names.js";
import { EXTENDED_SYMBOL_RAW, PRINTABLE, SYMBOL_INITIAL, SYMBOL_SUBSEQUENT } from "../rules/unicode.js";

const STRING_ESCAPES: Record<string, string> = {
  '"': '\\"',
  "\\": "\\\\",
  "\x07": "\\a",
  "\b": "\\b",
  "\t": "\\t",
  "\n": "\\n",
  "\v": "\\v",
  "\f": "\\f",
  "\r": "\\r",
};

function hexEscape(code: number): string {
  const hex = code.toString(16);
  if (code < 0x100) return `\\x${hex.padStart(2, "0")}`;
  if (code < 0x10000) return `\\u${hex.padStart(4, "0")}`;
  return `\\U${hex.padStart(6, "0")}`;
}

const PLAIN_STRING = /^[ !#-[\]-~]*$/;

/** `"..."` as Guile's `write` gives it: `\n`, `\t`, `\x00` ...; printable non-ASCII as is. */
export function writeString(value: string): string {
  if (PLAIN_STRING.test(value)) return `"${value}"`;
  let out = '"';
  for (const ch of value) {
    const escape = STRING_ESCAPES[ch];
    if (escape !== undefined) out += escape;
    else if (PRINTABLE.test(ch)) out += ch;
    else out += hexEscape(ch.codePointAt(0)!);
  }
  return out + '"';
}

const ESCAPED_NATURALLY = /["\\]/;

/** `"..."` with only `"` and `\` escaped: newlines and tabs stay literal (Guix's `escaped-string`). */
export function escapeStringNaturally(value: string): string {
  return `"${ESCAPED_NATURALLY.test(value) ? value.replace(/["\\]/g, (c) => `\\${c}`) : value}"`;
}

const BARE_SYMBOL_DELIMITERS = /["();[\]#\s|]/u;

/** Whether Guile's `write` needs `#{...}#` for this symbol name. */
function needsBraces(name: string): boolean {
  if (name === "" || name === ".") return true;
  const first = name[0]!;
  if ("'`,\";#".includes(first)) return true;
  if ("+-.0123456789".includes(first) && readsAsNumber(name)) return true;
  const chars = [...name];
  if (!SYMBOL_INITIAL.test(chars[0]!)) return true;
  for (let i = 1; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === '"' || c === ";" || c === "#" || !SYMBOL_SUBSEQUENT.test(c)) return true;
  }
  return false;
}

// ASCII characters that may start (1) or follow (2) a symbol written bare, whatever surrounds them.
const PLAIN_CHAR = new Uint8Array(128);
for (const c of "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ!$%&*/:<=>?^_~") PLAIN_CHAR[c.charCodeAt(0)] = 3;
for (const c of "0123456789+-.@'`,") PLAIN_CHAR[c.charCodeAt(0)] = 2;

// A symbol of those characters alone (not starting with one of the second row) is written bare:
// most symbols are so, and a table says it faster than a regular expression.
function isPlainSymbol(name: string): boolean {
  const first = name.charCodeAt(0);
  if (name.length === 0 || first >= 128 || (PLAIN_CHAR[first]! & 1) === 0) return false;
  for (let i = 1; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code >= 128 || PLAIN_CHAR[code] === 0) return false;
  }
  return true;
}

/** A symbol as Guile's `write` gives it, `#{...}#` where needed (a backslash is escaped too, so it reads back). */
export function writeSymbol(name: string): string {
  if (isPlainSymbol(name) || !needsBraces(name)) return name;
  return writeExtendedSymbol(name);
}

/** `#{...}#`, whatever the name. */
export function writeExtendedSymbol(name: string): string {
  let out = "#{";
  for (const ch of name) {
    out += EXTENDED_SYMBOL_RAW.test(ch) && ch !== "\\" ? ch : `\\x${ch.codePointAt(0)!.toString(16)};`;
  }
  return out + "}#";
}

// Guix writes symbols such as `1+` or `123abc` bare although Guile's `write` braces them.
const GUIX_BARE_SYMBOL = /^[0-9]+[\p{L}\p{M}\p{N}\p{P}\p{S}]+$/u;

/**
 * A symbol as Guix's formatter shows it: bare for `1+`, `123abc` and the like,
 * which Guile's `write` would brace. Unlike Guix, braces stay where the bare
 * text would read back as a number or as something else (`#{123}#`).
 */
export function displaySymbol(name: string): string {
  if (isPlainSymbol(name)) return name;
  if (GUIX_BARE_SYMBOL.test(name) && !BARE_SYMBOL_DELIMITERS.test(name) && !readsAsNumber(name)) return name;
  return writeSymbol(name);
}

export function writeKeyword(node: KeywordNode): string {
  return `#:${writeSymbol(node.name)}`;
}

export function writeChar(node: CharNode): string {
  const code = node.value.codePointAt(0)!;
  const name = CHAR_NAME_BY_CODE.get(code);
  if (name !== undefined) return `#\\${name}`;
  if (PRINTABLE.test(node.value)) return `#\\${node.value}`;
  return `#\\${code.toString(8)}`;
}

/**
 * An inexact real as Guile's `number->string` gives it: `1.5`, `100000.0`, `1.0e10`, `+inf.0`.
 *
 * @example formatReal(1e21) // "1.0e21"
 */
export function formatReal(value: number): string {
  if (Number.isNaN(value)) return "+nan.0";
  if (value === Infinity) return "+inf.0";
  if (value === -Infinity) return "-inf.0";
  if (value === 0) return Object.is(value, -0) ? "-0.0" : "0.0";
  const sign = value < 0 ? "-" : "";
  const [mantissa, exponent] = Math.abs(value).toExponential().split("e") as [string, string];
  const digits = mantissa.replace(".", "");
  const e = Number(exponent);
  // Guile switches to exponent notation outside this window (numbers.c, idbl2str).
  if (e < -3 || e > Math.max(digits.length, 4) + 2) {
    return `${sign}${digits[0]}.${digits.slice(1) || "0"}e${e}`;
  }
  if (e < 0) return `${sign}0.${"0".repeat(-e - 1)}${digits}`;
  const whole = digits.slice(0, e + 1).padEnd(e + 1, "0");
  return `${sign}${whole}.${digits.slice(e + 1) || "0"}`;
}

export function formatInteger(value: bigint, radix: 10 | 8 | 16): string {
  if (radix === 10) return value.toString();
  return (radix === 8 ? "#o" : "#x") + value.toString(radix);
}

export function formatRational(node: RationalNode): string {
  return `${node.numerator}/${node.denominator}`;
}
