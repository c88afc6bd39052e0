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

/** The text of an atom, or the parts of a compound datum: what opens it, its children, what closes it. */
type Shape = string | { readonly open: string; readonly children: readonly Node[]; readonly close: string };

function shape(node: Node): Shape {
  switch (node.kind) {
    case "list":
      return node.tail === undefined
        ? { open: "(", children: node.items, close: ")" }
        : { open: "(", children: [...node.items, DOT, node.tail], close: ")" };
    case "vector":
      return { open: "#(", children: node.items, close: ")" };
    case "prefixed": {
      const sigil = PREFIXES[node.prefix];
      if (readsAsSplicing(sigil, node.datum)) return sigil + writeExtendedSymbol((node.datum as SymbolNode).name);
      return { open: sigil, children: [node.datum], close: "" };
    }
    case "datum-comment":
      return { open: "#;", children: [node.datum], close: "" };
    default:
      return (ATOM[node.kind] as (node: Node) => string)(node);
  }
}

// Stands for the dot of a dotted list among a list's children.
const DOT: Node = Object.freeze({ kind: "symbol", name: "." }) as Node;

/**
 * A datum on one line, as Guile's `write` writes it. Compound data are walked with a stack of
 * their own, so depth costs memory, not call stack.
 */
export function writeOneLine(node: Node): string {
  const top = shape(node);
  if (typeof top === "string") return top;
  let out = top.open;
  const stack: { children: readonly Node[]; next: number; close: string; wrote: boolean }[] = [
    { children: top.children, next: 0, close: top.close, wrote: false },
  ];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.next === frame.children.length) {
      out += frame.close;
      stack.pop();
      continue;
    }
    const child = frame.children[frame.next++]!;
    if (isBlank(child)) continue;
    if (frame.wrote && frame.close !== "") out += " ";
    frame.wrote = true;
    if (child === DOT) {
      out += ".";
      continue;
    }
    const inner = shape(child);
    if (typeof inner === "string") out += inner;
    else {
      out += inner.open;
      stack.push({ children: inner.children, next: 0, close: inner.close, wrote: false });
    }
  }
  return out;
}

type Atom = Exclude<Node["kind"], "list" | "vector" | "prefixed" | "datum-comment">;

const ATOM: { readonly [K in Atom]: (node: Extract<Node, { kind: K }>) => string } = {
  symbol: (node) => writeSymbol(node.name),
  keyword: writeKeyword,
  string: (node) => writeString(node.value),
  integer: (node) => node.value.toString(),
  rational: formatRational,
  real: (node) => formatReal(node.value),
  boolean: (node) => (node.value ? "#t" : "#f"),
  nil: () => "#nil",
  char: writeChar,
  bytevector: (node) => `#${node.prefix}(${node.bytes.join(" ")})`,
  "block-comment": (node) => node.text,
  shebang: (node) => node.text,
  comment: () => "",
  "blank-lines": () => "",
  "page-break": () => "",
};
