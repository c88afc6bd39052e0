/**
 * The escape hatch: Scheme written as text, for what the builders do not cover. The result is a
 * datum, usable anywhere a builder value is. Each `${...}` hole stands for a datum of its own; it
 * is read as a placeholder symbol no text can spell (a random name per call), then replaced. A hole
 * that does not stand as a datum (inside a string, a comment, a `#{ }#` symbol, glued to other text)
 * is refused with a clear error: its placeholder never reaches the output.
 */
import { randomBytes } from "node:crypto";
import * as S from "@guix-ts/scheme-printer";
import type { Datum, Node } from "@guix-ts/scheme-printer";

/** What a `${...}` hole of a `scheme` template takes: a node, or a string, number or boolean. */
export type Hole = Node | string | number | bigint | boolean;

function holeValue(value: Hole, n: number): Node {
  if (typeof value === "string") return S.str(value);
  if (typeof value === "boolean") return S.bool(value);
  if (typeof value === "bigint" || (typeof value === "number" && Number.isSafeInteger(value))) return S.int(value);
  if (typeof value === "number" && Number.isFinite(value)) return S.real(value);
  if (S.isNode(value)) return value;
  throw new TypeError(`scheme\`...\`: hole ${n} holds ${typeof value}, not a node, string, number or boolean`);
}

// What may stand just before a hole (the start, space, an opening parenthesis, a reader prefix) and after it.
const BEFORE = /(?:^|[\s([]|['`]|,@?|#[~$+'`,]@?)$/;
const AFTER = /^(?:$|[\s)\]])/;

/** Replace each placeholder symbol by its value, counting the replacements of each hole. */
function fill(root: Node, placeholder: RegExp, holes: readonly Node[], used: number[]): Node {
  const replace = (node: Node): Node => {
    switch (node.kind) {
      case "symbol": {
        const m = placeholder.exec(node.name);
        if (m === null) return node;
        const i = Number(m[1]);
        used[i]!++;
        return holes[i]!;
      }
      case "list": {
        const items = node.items.map(replace);
        return node.tail === undefined ? S.list(items) : S.dotted(items, replace(node.tail) as Datum);
      }
      case "vector":
        return S.vector(node.items.map(replace));
      case "prefixed":
        return S.prefixed(node.prefix, replace(node.datum) as Datum);
      case "datum-comment":
        return S.datumComment(replace(node.datum) as Datum);
      default:
        return node;
    }
  };
  return replace(root);
}

/**
 * One datum from Scheme text; `${...}` inserts a node, string, number or boolean where a datum may
 * stand. Throws `SchemeSyntaxError` for text that does not read, and a TypeError naming the hole for
 * a hole placed where no datum can be (`"${x}"`, `; ${x}`, `#:${x}`, `a${x}`).
 *
 * @example scheme`#~(modify-phases %standard-phases (delete ${S.sym("check")}))`
 */
export function scheme(text: TemplateStringsArray, ...values: Hole[]): Datum {
  const parts = text.raw;
  for (let i = 0; i < values.length; i++) {
    if (!BEFORE.test(parts[i]!) || !AFTER.test(parts[i + 1]!))
      throw new TypeError(
        `scheme\`...\`: hole ${i} (\${...} after ${JSON.stringify(parts[i]!.slice(-12))}) does not stand as a datum of its own; put it between spaces or parentheses, or build the text with string-append`,
      );
  }
  const nonce = randomBytes(8).toString("hex");
  const source = parts.reduce((out, part, i) => out + (i === 0 ? "" : `guix-ts-hole-${nonce}-${i - 1}`) + part, "");
  const data = S.readDatums(source, { file: "scheme`...`" }).filter(S.isDatum);
  if (data.length !== 1) throw new TypeError(`scheme\`...\` takes exactly one datum, got ${data.length}`);
  const used = values.map(() => 0);
  const filled = fill(data[0]!, new RegExp(`^guix-ts-hole-${nonce}-(\\d+)$`), values.map(holeValue), used);
  const lost = used.findIndex((count) => count !== 1);
  if (lost >= 0)
    throw new TypeError(
      `scheme\`...\`: hole ${lost} stands inside a string, a comment or a #{ }# symbol, where no value can be put; build the text with string-append`,
    );
  return filled as Datum;
}

/**
 * One datum from Scheme text given as a string (no holes): what generated code uses, where a
 * template's raw text would keep the escapes of its backquotes.
 *
 * @example schemeOf("`(#:tests? #f)") // a quasiquoted list
 */
export function schemeOf(text: string): Datum {
  const data = S.readDatums(text, { file: "schemeOf" }).filter(S.isDatum);
  if (data.length !== 1) throw new TypeError(`schemeOf takes exactly one datum, got ${data.length}`);
  return data[0]!;
}

/**
 * Every top-level form of Scheme text, comments and blank lines too: part of a file kept as it was.
 *
 * @example guixFile([...schemeForms("(define-module (my packages))\n\n;; Tools.\n"), definePackage("x", x)])
 */
export function schemeForms(text: string): Node[] {
  return S.readDatums(text, { file: "schemeForms" });
}
