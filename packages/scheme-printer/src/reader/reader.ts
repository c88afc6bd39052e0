/**
 * The reader: Scheme text to nodes, keeping comments, blank lines and page
 * breaks where they stand, as Guix's `read-with-comments` does
 * (guix/read-print.scm), so that margin and line comments and blank lines
 * come out where Guix's formatter puts them. It also keeps what Guix drops:
 * `#| |#`, `#;` and `#! !#`.
 */
import * as make from "../ast/constructors.js";
import { transient, trusted, type ReaderNodes } from "../ast/constructors.js";
import type { Datum, Node, PrefixName, SourceLocation } from "../ast/nodes.js";
import { PREFIXES, isBlank } from "../ast/nodes.js";
import { CHAR_CODE_BY_NAME } from "../rules/char-names.js";
import { isWhitespace } from "../rules/unicode.js";
import { ExponentOutOfRange, UNSUPPORTED_NUMBER, parseNumber } from "./numbers.js";
import { SchemeSyntaxError } from "./syntax-error.js";

/** How text is read: the file name errors give, and whether the nodes are frozen. */
export interface ReadOptions {
  /** The file name used in error messages. */
  readonly file?: string;
  /**
   * Whether the nodes are frozen, as every constructor's are (the default). `false` reads a third
   * faster, for nodes that are only looked at and dropped (formatting, collecting names); the
   * builders of `@guix-ts/core` freeze what they are given, as always.
   */
  readonly frozen?: boolean;
}

/**
 * Read every top-level form, comment, blank line and page break of `text`.
 *
 * @example readDatums("(define x 1) ; one", { file: "x.scm" }) // [list, comment]
 */
export function readDatums(text: string, options: ReadOptions = {}): Node[] {
  return [...readForms(text, options)];
}

/**
 * The top-level forms of `text` (comments, blank lines and page breaks too), one at a time, each
 * read when asked for: a file is then handled a form at a time, whatever its size.
 *
 * @example for (const form of readForms(text, { file: "gnu/packages/base.scm" })) count++;
 */
export function readForms(text: string, options: ReadOptions = {}): Generator<Node, void, undefined> {
  const nodes = options.frozen === false ? transient : trusted;
  // A leading byte-order mark is not text: Guile skips it.
  return new Reader(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, options.file, nodes).readTopLevel();
}

/** A surrogate not in a pair: what no UTF-8 text decodes to. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const NEWLINE = 10;
const PAGE = 12;
const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

const CLOSE = Symbol("close");
const DOT = Symbol("dot");
const EOF = Symbol("eof");

/**
 * Where a nested form begins; its contents are read on the frame stack, not the call stack. A class,
 * so that telling it from a node is one `instanceof`, not a look-up over every node shape.
 */
class Open {
  constructor(
    readonly open: "list" | "vector" | "bytevector" | "prefix" | "datum-comment",
    readonly start: SourceLocation,
    /** For lists: `(` or `[`. */
    readonly code: number = OPEN_PAREN,
    readonly prefix: PrefixName | undefined = undefined,
    readonly bytes: "vu8" | "u8" | undefined = undefined,
  ) {}
}
type Item = Node | Open | typeof CLOSE | typeof DOT | typeof EOF;
const isOpen = (item: Item): item is Open => item instanceof Open;

/** A form being read: its items so far, or the one datum it waits for. */
interface Frame {
  readonly what: Open;
  readonly items: Node[];
  dotAt: number;
  dotLoc: SourceLocation | undefined;
}

const SIMPLE_PREFIX: Record<string, PrefixName> = { "'": "quote", "`": "quasiquote" };
const ESCAPE: Record<string, string> = {
  "\\": "\\",
  '"': '"',
  a: "\x07",
  b: "\b",
  t: "\t",
  n: "\n",
  v: "\v",
  f: "\f",
  r: "\r",
  "0": "\0",
  "|": "|",
  // Guile reads `\(` as `(` (Emacs users write it in doc strings); not `\)`.
  "(": "(",
};
const DIRECTIVES =
  /^(?:fold-case|no-fold-case|r6rs|curly-infix|curly-infix-and-bracket-lists|eof|default|optional|key|rest)\b/;

