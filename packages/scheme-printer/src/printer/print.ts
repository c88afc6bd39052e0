import { isBlank, type Node } from "../ast/nodes.js";
import { readDatums } from "../reader/reader.js";
import { layoutDatums, type PrintOptions } from "./layout.js";

// Guix's layout settles after its second pass (guix/read-print.scm, see the golden quirks); allow a margin.
const MAX_PASSES = 4;

/**
 * One top-level form as `guix style -f` prints it in a file (a datum followed by a newline). Where
 * Guix's formatter would change its own output when run again (comments and blank lines in a few
 * awkward places inside a form), this is the layout Guix settles on. The layout says when it wrote
 * such a place (`unsettled`); only then is its text read and laid out again, until it settles.
 */
function printForm(node: Node, options: PrintOptions): string {
  // A margin comment after a top-level form starts the next line, where Guix's second pass puts it.
  if (node.kind === "comment" && node.margin) return `${node.text}\n`;
  const first = layoutDatums([node], options);
  let text = first.text;
  // Otherwise one pass is enough: checked on all of Guix's package modules (11,501 forms with
  // comments or blank lines, none unsettled that was not) and on random data in the tests.
  for (let pass = 1; first.unsettled && !isBlank(node) && pass < MAX_PASSES; pass++) {
    const next = layoutDatums(readDatums(text), options).text;
    if (next === text) break;
    text = next;
  }
  return text;
}

/**
 * The text of top-level forms, a form at a time, as {@link printDatums} prints them: what a file
 * of any size is written from, holding one form in memory at a time.
 *
 * @example for (const chunk of printForms(readForms(text))) process.stdout.write(chunk);
 */
export function* printForms(nodes: Iterable<Node>, options: PrintOptions = {}): Generator<string, void, undefined> {
  for (const node of nodes) yield printForm(node, options);
}

/**
 * Print top-level nodes as `guix style -f` prints a file, each datum followed
 * by a newline. Where Guix's formatter would change its own output when run
 * again (comments and blank lines in a few awkward places), this returns the
 * layout Guix settles on, so printing is idempotent.
 *
 * @example printDatums([list([sym("define"), sym("x"), int(1)])]) // => "(define x\n  1)\n"
 */
export function printDatums(nodes: readonly Node[], options: PrintOptions = {}): string {
  let text = "";
  for (const chunk of printForms(nodes, options)) text += chunk;
  return text;
}
