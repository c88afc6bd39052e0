/**
 * The escape hatch: Scheme written as text, for what the builders do not
 * cover. The result is a datum, usable anywhere a builder value is.
 */
import * as S from "@guix-ts/scheme-printer";
import type { Datum, Node } from "@guix-ts/scheme-printer";

/** What a `${...}` hole of a `scheme` template takes: a node, or a string, number or boolean. */
export type Hole = Node | string | number | bigint | boolean;

const HOLE = "guix-ts-hole-";

function holeValue(value: Hole): Node {
  if (typeof value === "string") return S.str(value);
  if (typeof value === "boolean") return S.bool(value);
  if (typeof value === "bigint" || (typeof value === "number" && Number.isInteger(value))) return S.int(value);
  if (typeof value === "number") return S.real(value);
  return value;
}

function fill(node: Node, holes: readonly Node[]): Node {
  switch (node.kind) {
    case "symbol":
      return node.name.startsWith(HOLE) ? holes[Number(node.name.slice(HOLE.length))]! : node;
    case "list": {
      const items = node.items.map((n) => fill(n, holes));
      return node.tail === undefined ? S.list(items) : S.dotted(items, fill(node.tail, holes) as Datum);
    }
    case "vector":
      return S.vector(node.items.map((n) => fill(n, holes)));
    case "prefixed":
      return S.prefixed(node.prefix, fill(node.datum, holes) as Datum);
    default:
      return node;
  }
}

/**
 * One datum from Scheme text; `${...}` inserts a node, string, number or boolean.
 * Throws `SchemeSyntaxError` for text that does not read.
 *
 * @example scheme`#~(modify-phases %standard-phases (delete ${S.sym("check")}))`
 */
export function scheme(text: TemplateStringsArray, ...values: Hole[]): Datum {
  const source = text.raw.reduce((out, part, i) => out + (i === 0 ? "" : ` ${HOLE}${i - 1} `) + part, "");
  const data = S.readDatums(source, { file: "scheme`...`" }).filter(S.isDatum);
  if (data.length !== 1) throw new TypeError(`scheme\`...\` takes exactly one datum, got ${data.length}`);
  return fill(data[0]!, values.map(holeValue)) as Datum;
}
