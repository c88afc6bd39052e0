import type { Context } from "./context.js";

/** Strings directly inside these forms keep newlines and tabs literal (Guix's `%natural-whitespace-string-forms`). */
export const NATURAL_STRING_FORMS: ReadonlySet<string> = new Set(["synopsis", "description", "G_", "N_"]);

/** A string longer than this that holds a newline is also written with literal newlines. */
export const NATURAL_STRING_MIN_LENGTH = 40;

/** Integers directly inside these forms are written in this radix (Guix's `%integer-forms`). */
export const INTEGER_FORMS: ReadonlyMap<string, 8 | 16> = new Map([
  ["chmod", 8],
  ["umask", 8],
  ["mkdir", 8],
  ["mkstemp", 8],
  ["logand", 16],
  ["logior", 16],
  ["logxor", 16],
  ["lognot", 16],
]);

/** Whether a string in `context` keeps its newlines and tabs literal. */
export function isNaturalString(value: string, length: number, context: Context | null): boolean {
  return (
    (context !== null && context.head !== null && NATURAL_STRING_FORMS.has(context.head)) ||
    (value.includes("\n") && length > NATURAL_STRING_MIN_LENGTH)
  );
}

/** The radix of an integer in `context`: hexadecimal in `logand` and kin, unless within an octal form. */
export function integerRadix(context: Context | null): 10 | 8 | 16 {
  if (context === null || context.head === null) return 10;
  const radix = INTEGER_FORMS.get(context.head);
  if (radix !== 16) return radix ?? 10;
  for (let c = context.parent; c !== null; c = c.parent) {
    if (c.head !== null && INTEGER_FORMS.get(c.head) === 8) return 8;
  }
  return 16;
}
