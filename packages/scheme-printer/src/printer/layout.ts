/**
 * The layout: nodes to text, laid out as Guix's `pretty-print-with-comments`
 * (guix/read-print.scm) lays them out. One recursive pass that tracks the
 * column and writes straight out; every layout decision comes from the
 * structure and the tables in `../rules/`, and from the width only at the edges.
 * Each node kind has its handler in {@link LAYOUT}: a new kind does not compile until it has one.
 */
import {
  PREFIXES,
  isBlank,
  type CommentNode,
  type Datum,
  type ListNode,
  type Node,
  type NodeKind,
  type PrefixName,
  type SymbolNode,
} from "../ast/nodes.js";
import { ABBREVIATED, QUOTING } from "../rules/abbreviations.js";
import { integerRadix, isNaturalString } from "../rules/atom-forms.js";
import type { Context } from "../rules/context.js";
import { within } from "../rules/context.js";
import { GEXP_ARGUMENT_CONTEXT, INLINE_KEYWORDS, LONG_LIST, WIDTH, isNewlineForm } from "../rules/newline-forms.js";
import { specialFormLead } from "../rules/special-forms.js";
import { charLength } from "../rules/unicode.js";
import { displaySymbol, escapeStringNaturally, formatInteger, writeExtendedSymbol, writeString } from "./atoms.js";
import { readsAsSplicing, writeOneLine } from "./one-line.js";
import { Utf8Output } from "./output.js";

/** How text is laid out: the width to keep within, and when a list is long. */
export interface PrintOptions {
  /** The column the layout tries not to pass (Guix: 78). */
  readonly width?: number;
  /** Lists with more elements than this are written one element per line (Guix: 5). */
  readonly longList?: number;
}

/**
 * Lay top-level nodes out in one pass exactly as Guix's
 * `pretty-print-with-comments/splice` does, each datum followed by a newline.
 * Where comments or blank lines sit in places Guix's own printer cannot
 * reproduce, this is Guix's first pass, not a fixed point, and says so
 * (`unsettled`): see `printDatums`.
 */
export function layoutDatums(nodes: readonly Node[], options: PrintOptions = {}): { text: string; unsettled: boolean } {
  const out = new Utf8Output();
  const unsettled = layoutInto(out, nodes, options);
  return { text: out.textFrom(0), unsettled };
}

/** {@link layoutDatums}, written at the end of `out`: whether the layout is unsettled. */
export function layoutInto(out: Utf8Output, nodes: readonly Node[], options: PrintOptions): boolean {
  const printer = new Printer(options, out);
  for (const node of nodes) {
    printer.print(0, 0, true, null, node);
    if (!isBlank(node)) printer.write("\n");
  }
  return printer.unsettled;
}

/**
 * Print one node at `indent`, without a trailing newline.
 *
 * @example printDatum(list([sym("define"), sym("x"), int(1)]), { indent: 2 }) // "(define x\n    1)"
 */
export function printDatum(node: Node, options: PrintOptions & { indent?: number } = {}): string {
  const out = new Utf8Output();
  const indent = options.indent ?? 0;
  new Printer(options, out).print(indent, indent, true, null, node);
  return out.textFrom(0);
}

function symbolName(node: Node | undefined): string | null {
  return node?.kind === "symbol" ? node.name : null;
}

/** Guile's `pair?`: a non-empty list, or a prefixed form (a list underneath). */
function isPair(node: Node): boolean {
  return (node.kind === "list" && node.items.length > 0) || node.kind === "prefixed" || node.kind === "datum-comment";
}

/** Written as `(sym x)` is written as its abbreviation. */
function asAbbreviation(node: ListNode): { prefix: PrefixName; datum: Datum } | null {
  if (node.tail !== undefined || node.items.length !== 2) return null;
  const prefix = ABBREVIATED.get(symbolName(node.items[0]) ?? "");
  const datum = node.items[1]!;
  if (
    prefix === undefined ||
    isBlank(datum) ||
    datum.kind === "block-comment" ||
    datum.kind === "datum-comment" ||
    datum.kind === "shebang"
  )
    return null;
  return { prefix, datum };
}

function canonicalComment(comment: CommentNode, indent: number): string {
  if (indent === 0) return comment.text;
  const line = comment.text.replace(/^;+/, "").trim();
  return (comment.margin ? ";" : line === "" ? ";;" : ";; ") + line;
}

function stringWidth(text: string): number {
  if (text.indexOf("\n") < 0) return charLength(text);
  let width = 0;
  for (const line of text.split("\n")) width = Math.max(width, charLength(line));
  return width;
}

const SPACES: string[] = [];
function spaces(n: number): string {
  return (SPACES[n] ??= " ".repeat(n));
}

