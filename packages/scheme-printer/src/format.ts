import { printDatums } from "./printer/print.js";
import type { PrintOptions } from "./printer/layout.js";
import { readDatums, type ReadOptions } from "./reader/reader.js";

/**
 * Format Scheme source text as `guix style -f` would.
 * Throws {@link SchemeSyntaxError} when the text does not read.
 *
 * @example formatScheme("(define x 1)") // => "(define x\n  1)\n"
 */
export function formatScheme(text: string, options: ReadOptions & PrintOptions = {}): string {
  return printDatums(readDatums(text, options), options);
}