/** Whether a form waits for exactly one datum (`'x`, `#;x`) rather than a list of items. */
const waitsForOne = (what: Open): boolean => what.open === "prefix" || what.open === "datum-comment";

// The ASCII characters that end a token: brackets, `"`, `;` and white space.
const ASCII_DELIMITER = new Uint8Array(128);
for (const code of [OPEN_PAREN, CLOSE_PAREN, OPEN_BRACKET, CLOSE_BRACKET, 34, 59, 9, 10, 11, 12, 13, 32])
  ASCII_DELIMITER[code] = 1;

function isDelimiter(code: number): boolean {
  return code < 128 ? ASCII_DELIMITER[code] === 1 : isWhitespace(code);
}

class Reader {
  private pos = 0;
  private line = 1;
  private lineStart = 0;

  constructor(
    private readonly text: string,
    private readonly file: string | undefined,
    private readonly nodes: ReaderNodes,
  ) {}

  *readTopLevel(): Generator<Node, void, undefined> {
    // Checked once here, so the nodes need not each check their text (a file's UTF-8 never has one).
    const surrogate = LONE_SURROGATE.exec(this.text);
    if (surrogate !== null) {
      this.pos = surrogate.index;
      for (let i = 0; i < surrogate.index; i++)
        if (this.text.charCodeAt(i) === 10) [this.line, this.lineStart] = [this.line + 1, i + 1];
      throw this.error("a lone UTF-16 surrogate: not text");
    }
    let blankLine = true;
    for (;;) {
      const item = this.readNode(blankLine);
      if (item === EOF) return;
      if (item === CLOSE) throw this.error("unexpected `)` at top level", this.here(-1));
      // Outside a list, a lone `.` is the symbol `.`, as Guile reads it.
      const node = item === DOT ? this.nodes.sym(".", this.here(-1)) : item;
      yield node;
      blankLine = isBlank(node);
    }
  }

  // Not frozen: freezing a location per node cost a third of reading; nothing holds a mutable reference to it.
  private here(offset = 0): SourceLocation {
    return { line: this.line, column: this.pos + offset - this.lineStart + 1 };
  }

  private error(reason: string, at: SourceLocation = this.here()): SchemeSyntaxError {
    return new SchemeSyntaxError(reason, at.line, at.column, this.file);
  }

  private next(): number {
    const code = this.text.charCodeAt(this.pos++);
    if (code === NEWLINE) {
      this.line++;
      this.lineStart = this.pos;
    }
    return code;
  }

  private peek(offset = 0): number {
    return this.text.charCodeAt(this.pos + offset);
  }

  /** One node, or CLOSE / DOT / EOF. `blankLine`: at the start of a line, as Guix's reader tracks it. */
  private readItem(blankLine: boolean): Item {
    for (;;) {
      // Runs of spaces (indentation) are most of a file's white space: passed over in one loop.
      while (this.text.charCodeAt(this.pos) === 32) this.pos++;
      if (this.pos >= this.text.length) return EOF;
      const code = this.next();
      if (code === NEWLINE) {
        if (blankLine) return this.readBlankLines(this.here(-1));
        blankLine = true;
      } else if (code === PAGE) {
        const start = this.here(-1);
        this.skipRestOfLine();
        return make.pageBreak(start);
      } else if (isWhitespace(code)) {
        continue;
      } else if (code === OPEN_PAREN || code === OPEN_BRACKET) {
        return new Open("list", this.here(-1), code);
      } else if (code === CLOSE_PAREN || code === CLOSE_BRACKET) {
        return CLOSE;
      } else if (code === 59) {
        return this.readComment(this.here(-1), !blankLine);
      } else {
        this.pos--;
        return this.readDatumOrInert(this.here());
      }
    }
  }