class Printer {
  /** Where the layout began in the output: the start of a line. */
  private readonly origin: number;
  /** Where the last line's indentation ended, and its width: whether nothing was written since. */
  private indentedAt: number;
  private indentWidth = 0;
  /**
   * Whether a comment, blank line or line break was written where the reader will see something
   * else (a margin comment for a line comment, a blank line where there was none, or the other way
   * round): the only places where laying out the text again changes it (Guix's quirks).
   */
  unsettled = false;
  /** Where the last blank line printed ended. */
  private blankEnd = -1;
  private readonly maxWidth: number;
  private readonly longList: number;

  constructor(
    options: PrintOptions,
    private readonly out: Utf8Output,
  ) {
    this.maxWidth = options.width ?? WIDTH;
    this.longList = options.longList ?? LONG_LIST;
    this.origin = this.indentedAt = out.length;
  }

  write(text: string): void {
    this.out.write(text);
  }

  /** Whether nothing but the indentation was written since the last newline. */
  private atLineStart(indent: number): boolean {
    return this.out.length === this.indentedAt && this.indentWidth === indent;
  }

  /** `lines` (ending in a newline), then the indentation of the next line. */
  private indentAfter(lines: string, indent: number): void {
    this.out.write(lines);
    this.out.write(spaces(indent));
    this.indentedAt = this.out.length;
    this.indentWidth = indent;
  }

  private newline(indent: number): void {
    // A break on a line of indentation alone leaves a line the reader takes for a blank line.
    if (this.out.length === this.indentedAt && this.indentedAt > this.origin) this.unsettled = true;
    this.indentAfter("\n", indent);
  }

  /**
   * Print `node` at `column`; `delimited`: a space or newline already precedes it. Returns the new
   * column. A compound node is laid out by a generator that yields the layout of each compound child
   * and gets back its end column; the generators wait on a stack here, so nesting depth costs memory,
   * not call stack.
   */
  print(indent: number, column: number, delimited: boolean, context: Context | null, node: Node): number {
    const first = this.start(indent, column, delimited, context, node);
    if (typeof first === "number") return first;
    const stack: Layout[] = [first];
    let value = column;
    while (stack.length > 0) {
      const step = stack[stack.length - 1]!.next(value);
      if (step.done === true) {
        stack.pop();
        value = step.value;
      } else stack.push(step.value);
    }
    return value;
  }

  /** An atom's end column at once, or the layout of a compound node, to be driven by {@link print}. */
  private start(
    indent: number,
    column: number,
    delimited: boolean,
    context: Context | null,
    node: Node,
  ): number | Layout {
    return (LAYOUT[node.kind] as Handler<Node>)(this, node, indent, column, delimited, context);
  }

  comment(node: CommentNode, indent: number, column: number): number {
    if (node.margin) {
      // Alone on its line, a margin comment reads back as a line comment.
      if (this.out.length === this.indentedAt) this.unsettled = true;
      this.indentAfter(` ${canonicalComment(node, indent)}\n`, indent);
    } else {
      if (column !== indent) this.newline(indent);
      // After code on its line, a line comment reads back as a margin comment.
      if (this.out.length !== this.indentedAt) this.unsettled = true;
      this.indentAfter(`${canonicalComment(node, indent)}\n`, indent);
    }
    return indent;
  }

  /** A blank line or a page break (`\f`) on a line of its own. */
  blank(line: string, indent: number, delimited: boolean): number {
    // After a space on a line of code, one newline ends that line: the reader sees no blank line.
    if (delimited && this.out.length !== this.indentedAt) this.unsettled = true;
    // Undelimited, it breaks the line first: on a line of indentation alone, that is one more blank line.
    if (!delimited && this.out.length === this.indentedAt) this.unsettled = true;
    // Blank lines one after the other read back as one.
    if (this.out.length === this.blankEnd) this.unsettled = true;
    this.indentAfter(delimited ? line : `\n${line}`, indent);
    this.blankEnd = this.out.length;
    return indent;
  }

  list(indent: number, column: number, delimited: boolean, context: Context | null, node: ListNode): number | Layout {
    if (node.items.length === 0 && node.tail === undefined) return this.printAtom(indent, column, delimited, "()");
    const abbreviation = asAbbreviation(node);
    if (abbreviation !== null)
      return this.printPrefixed(indent, column, delimited, context, PREFIXES[abbreviation.prefix], abbreviation.datum);
    if (node.tail !== undefined && !node.items.some(isBlank))
      return this.printAtom(indent, column, delimited, writeOneLine(node));
    const head = symbolName(node.items[0]);
    const special = head === null || node.tail !== undefined ? undefined : specialFormLead(head, context);
    if (special !== undefined) return this.printSpecialForm(indent, column, delimited, context, node, head!, special);
    return this.printList(indent, column, delimited, context, node.items, "(", node.tail);
  }

