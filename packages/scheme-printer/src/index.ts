/**
 * @guix-ts/scheme-printer: the Scheme data model of Guix files, a reader that
 * keeps comments and blank lines, and a printer that lays code out as
 * `guix style` does.
 */
export type {
  Atom,
  Blank,
  BlankLinesNode,
  BlockCommentNode,
  BooleanNode,
  NilNode,
  BytevectorNode,
  CharNode,
  CommentNode,
  Datum,
  DatumCommentNode,
  Inert,
  IntegerNode,
  KeywordNode,
  ListNode,
  Node,
  NodeKind,
  NodeVisitor,
  PageBreakNode,
  PrefixName,
  PrefixedNode,
  RationalNode,
  RealNode,
  ShebangNode,
  SourceLocation,
  StringNode,
  SymbolNode,
  VectorNode,
} from "./ast/nodes.js";
export { PREFIXES, isBlank, isDatum, isNode } from "./ast/nodes.js";
export {
  blankLines,
  blockComment,
  bool,
  bytevector,
  char,
  comment,
  datumComment,
  dotted,
  gexp,
  int,
  kw,
  list,
  nil,
  pageBreak,
  prefixed,
  quasiquote,
  quote,
  ratio,
  real,
  shebang,
  str,
  sym,
  ungexp,
  ungexpNative,
  ungexpNativeSplicing,
  ungexpSplicing,
  unquote,
  unquoteSplicing,
  vector,
} from "./ast/constructors.js";
export { readDatums, readForms, type ReadOptions } from "./reader/reader.js";
export { SchemeSyntaxError } from "./reader/syntax-error.js";
export { printDatum, type PrintOptions } from "./printer/layout.js";
export { printDatums, printForms, printFormsUtf8 } from "./printer/print.js";
export { formatScheme, formatChunks, formatUtf8 } from "./format.js";
export { formatReal } from "./printer/atoms.js";