  private readBlankLines(start: SourceLocation): Node {
    let count = 1;
    while (this.pos < this.text.length) {
      const code = this.peek();
      if (code === NEWLINE) count++;
      else if (code === PAGE || !isWhitespace(code)) break;
      this.next();
    }
    return make.blankLines(count, start);
  }

  private skipRestOfLine(): void {
    while (this.pos < this.text.length) {
      const code = this.peek();
      if (code === NEWLINE) {
        this.next();
        return;
      }
      if (code === PAGE || !isWhitespace(code)) return;
      this.next();
    }
  }

  private readComment(start: SourceLocation, margin: boolean): Node {
    const from = this.pos - 1;
    let end = this.text.indexOf("\n", this.pos);
    if (end < 0) end = this.text.length;
    let text = this.text.slice(from, end);
    if (text.endsWith("\r")) text = text.slice(0, -1);
    this.pos = end;
    if (end < this.text.length) this.next();
    return make.comment(text, { margin }, start);
  }

  /** One node (a nested form read whole), or CLOSE / DOT / EOF. */
  private readNode(blankLine: boolean): Node | typeof CLOSE | typeof DOT | typeof EOF {
    const item = this.readItem(blankLine);
    return isOpen(item) ? this.readNested(item) : item;
  }

  /** A nested form, however deep: each open form is a frame on a stack, so depth costs memory, not call stack. */
  private readNested(first: Open): Node {
    const stack: Frame[] = [{ what: first, items: [], dotAt: -1, dotLoc: undefined }];
    for (;;) {
      const top = stack[stack.length - 1]!;
      const last = top.items[top.items.length - 1];
      const blankLine = waitsForOne(top.what) ? false : last !== undefined && isBlank(last);
      const itemLine = this.line;
      const itemColumn = this.pos - this.lineStart + 1;
      const item = this.readItem(blankLine);
      if (isOpen(item)) {
        stack.push({ what: item, items: [], dotAt: -1, dotLoc: undefined });
        continue;
      }
      let done = this.take(top, item, itemLine, itemColumn);
      while (done !== undefined) {
        stack.pop();
        const parent = stack[stack.length - 1];
        if (parent === undefined) return done;
        done = this.take(parent, done, itemLine, itemColumn);
      }
    }
  }

  /** Give `frame` its next item; the finished node when that completes it. */
  private take(frame: Frame, item: Item, itemLine: number, itemColumn: number): Node | undefined {
    const { what } = frame;
    if (waitsForOne(what)) {
      const after = what.open === "datum-comment" ? "`#;`" : `\`${PREFIXES[what.prefix!]}\``;
      if (item === EOF || item === CLOSE)
        throw this.error(`expected a datum after ${after} at ${what.start.line}:${what.start.column}`);
      const node = item === DOT ? this.nodes.sym(".", this.here(-1)) : (item as Node);
      if (isBlank(node) && node.kind !== "comment") return undefined;
      if (isBlank(node) || node.kind === "block-comment" || node.kind === "datum-comment" || node.kind === "shebang")
        throw this.error(
          `a comment between ${after} at ${what.start.line}:${what.start.column} and its datum cannot be kept; move it`,
          node.loc,
        );
      return what.open === "datum-comment"
        ? make.datumComment(node as Datum, what.start)
        : this.nodes.prefixed(what.prefix!, node as Datum, what.start);
    }
    const open = what.code;
    const start = what.start;
    if (item === EOF) {
      const closer = open === OPEN_PAREN ? ")" : "]";
      throw this.error(
        `unbalanced parenthesis: \`${String.fromCharCode(open)}\` opened at ${start.line}:${start.column} is never closed (missing \`${closer}\`)`,
      );
    }
    if (item === DOT) {
      if (frame.dotAt >= 0) throw this.error("a second `.` in one list", { line: itemLine, column: itemColumn });
      frame.dotAt = frame.items.length;
      frame.dotLoc = this.here(-1);
      return undefined;
    }
    if (item !== CLOSE) {
      frame.items.push(item as Node);
      return undefined;
    }
    const close = this.text.charCodeAt(this.pos - 1);
    if ((open === OPEN_PAREN) !== (close === CLOSE_PAREN)) {
      throw this.error(
        `mismatched \`${String.fromCharCode(close)}\` closes \`${String.fromCharCode(open)}\` opened at ${start.line}:${start.column}`,
        this.here(-1),
      );
    }
    const items = frame.items;
    if (what.open === "list")
      return frame.dotAt < 0
        ? this.nodes.list(items, start)
        : this.dottedList(items, frame.dotAt, frame.dotLoc!, start);
    if (frame.dotAt >= 0)
      throw this.error(`a ${what.open === "vector" ? "vector" : "bytevector"} cannot be dotted`, start);
    if (what.open === "vector") return make.vector(items, start);
    const bytes: number[] = [];
    for (const byte of items) {
      if (isBlank(byte)) continue;
      if (byte.kind !== "integer" || byte.value < 0n || byte.value > 255n)
        throw this.error(`#${what.bytes}( takes integers 0 to 255`, byte.loc ?? start);
      bytes.push(Number(byte.value));
    }
    return make.bytevector(bytes, what.bytes!, start);
  }

