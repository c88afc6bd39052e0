import type { Node } from "../ast/nodes.js";
import { readDatums } from "../reader/reader.js";
import { layoutDatums, type PrintOptions } from "./layout.js";

// Guix's layout settles after its second pass (guix/read-print.scm, see the golden quirks); allow a margin.
const MAX_PASSES = 4;

/**
 * Print top-level nodes as `guix style -f` prints a file, each datum followed
 * by a newline. Where Guix's formatter would change its own output when run
 * again (comments and blank lines in a few awkward places), this returns the
 * layout Guix settles on, so printing is idempotent.
 *
 * @example printDatums([list([sym("define"), sym("x"), int(1)])]) // => "(define x\n  1)\n"
 */
export function printDatums(nodes: readonly Node[], options: PrintOptions = {}): string {
  const first = layoutDatums(nodes, options);
  let text = first.text;
  // Without comments or blank lines every layout is a fixed point: one pass is enough.
  for (let pass = 1; first.hasBlanks && pass < MAX_PASSES; pass++) {
    const next = layoutDatums(readDatums(text), options).text;
    if (next === text) break;
    text = next;
  }
  return text;
}
