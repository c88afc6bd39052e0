/**
 * The reader: Scheme text to nodes, keeping comments, blank lines and page
 * breaks where they stand, as Guix's `read-with-comments` does
 * (guix/read-print.scm), so that margin and line comments and blank lines
 * come out where Guix's formatter puts them. It also keeps what Guix drops:
 * `#| |#`, `#;` and `#! !#`.
 */
import * as make from "../ast/constructors.js";
import type { Datum, Node, PrefixName, SourceLocation } from "../ast/nodes.js";
import { PREFIXES, isBlank } from "../ast/nodes.js";
import { CHAR_CODE_BY_NAME } from "../rules/char-names.js";
import { isWhitespace } from "../rules/unicode.js";
import { UNSUPPORTED_NUMBER, parseNumber } from "./numbers.js";
import { SchemeSyntaxError } from "./syntax-error.js";

/** How text is read: the file name errors give. */
export interface ReadOptions {
  /** The file name used in error messages. */
  readonly file?: string;
}

/**
 * Read every top-level form, comment, blank line and page break of `text`.
 *
 * @example readDatums("(define x 1) ; one", { file: "x.scm" }) // [list, comment]
 */
export function readDatums(text: string, options: ReadOptions = {}): Node[] {
  // A leading byte-order mark is not text: Guile skips it.
  return new Reader(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, options.file).readTopLevel();
}

const CLOSE = Symbol("close");
const DOT = Symbol("dot");
const EOF = Symbol("eof");
type Item = Node | typeof CLOSE | typeof DOT | typeof EOF;