  private dottedList(items: Node[], dotAt: number, dotLoc: SourceLocation, start: SourceLocation): Node {
    const before = items.slice(0, dotAt);
    const after = items.slice(dotAt);
    const data = after.filter(
      (n): n is Datum =>
        !isBlank(n) && n.kind !== "block-comment" && n.kind !== "datum-comment" && n.kind !== "shebang",
    );
    if (data.length !== 1) throw this.error(`expected one datum after \`.\`, found ${data.length}`, dotLoc);
    // `(. args)` is `args` to Guile (Guix writes `(lambda (. args) ...)`).
    if (!before.some((n) => !isBlank(n))) return data[0]!;
    // Comments around the tail move before the dot, where they can be written.
    return make.dotted([...before, ...after.filter((n) => n !== data[0])], data[0]!, start);
  }

  private readDatumOrInert(start: SourceLocation): Node | Open | typeof DOT {
    const c = this.text[this.pos]!;
    if (c === '"') {
      this.pos++;
      return this.nodes.str(this.readStringBody(start), start);
    }
    const simple = SIMPLE_PREFIX[c];
    if (simple !== undefined) {
      this.pos++;
      return new Open("prefix", start, OPEN_PAREN, simple);
    }
    if (c === ",") {
      this.pos++;
      if (this.peek() === 64) {
        this.pos++;
        return new Open("prefix", start, OPEN_PAREN, "unquote-splicing");
      }
      return new Open("prefix", start, OPEN_PAREN, "unquote");
    }
    if (c === "#") return this.readHash(start);
    const token = this.readToken();
    if (token === ".") return DOT;
    return this.atom(token, start);
  }

  private readToken(): string {
    const { text } = this;
    const from = this.pos;
    let pos = from;
    while (pos < text.length && !isDelimiter(text.charCodeAt(pos))) pos++;
    this.pos = pos;
    return text.slice(from, pos);
  }

  private atom(token: string, start: SourceLocation): Datum {
    const first = token.charCodeAt(0);
    // Only tokens starting with one of -+.0-9# can be numbers (or `#` syntax).
    if (!(first === 45 || first === 43 || first === 46 || (first >= 48 && first <= 57) || first === 35))
      return this.nodes.sym(token, start);
    let number: ReturnType<typeof parseNumber>;
    try {
      number = parseNumber(token, start);
    } catch (error) {
      if (error instanceof ExponentOutOfRange) throw this.error(error.message, start);
      throw error;
    }
    if (number === UNSUPPORTED_NUMBER) throw this.error(`complex numbers are not supported: ${token}`, start);
    if (number !== null) return number;
    if (token.startsWith("#")) throw this.error(`unknown # syntax ${token}`, start);
    return this.nodes.sym(token, start);
  }

