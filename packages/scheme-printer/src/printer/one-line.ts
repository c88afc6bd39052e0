/** Data on one line, as Guile's `write` writes them: vectors, dotted pairs, atoms. */
import { PREFIXES, isBlank, type Datum, type Node, type SymbolNode } from "../ast/nodes.js";
import {
  formatRational,
  formatReal,
  writeChar,
  writeExtendedSymbol,
  writeKeyword,
  writeString,
  writeSymbol,
} from "./atoms.js";

/** `,` then the symbol `@x` would read as `,@` then `x`: such a symbol is written `#{@x}#` (Guix's printer loses it). */
export function readsAsSplicing(sigil: string, datum: Datum): boolean {
  return datum.kind === "symbol" && datum.name.startsWith("@") && /[,$+]$/.test(sigil);
}

/** A datum on one line, as Guile's `write` writes it. */
export function writeOneLine(node: Node): string {
  return (ONE_LINE[node.kind] as (node: Node) => string)(node);
}

const items = (nodes: readonly Node[]): string[] => nodes.filter((n) => !isBlank(n)).map(writeOneLine);

const ONE_LINE: { readonly [K in Node["kind"]]: (node: Extract<Node, { kind: K }>) => string } = {
  symbol: (node) => writeSymbol(node.name),
  keyword: writeKeyword,
  string: (node) => writeString(node.value),
  integer: (node) => node.value.toString(),
  rational: formatRational,
  real: (node) => formatReal(node.value),
  boolean: (node) => (node.value ? "#t" : "#f"),
  char: writeChar,
  list: (node) =>
    `(${[...items(node.items), ...(node.tail === undefined ? [] : [".", writeOneLine(node.tail)])].join(" ")})`,
  vector: (node) => `#(${items(node.items).join(" ")})`,
  bytevector: (node) => `#${node.prefix}(${node.bytes.join(" ")})`,
  prefixed: (node) => {
    const sigil = PREFIXES[node.prefix];
    return (
      sigil +
      (readsAsSplicing(sigil, node.datum)
        ? writeExtendedSymbol((node.datum as SymbolNode).name)
        : writeOneLine(node.datum))
    );
  },
  "datum-comment": (node) => `#;${writeOneLine(node.datum)}`,
  "block-comment": (node) => node.text,
  shebang: (node) => node.text,
  comment: () => "",
  "blank-lines": () => "",
  "page-break": () => "",
};
