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