  *printPrefixed(
    indent: number,
    column: number,
    delimited: boolean,
    context: Context | null,
    sigil: string,
    datum: Datum,
  ): Layout {
    if (!delimited) this.write(" ");
    this.write(sigil);
    const at = column + sigil.length + (delimited ? 0 : 1);
    if (readsAsSplicing(sigil, datum))
      return this.printAtom(indent, at, true, writeExtendedSymbol((datum as SymbolNode).name));
    const child = this.start(indent, at, true, context, datum);
    return typeof child === "number" ? child : yield child;
  }

  printAtom(indent: number, column: number, delimited: boolean, text: string): number {
    const width = stringWidth(text);
    if (column + 1 + width > this.maxWidth && !delimited) {
      this.newline(indent);
      this.write(text);
      return indent + width;
    }
    if (!delimited) this.write(" ");
    this.write(text);
    return column + (delimited ? 0 : 1) + width;
  }

  private *printSpecialForm(
    indent: number,
    column: number,
    delimited: boolean,
    context: Context | null,
    node: ListNode,
    head: string,
    lead: number,
  ): Layout {
    const inner: Context = { head, parent: context };
    const headText = displaySymbol(head);
    const items = node.items;
    this.write(`${delimited ? "" : " "}(${headText}${lead === 0 ? "" : " "}`);
    const bodyIndent = column + 2 + (delimited ? 0 : 1);
    const leadIndent = column + 1 + (lead === 0 ? 0 : 1) + (delimited ? 0 : 1) + charLength(headText);
    let col = leadIndent;
    const leading = Math.min(lead, items.length - 1);
    for (let i = 0; i < leading; i++) {
      const child = this.start(leadIndent, col, i === 0, inner, items[i + 1]!);
      col = typeof child === "number" ? child : yield child;
    }
    if (leading === lead) {
      this.newline(bodyIndent);
      col = bodyIndent;
    }
    col = yield* this.printSequence(inner, bodyIndent, col, items, leading + 1, true);
    this.write(")");
    return col + 1;
  }

  *printList(
    indent: number,
    column: number,
    delimited: boolean,
    context: Context | null,
    items: readonly Node[],
    open: string,
    tail: Datum | undefined,
  ): Layout {
    const head = items[0]!;
    // Past the width, the list starts on a new line, unless the line was just begun: a second
    // newline would leave a line of spaces, which reads back as a blank line.
    const overflow = column >= this.maxWidth && !this.atLineStart(indent);
    const col = overflow ? indent + 1 : column + (delimited ? open.length : open.length + 1);
    const headName = symbolName(head);
    const breakAfterHead =
      (headName !== null && isNewlineForm(headName, context)) ||
      isListOfLists(head, items) ||
      startsWithLineComment(items);
    const inner: Context = { head: headName, parent: context };
    if (overflow) this.newline(indent);
    else if (!delimited) this.write(" ");
    this.write(open);
    const headChild = this.start(col, col, true, inner, head);
    const afterHead = typeof headChild === "number" ? headChild : yield headChild;
    const bodyIndent =
      afterHead >= this.maxWidth || headName === null || breakAfterHead || this.wouldProtrude(afterHead + 1, items)
        ? col
        : afterHead + 1;
    if (breakAfterHead) this.newline(bodyIndent);
    let end = yield* this.printSequence(
      inner,
      bodyIndent,
      breakAfterHead ? bodyIndent : afterHead,
      items,
      1,
      breakAfterHead,
    );
    if (tail !== undefined) {
      end = this.printAtom(bodyIndent, end, false, ".");
      const child = this.start(bodyIndent, end, false, inner, tail);
      end = typeof child === "number" ? child : yield child;
    }
    this.write(")");
    return end + 1;
  }

  /** Guix's `print-sequence`, over `items` from index `from`. */
  private *printSequence(
    context: Context,
    indent: number,
    column: number,
    items: readonly Node[],
    from: number,
    delimited: boolean,
  ): Layout {
    const long = items.length - from > this.longList;
    let first = true;
    for (let i = from; i < items.length; i++) {
      const item = items[i]!;
      const kind = item.kind;
      const blank = kind === "comment" || kind === "blank-lines" || kind === "page-break";
      const newline =
        !first &&
        !delimited &&
        !blank &&
        (long || isPair(item) || (kind === "keyword" && !INLINE_KEYWORDS.has(item.name)));
      if (newline) this.newline(indent);
      const nextFirst = kind === "keyword" && !gexpArgumentFollows(items[i + 1], context);
      const nextDelimited = blank;
      const child = this.start(indent, newline ? indent : column, newline || delimited, context, item);
      column = typeof child === "number" ? child : yield child;
      first = nextFirst;
      delimited = nextDelimited;
    }
    return column;
  }