  private readHash(start: SourceLocation): Node | Open {
    const c = this.text[this.pos + 1];
    const two = this.text.slice(this.pos, this.pos + 3);
    if (two === "#$@" || two === "#+@" || two === "#,@") {
      this.pos += 3;
      const prefix = two === "#$@" ? "ungexp-splicing" : two === "#+@" ? "ungexp-native-splicing" : "unsyntax-splicing";
      return new Open("prefix", start, OPEN_PAREN, prefix);
    }
    const prefix: PrefixName | undefined = {
      "~": "gexp",
      $: "ungexp",
      "+": "ungexp-native",
      "'": "syntax",
      "`": "quasisyntax",
      ",": "unsyntax",
    }[c ?? ""] as PrefixName | undefined;
    if (prefix !== undefined) {
      this.pos += 2;
      return new Open("prefix", start, OPEN_PAREN, prefix);
    }
    switch (c) {
      case "(":
        this.pos += 2;
        return new Open("vector", start);
      case "\\":
        this.pos += 2;
        return this.readChar(start);
      case ":": {
        this.pos += 2;
        const name = this.peek() === 35 && this.peek(1) === 123 ? this.readExtendedSymbolName(start) : this.readToken();
        return this.nodes.kw(name, start);
      }
      case "{":
        return this.nodes.sym(this.readExtendedSymbolName(start), start);
      case "|":
        return make.blockComment(this.readBlockComment(start), start);
      case ";":
        this.pos += 2;
        return new Open("datum-comment", start);
      case "!": {
        if (DIRECTIVES.test(this.text.slice(this.pos + 2, this.pos + 40))) {
          throw this.error(`reader directive ${this.text.slice(this.pos).split(/[\s()]/)[0]} is not supported`, start);
        }
        const end = this.text.indexOf("!#", this.pos + 2);
        if (end < 0) throw this.error("`#!` header never closed by `!#`", start);
        const text = this.text.slice(this.pos, end + 2);
        this.advanceOver(text.length);
        return make.shebang(text, start);
      }
      default:
        break;
    }
    if (c === "v" || c === "u") {
      const m = /^#(vu8|u8)\(/.exec(this.text.slice(this.pos, this.pos + 5));
      if (m) {
        this.pos += m[1]!.length + 2;
        return new Open("bytevector", start, OPEN_PAREN, undefined, m[1] as "vu8" | "u8");
      }
    }
    const token = this.readToken();
    const lower = token.toLowerCase();
    if (lower === "#t" || lower === "#true") return make.bool(true, start);
    if (lower === "#f" || lower === "#false") return make.bool(false, start);
    if (token === "#nil") return make.nil(start);
    if (token === "#") throw this.error("`#` followed by nothing", start);
    return this.atom(token, start);
  }

  private advanceOver(length: number): void {
    this.advanceTo(this.pos + length);
  }

  private readBlockComment(start: SourceLocation): string {
    const from = this.pos;
    this.pos += 2;
    let depth = 1;
    while (depth > 0) {
      if (this.pos >= this.text.length) throw this.error("`#|` block comment never closed by `|#`", start);
      const code = this.next();
      if (code === 124 && this.peek() === 35) {
        this.pos++;
        depth--;
      } else if (code === 35 && this.peek() === 124) {
        this.pos++;
        depth++;
      }
    }
    return this.text.slice(from, this.pos);
  }

