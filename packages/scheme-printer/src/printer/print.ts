import { isBlank, type Node } from "../ast/nodes.js";
import { readDatums } from "../reader/reader.js";
import { layoutDatums, layoutInto, type PrintOptions } from "./layout.js";
import { Utf8Output } from "./output.js";

// Guix's layout settles after its second pass (guix/read-print.scm, see the golden quirks); allow a margin.
const MAX_PASSES = 4;

/**
 * One top-level form as `guix style -f` prints it in a file (a datum followed by a newline), written
 * at the end of `out`. Where Guix's formatter would change its own output when run again (comments
 * and blank lines in a few awkward places inside a form), this is the layout Guix settles on. The
 * layout says when it wrote such a place (`unsettled`); only then is its text read and laid out
 * again, until it settles.
 */
function printForm(out: Utf8Output, node: Node, options: PrintOptions): void {
  // A margin comment after a top-level form starts the next line, where Guix's second pass puts it.
  if (node.kind === "comment" && node.margin) return out.write(`${node.text}\n`);
  const start = out.length;
  // Otherwise one pass is enough: checked on all of Guix's package modules (32,714 forms laid out
  // as settled, none changed when laid out again) and on random data in the tests.
  if (!layoutInto(out, [node], options) || isBlank(node)) return;
  let text = out.textFrom(start);
  for (let pass = 1; pass < MAX_PASSES; pass++) {
    const next = layoutDatums(readDatums(text, { frozen: false }), options).text;
    if (next === text) break;
    text = next;
  }
  out.truncate(start);
  out.write(text);
}

/**
 * Lay `nodes` out in `out`, a form after the other, and yield `out` each time it holds `blockSize`
 * bytes or more, for the caller to take them. When `nodes` throws (a syntax error further on), the
 * forms before it still in `out` are yielded first.
 */
function* printInto(
  out: Utf8Output,
  nodes: Iterable<Node>,
  options: PrintOptions,
  blockSize: number,
): Generator<Utf8Output, void, undefined> {
  const forms = nodes[Symbol.iterator]();
  for (;;) {
    let next: IteratorResult<Node>;
    try {
      next = forms.next();
    } catch (error) {
      if (out.length > 0) yield out;
      throw error;
    }
    if (next.done === true) break;
    printForm(out, next.value, options);
    if (out.length >= blockSize) yield out;
  }
  if (out.length > 0) yield out;
}

/**
 * The UTF-8 of top-level forms as {@link printDatums} prints them, in blocks of whole forms of
 * `blockSize` bytes or more (each block the caller's to keep): what a file of any size is written
 * from, with no string made of its text. When `nodes` throws (a syntax error further on), the forms
 * before it come out first.
 *
 * @example for (const block of printFormsUtf8(readForms(text))) process.stdout.write(block);
 */
export function* printFormsUtf8(
  nodes: Iterable<Node>,
  options: PrintOptions = {},
  blockSize = 1 << 16,
): Generator<Uint8Array, void, undefined> {
  for (const full of printInto(new Utf8Output(), nodes, options, blockSize)) yield full.take();
}

/**
 * The text of top-level forms, a form at a time, as {@link printDatums} prints them: what a file
 * of any size is written from, holding one form in memory at a time.
 *
 * @example for (const chunk of printForms(readForms(text))) process.stdout.write(chunk);
 */
export function* printForms(nodes: Iterable<Node>, options: PrintOptions = {}): Generator<string, void, undefined> {
  for (const form of printInto(new Utf8Output(), nodes, options, 0)) {
    yield form.textFrom(0);
    form.truncate(0);
  }
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
  // One block, at the end: the whole text, decoded once.
  let text = "";
  for (const all of printInto(new Utf8Output(), nodes, options, Infinity)) text = all.textFrom(0);
  return text;
}
