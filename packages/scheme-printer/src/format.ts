import type { PrintOptions } from "./printer/layout.js";
import { printForms, printFormsUtf8 } from "./printer/print.js";
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
  return printForms(readForms(text, { ...options, frozen: false }), options);
}

/**
 * {@link formatScheme} as UTF-8, in blocks of whole forms of 64 KiB or more: the fastest way to
 * write a formatted file (no string is made of its text). A syntax error is thrown when reached,
 * after the block of the forms before it.
 *
 * @example for (const block of formatUtf8(text, { file })) process.stdout.write(block);
 */
export function formatUtf8(
  text: string,
  options: ReadOptions & PrintOptions = {},
): Generator<Uint8Array, void, undefined> {
  return printFormsUtf8(readForms(text, { ...options, frozen: false }), options);
}