  private readChar(start: SourceLocation): Node {
    if (this.pos >= this.text.length) throw this.error("`#\\` at end of input", start);
    const first = String.fromCodePoint(this.text.codePointAt(this.pos)!);
    this.advanceOver(first.length);
    // A delimiter is the character itself, whatever follows: `#\ ` is a space, `#\"result` is `"` then `result`.
    if (/^[\s()";]$/.test(first)) return make.char(first, start);
    const rest = this.readToken();
    if (rest === "") return make.char(first, start);
    const token = first + rest;
    const named = CHAR_CODE_BY_NAME.get(token.toLowerCase());
    if (named !== undefined) return make.char(String.fromCodePoint(named), start);
    let code: number | undefined;
    if (/^x[0-9a-f]+$/i.test(token)) code = parseInt(token.slice(1), 16);
    else if (/^[0-7]+$/.test(token)) code = parseInt(token, 8);
    if (code === undefined || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
      throw this.error(`unknown character name #\\${token}`, start);
    }
    return make.char(String.fromCodePoint(code), start);
  }

  private readExtendedSymbolName(start: SourceLocation): string {
    this.pos += 2;
    let name = "";
    for (;;) {
      if (this.pos >= this.text.length) throw this.error("`#{` symbol never closed by `}#`", start);
      const ch = this.text[this.pos]!;
      if (ch === "}" && this.text[this.pos + 1] === "#") {
        this.pos += 2;
        return name;
      }
      if (ch === "\\") {
        const hex = /^\\x([0-9a-fA-F]+);/.exec(this.text.slice(this.pos, this.pos + 12));
        if (hex) {
          const code = parseInt(hex[1]!, 16);
          if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
            throw this.error(`\\x${hex[1]}; is not a Unicode scalar value`, this.here());
          name += String.fromCodePoint(code);
          this.pos += hex[0].length;
          continue;
        }
        this.pos++;
        if (this.pos >= this.text.length) continue;
      }
      const cp = String.fromCodePoint(this.text.codePointAt(this.pos)!);
      name += cp;
      this.advanceOver(cp.length);
    }
  }

  private readStringBody(start: SourceLocation): string {
    let out = "";
    for (;;) {
      const stop = this.indexOfEither(34, 92);
      if (stop < 0) throw this.error(`string opened at ${start.line}:${start.column} is never closed`);
      out += this.text.slice(this.pos, stop);
      this.advanceTo(stop);
      const code = this.next();
      if (code === 34) return out;
      const escapeAt = this.here(-1);
      const e = this.text[this.pos];
      if (e === undefined) throw this.error(`string opened at ${start.line}:${start.column} is never closed`);
      this.next();
      const simple = ESCAPE[e];
      if (simple !== undefined) out += simple;
      else if (e === "\n") {
        // A backslash before a newline joins the lines (Guile keeps the next line's indentation).
      } else if (e === "x" || e === "u" || e === "U") {
        const width = e === "x" ? 2 : e === "u" ? 4 : 6;
        const digits = this.text.slice(this.pos, this.pos + width);
        if (digits.length !== width || !/^[0-9a-fA-F]+$/.test(digits)) {
          throw this.error(`\\${e} in a string takes exactly ${width} hex digits`, escapeAt);
        }
        const code = parseInt(digits, 16);
        if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
          throw this.error(`\\${e}${digits} is not a character`, escapeAt);
        out += String.fromCodePoint(code);
        this.pos += width;
      } else {
        throw this.error(`unknown string escape \\${e}`, escapeAt);
      }
    }
  }

  private indexOfEither(a: number, b: number): number {
    for (let i = this.pos; i < this.text.length; i++) {
      const code = this.text.charCodeAt(i);
      if (code === a || code === b) return i;
    }
    return -1;
  }

  /** Move to `index`, counting the newlines passed over. */
  private advanceTo(index: number): void {
    let nl = this.text.indexOf("\n", this.pos);
    while (nl >= 0 && nl < index) {
      this.line++;
      this.lineStart = nl + 1;
      nl = this.text.indexOf("\n", nl + 1);
    }
    this.pos = index;
  }
}