  /** Guix's cheap test (with false negatives) for arguments that would pass the width at `indent`. */
  private wouldProtrude(indent: number, items: readonly Node[]): boolean {
    for (let i = 1; i < items.length; i++) {
      const item = items[i]!;
      switch (item.kind) {
        case "string":
          if (stringWidth(item.value) + 2 + indent >= this.maxWidth) return true;
          break;
        case "symbol":
          if (stringWidth(displaySymbol(item.name)) + indent >= this.maxWidth) return true;
          break;
        case "boolean":
          if (2 + indent >= this.maxWidth) return true;
          break;
        case "list":
          if (item.items.length === 0 && item.tail === undefined && 2 + indent >= this.maxWidth) return true;
          break;
        default:
          break;
      }
    }
    return false;
  }
}

/** A list whose first element is a proper list (not a quoted form), like `let` bindings. */
function isListOfLists(head: Node, items: readonly Node[]): boolean {
  if (items.length < 2) return false;
  if (head.kind === "prefixed") return !QUOTING.has(head.prefix);
  if (head.kind !== "list" || head.tail !== undefined || head.items.length === 0) return false;
  return !QUOTING.has(symbolName(head.items[0]) ?? "");
}

function startsWithLineComment(items: readonly Node[]): boolean {
  const second = items[1];
  return second?.kind === "comment" && !second.margin;
}

/** Whether a gexp follows a keyword where it goes on its own line (see {@link GEXP_ARGUMENT_CONTEXT}). */
function gexpArgumentFollows(next: Node | undefined, context: Context): boolean {
  if (next === undefined) return false;
  const isGexp =
    next.kind === "prefixed" ? next.prefix === "gexp" : next.kind === "list" && symbolName(next.items[0]) === "gexp";
  return isGexp && within(context, GEXP_ARGUMENT_CONTEXT);
}

/**
 * The layout of a compound node. It prints atoms itself; it yields the layout of each compound
 * child, to be driven by `Printer.print`, gets back its end column, and returns its own.
 */
type Layout = Generator<Layout, number, number>;

type Handler<N extends Node> = (
  printer: Printer,
  node: N,
  indent: number,
  column: number,
  delimited: boolean,
  context: Context | null,
) => number | Layout;

/** How each kind of node is laid out. */
const LAYOUT: { readonly [K in NodeKind]: Handler<Extract<Node, { kind: K }>> } = {
  comment: (p, node, indent, column) => p.comment(node, indent, column),
  "blank-lines": (p, _, indent, __, delimited) => p.blank("\n", indent, delimited),
  "page-break": (p, _, indent, __, delimited) => p.blank("\f\n", indent, delimited),
  prefixed: (p, node, indent, column, delimited, context) =>
    p.printPrefixed(indent, column, delimited, context, PREFIXES[node.prefix], node.datum),
  "datum-comment": (p, node, indent, column, delimited, context) =>
    p.printPrefixed(indent, column, delimited, context, "#;", node.datum),
  list: (p, node, indent, column, delimited, context) => p.list(indent, column, delimited, context, node),
  vector: (p, node, indent, column, delimited, context) =>
    node.items.some(isBlank)
      ? p.printList(indent, column, delimited, context, node.items, "#(", undefined)
      : p.printAtom(indent, column, delimited, writeOneLine(node)),
  string: (p, node, indent, column, delimited, context) =>
    p.printAtom(
      indent,
      column,
      delimited,
      isNaturalString(node.value, charLength(node.value), context)
        ? escapeStringNaturally(node.value)
        : writeString(node.value),
    ),
  integer: (p, node, indent, column, delimited, context) =>
    p.printAtom(indent, column, delimited, formatInteger(node.value, integerRadix(context))),
  symbol: (p, node, indent, column, delimited) => p.printAtom(indent, column, delimited, displaySymbol(node.name)),
  "block-comment": (p, node, indent, column, delimited) => p.printAtom(indent, column, delimited, node.text),
  shebang: (p, node, indent, column, delimited) => p.printAtom(indent, column, delimited, node.text),
  keyword: (p, node, indent, column, delimited) => p.printAtom(indent, column, delimited, writeOneLine(node)),
  rational: (p, node, indent, column, delimited) => p.printAtom(indent, column, delimited, writeOneLine(node)),
  real: (p, node, indent, column, delimited) => p.printAtom(indent, column, delimited, writeOneLine(node)),
  boolean: (p, node, indent, column, delimited) => p.printAtom(indent, column, delimited, writeOneLine(node)),
  nil: (p, node, indent, column, delimited) => p.printAtom(indent, column, delimited, writeOneLine(node)),
  char: (p, node, indent, column, delimited) => p.printAtom(indent, column, delimited, writeOneLine(node)),
  bytevector: (p, node, indent, column, delimited) => p.printAtom(indent, column, delimited, writeOneLine(node)),
};