const NEWLINE = 10;
const PAGE = 12;
const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

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
};
// Only tokens starting so can be numbers (or `#` syntax).
const NUMBER_START = /^[-+.0-9#]/;
const DIRECTIVES =
  /^(?:fold-case|no-fold-case|r6rs|curly-infix|curly-infix-and-bracket-lists|eof|default|optional|key|rest)\b/;

function isDelimiter(code: number): boolean {
  return (
    code === OPEN_PAREN ||
    code === CLOSE_PAREN ||
    code === OPEN_BRACKET ||
    code === CLOSE_BRACKET ||
    code === 34 ||
    code === 59 ||
    isWhitespace(code)
  );
}

class Reader {
  private pos = 0;
  private line = 1;
  private lineStart = 0;

  constructor(
    private readonly text: string,
    private readonly file: string | undefined,
  ) {}

  readTopLevel(): Node[] {
    const out: Node[] = [];
    let blankLine = true;
    for (;;) {
      const item = this.readItem(blankLine);
      if (item === EOF) return out;
      if (item === CLOSE) throw this.error("unexpected `)` at top level", this.here(-1));
      if (item === DOT) throw this.error("unexpected `.` at top level", this.here(-1));
      out.push(item);
      blankLine = isBlank(item);
    }
  }

  private here(offset = 0): SourceLocation {
    return Object.freeze({ line: this.line, column: this.pos + offset - this.lineStart + 1 });
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
      if (this.pos >= this.text.length) return EOF;
      const code = this.next();
      if (code === 32) continue;
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
        return this.readList(code, this.here(-1));
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

  private readList(open: number, start: SourceLocation): Node {
    const items: Node[] = [];
    let dotAt = -1;
    let dotLoc: SourceLocation | undefined;
    for (;;) {
      const last = items[items.length - 1];
      const itemStart = this.here();
      const item = this.readItem(last !== undefined && isBlank(last));
      if (item === EOF) {
        const closer = open === OPEN_PAREN ? ")" : "]";
        throw this.error(
          `unbalanced parenthesis: \`${String.fromCharCode(open)}\` opened at ${start.line}:${start.column} is never closed (missing \`${closer}\`)`,
        );
      }
      if (item === CLOSE) {
        const close = this.text.charCodeAt(this.pos - 1);
        if ((open === OPEN_PAREN) !== (close === CLOSE_PAREN)) {
          throw this.error(
            `mismatched \`${String.fromCharCode(close)}\` closes \`${String.fromCharCode(open)}\` opened at ${start.line}:${start.column}`,
            this.here(-1),
          );
        }
        return dotAt < 0 ? make.list(items, start) : this.dottedList(items, dotAt, dotLoc!, start);
      }
      if (item === DOT) {
        if (dotAt >= 0) throw this.error("a second `.` in one list", itemStart);
        dotAt = items.length;
        dotLoc = this.here(-1);
        continue;
      }
      items.push(item);
    }
  }

  private dottedList(items: Node[], dotAt: number, dotLoc: SourceLocation, start: SourceLocation): Node {
    const before = items.slice(0, dotAt);
    const after = items.slice(dotAt);
    const data = after.filter(
      (n): n is Datum =>
        !isBlank(n) && n.kind !== "block-comment" && n.kind !== "datum-comment" && n.kind !== "shebang",
    );
    if (!before.some((n) => !isBlank(n))) throw this.error("nothing before `.` in a dotted list", dotLoc);
    if (data.length !== 1) throw this.error(`expected one datum after \`.\`, found ${data.length}`, dotLoc);
    // Comments around the tail move before the dot, where they can be written.
    return make.dotted([...before, ...after.filter((n) => n !== data[0])], data[0]!, start);
  }

  /** After a prefix such as `'`: the datum, with any comments before it moved out of the way. */
  private readPrefixed(prefix: PrefixName, start: SourceLocation): Node {
    const datum = this.readRequiredDatum(`\`${PREFIXES[prefix]}\``, start);
    return make.prefixed(prefix, datum, start);
  }

  private readRequiredDatum(after: string, start: SourceLocation): Datum {
    for (;;) {
      const item = this.readItem(false);
      if (item === EOF || item === CLOSE || item === DOT) {
        throw this.error(`expected a datum after ${after} at ${start.line}:${start.column}`);
      }
      if (isBlank(item)) {
        if (item.kind === "comment") {
          throw this.error(
            `a comment between ${after} at ${start.line}:${start.column} and its datum cannot be kept; move it`,
            item.loc,
          );
        }
        continue;
      }
      if (item.kind === "block-comment" || item.kind === "datum-comment" || item.kind === "shebang") {
        throw this.error(
          `a comment between ${after} at ${start.line}:${start.column} and its datum cannot be kept; move it`,
          item.loc,
        );
      }
      return item;
    }
  }

  private readDatumOrInert(start: SourceLocation): Node | typeof DOT {
    const c = this.text[this.pos]!;
    if (c === '"') {
      this.pos++;
      return make.str(this.readStringBody(start), start);
    }
    const simple = SIMPLE_PREFIX[c];
    if (simple !== undefined) {
      this.pos++;
      return this.readPrefixed(simple, start);
    }
    if (c === ",") {
      this.pos++;
      if (this.peek() === 64) {
        this.pos++;
        return this.readPrefixed("unquote-splicing", start);
      }
      return this.readPrefixed("unquote", start);
    }
    if (c === "#") return this.readHash(start);
    const token = this.readToken();
    if (token === ".") return DOT;
    return this.atom(token, start);
  }

  private readToken(): string {
    const from = this.pos;
    while (this.pos < this.text.length && !isDelimiter(this.peek())) this.pos++;
    return this.text.slice(from, this.pos);
  }

  private atom(token: string, start: SourceLocation): Datum {
    if (!NUMBER_START.test(token)) return make.sym(token, start);
    const number = parseNumber(token, start);
    if (number === UNSUPPORTED_NUMBER) throw this.error(`complex numbers are not supported: ${token}`, start);
    if (number !== null) return number;
    if (token.startsWith("#")) throw this.error(`unknown # syntax ${token}`, start);
    return make.sym(token, start);
  }

  private readHash(start: SourceLocation): Node {
    const c = this.text[this.pos + 1];
    const two = this.text.slice(this.pos, this.pos + 3);
    if (two === "#$@" || two === "#+@" || two === "#,@") {
      this.pos += 3;
      return this.readPrefixed(
        two === "#$@" ? "ungexp-splicing" : two === "#+@" ? "ungexp-native-splicing" : "unsyntax-splicing",
        start,
      );
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
      return this.readPrefixed(prefix, start);
    }
    switch (c) {
      case "(": {
        this.pos += 2;
        const list = this.readList(OPEN_PAREN, start);
        if (list.kind !== "list" || list.tail !== undefined) throw this.error("a vector cannot be dotted", start);
        return make.vector(list.items, start);
      }
      case "\\":
        this.pos += 2;
        return this.readChar(start);
      case ":": {
        this.pos += 2;
        const name = this.peek() === 35 && this.peek(1) === 123 ? this.readExtendedSymbolName(start) : this.readToken();
        return make.kw(name, start);
      }
      case "{":
        return make.sym(this.readExtendedSymbolName(start), start);
      case "|":
        return make.blockComment(this.readBlockComment(start), start);
      case ";": {
        this.pos += 2;
        return make.datumComment(this.readRequiredDatum("`#;`", start), start);
      }
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
      if (m) return this.readBytevector(m[1] as "vu8" | "u8", start);
    }
    const token = this.readToken();
    const lower = token.toLowerCase();
    if (lower === "#t" || lower === "#true") return make.bool(true, start);
    if (lower === "#f" || lower === "#false") return make.bool(false, start);
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

  private readBytevector(prefix: "vu8" | "u8", start: SourceLocation): Node {
    this.pos += prefix.length + 2;
    const list = this.readList(OPEN_PAREN, start);
    const bytes: number[] = [];
    for (const item of list.kind === "list" ? list.items : []) {
      if (isBlank(item)) continue;
      if (item.kind !== "integer" || item.value < 0n || item.value > 255n)
        throw this.error(`#${prefix}( takes integers 0 to 255`, item.loc ?? start);
      bytes.push(Number(item.value));
    }
    return make.bytevector(bytes, prefix, start);
  }

  private readChar(start: SourceLocation): Node {
    if (this.pos >= this.text.length) throw this.error("`#\\` at end of input", start);
    const first = String.fromCodePoint(this.text.codePointAt(this.pos)!);
    this.advanceOver(first.length);
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
          name += String.fromCodePoint(parseInt(hex[1]!, 16));
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
