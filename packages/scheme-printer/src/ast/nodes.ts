/**
 * The Scheme data model: every datum kind found in Guix code, plus comments,
 * blank lines and page breaks as values, so that a file read and printed
 * again keeps them. Every node is a frozen plain object tagged by `kind`.
 */

/** Where a node started in its source text: 1-based line and column. */
export interface SourceLocation {
  readonly line: number;
  readonly column: number;
}

interface NodeBase {
  /** Set on nodes the reader makes; undefined on nodes built in code. */
  readonly loc?: SourceLocation | undefined;
}

// ---------------------------------------------------------------------------
// Atoms

export interface SymbolNode extends NodeBase {
  readonly kind: "symbol";
  readonly name: string;
}
export interface KeywordNode extends NodeBase {
  readonly kind: "keyword";
  /** The name without `#:`. */
  readonly name: string;
}
export interface StringNode extends NodeBase {
  readonly kind: "string";
  readonly value: string;
}
export interface IntegerNode extends NodeBase {
  readonly kind: "integer";
  readonly value: bigint;
}
/** An exact non-integer ratio, kept in lowest terms with a positive denominator above 1. */
export interface RationalNode extends NodeBase {
  readonly kind: "rational";
  readonly numerator: bigint;
  readonly denominator: bigint;
}
export interface RealNode extends NodeBase {
  readonly kind: "real";
  readonly value: number;
}
export interface BooleanNode extends NodeBase {
  readonly kind: "boolean";
  readonly value: boolean;
}
/** Guile's `#nil`, the nil of Emacs Lisp: neither `#f` nor `()` to `eq?`. */
export interface NilNode extends NodeBase {
  readonly kind: "nil";
}
export interface CharNode extends NodeBase {
  readonly kind: "char";
  /** One Unicode scalar value. */
  readonly value: string;
}

// ---------------------------------------------------------------------------
// Compound data

export interface ListNode extends NodeBase {
  readonly kind: "list";
  /** Data and the blanks (comments, blank lines, page breaks) between them. */
  readonly items: readonly Node[];
  /** The datum after the dot of an improper list. */
  readonly tail?: Datum;
}
export interface VectorNode extends NodeBase {
  readonly kind: "vector";
  readonly items: readonly Node[];
}
/** `#vu8(...)`, `#u8(...)`: the prefix is kept because Guile writes each back as read. */
export interface BytevectorNode extends NodeBase {
  readonly kind: "bytevector";
  readonly prefix: "vu8" | "u8";
  readonly bytes: readonly number[];
}

/**
 * The reader abbreviations and the list each one stands for.
 *
 * @example PREFIXES.gexp // "#~"
 */
export const PREFIXES = {
  quote: "'",
  quasiquote: "`",
  unquote: ",",
  "unquote-splicing": ",@",
  gexp: "#~",
  ungexp: "#$",
  "ungexp-splicing": "#$@",
  "ungexp-native": "#+",
  "ungexp-native-splicing": "#+@",
  syntax: "#'",
  quasisyntax: "#`",
  unsyntax: "#,",
  "unsyntax-splicing": "#,@",
} as const;
export type PrefixName = keyof typeof PREFIXES;

/** `'x`, `` `x ``, `,x`, `#~x`, ...: the list `(quote x)` etc. written with its abbreviation. */
export interface PrefixedNode extends NodeBase {
  readonly kind: "prefixed";
  readonly prefix: PrefixName;
  readonly datum: Datum;
}

// ---------------------------------------------------------------------------
// Blanks and other text that is not data

/** A `;` comment. `text` is the whole line from the first semicolon, without the newline. */
export interface CommentNode extends NodeBase {
  readonly kind: "comment";
  readonly text: string;
  /** A margin comment follows code on its line; a line comment stands alone. */
  readonly margin: boolean;
}
/** One or more empty lines. */
export interface BlankLinesNode extends NodeBase {
  readonly kind: "blank-lines";
  readonly count: number;
}
/** A form feed on a line of its own. */
export interface PageBreakNode extends NodeBase {
  readonly kind: "page-break";
}
/** `#| ... |#`, kept verbatim (Guix's formatter drops it; guix-ts keeps it). */
export interface BlockCommentNode extends NodeBase {
  readonly kind: "block-comment";
  /** The whole text, `#|` and `|#` included. */
  readonly text: string;
}
/** `#;DATUM`: a datum commented out. */
export interface DatumCommentNode extends NodeBase {
  readonly kind: "datum-comment";
  readonly datum: Datum;
}
/** A `#!...!#` header (a script's interpreter line), kept verbatim. */
export interface ShebangNode extends NodeBase {
  readonly kind: "shebang";
  readonly text: string;
}

export type Atom =
  SymbolNode | KeywordNode | StringNode | IntegerNode | RationalNode | RealNode | BooleanNode | NilNode | CharNode;
export type Datum = Atom | ListNode | VectorNode | BytevectorNode | PrefixedNode;
/** What the layout treats as space between data: Guix's `<blank>` records. */
export type Blank = CommentNode | BlankLinesNode | PageBreakNode;
/** Text that reads as nothing but that guix-ts keeps where it stood. */
export type Inert = BlockCommentNode | DatumCommentNode | ShebangNode;
export type Node = Datum | Blank | Inert;
export type NodeKind = Node["kind"];

/** A handler for every kind: a missing kind is a compile error. */
export type NodeVisitor<R> = { readonly [K in NodeKind]: (node: Extract<Node, { kind: K }>) => R };

// Every kind once; typed so that a kind missing here is a compile error.
const NODE_KINDS: Readonly<Record<NodeKind, true>> = {
  symbol: true,
  keyword: true,
  string: true,
  integer: true,
  rational: true,
  real: true,
  boolean: true,
  nil: true,
  char: true,
  list: true,
  vector: true,
  bytevector: true,
  prefixed: true,
  comment: true,
  "blank-lines": true,
  "page-break": true,
  "block-comment": true,
  "datum-comment": true,
  shebang: true,
};

/**
 * Whether `value` is a Scheme node (of any kind).
 *
 * @example isNode(sym("x")) // true; isNode({ kind: "package" }) // false
 */
export function isNode(value: unknown): value is Node {
  if (typeof value !== "object" || value === null || !("kind" in value)) return false;
  return Object.hasOwn(NODE_KINDS, (value as { kind: string }).kind);
}

/**
 * Whether a node is layout, not data: a comment, blank lines or a page break.
 *
 * @example isBlank(blankLines()) // true; isBlank(sym("x")) // false
 */
export function isBlank(node: Node): node is Blank {
  return node.kind === "comment" || node.kind === "blank-lines" || node.kind === "page-break";
}

/**
 * Whether a node is data Guile reads (not layout, not a comment).
 *
 * @example readDatums(text).filter(isDatum)
 */
export function isDatum(node: Node): node is Datum {
  return !isBlank(node) && node.kind !== "block-comment" && node.kind !== "datum-comment" && node.kind !== "shebang";
}
