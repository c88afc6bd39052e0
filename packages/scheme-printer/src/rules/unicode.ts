/**
 * The Unicode general categories Guile's printer and reader test
 * (libguile/print.c): which characters `write` shows as they are, and which
 * may stand in a symbol without `#{...}#`.
 */

/** Letters, marks, numbers, punctuation and symbols: `write` shows them as they are. */
export const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/** Characters that may start a bare symbol. */
export const SYMBOL_INITIAL = /^[\p{L}\p{Mn}\p{Nl}\p{No}\p{Pd}\p{Pc}\p{Po}\p{Sc}\p{Sm}\p{Sk}\p{So}\p{Co}]$/u;

/** Characters that may follow the first one in a bare symbol. */
export const SYMBOL_SUBSEQUENT = /^[\p{L}\p{M}\p{N}\p{Pd}\p{Pc}\p{Po}\p{Sc}\p{Sm}\p{Sk}\p{So}\p{Co}]$/u;

/** Characters written as they are inside `#{...}#`; the rest become `\xNN;`. */
export const EXTENDED_SYMBOL_RAW = /^[\p{L}\p{M}\p{N}\p{Pd}\p{Pc}\p{Po}\p{Sc}\p{Sm}\p{Sk}\p{So}\p{Co}\p{Zs}]$/u;

/** Guile's `char-set:whitespace`. */
export function isWhitespace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    (code > 127 &&
      (code === 0x85 ||
        code === 0xa0 ||
        code === 0x1680 ||
        (code >= 0x2000 && code <= 0x200a) ||
        code === 0x2028 ||
        code === 0x2029 ||
        code === 0x202f ||
        code === 0x205f ||
        code === 0x3000))
  );
}

const HIGH_SURROGATE = /[\uD800-\uDBFF]/;

/** Number of characters (code points) in `text`, as Guile's `string-length` counts. */
export function charLength(text: string): number {
  // Most text has no character past U+FFFF: one native scan says so, several times faster than the loop.
  if (!HIGH_SURROGATE.test(text)) return text.length;
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      n--;
      i++;
    }
  }
  return n;
}
