import type { PrintOptions } from "./printer/layout.js";
import { printForms } from "./printer/print.js";
import { readForms, type ReadOptions } from "./reader/reader.js";

/**
 * Format Scheme source text as `guix style -f` would.
 * Throws {@link SchemeSyntaxError} when the text does not read.
 *
 * @example formatScheme("(define x 1)") // => "(define x\n  1)\n"
 */
export function formatScheme(text: string, options: ReadOptions & PrintOptions = {}): string {
  let out = "";
  for (const chunk of formatChunks(text, options)) out += chunk;
  return out;
}

/**
 * {@link formatScheme}, a top-level form at a time: each chunk is ready to write as soon as its
 * form is read, so memory holds one form, not the file. A syntax error is thrown when reached.
 *
 * @example for (const chunk of formatChunks(text, { file })) await out.write(chunk);
 */
export function formatChunks(
  text: string,
  options: ReadOptions & PrintOptions = {},
): Generator<string, void, undefined> {
  return printForms(readForms(text, options), options);
}
