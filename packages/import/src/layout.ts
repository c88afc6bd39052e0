/**
 * The generated TypeScript, laid out as prettier lays it out (print width 120, trailing commas), for
 * the few shapes the importer writes: literals, template literals, arrays, objects, calls, spreads.
 * Prettier itself took 12 s of a 10,000-package import; this takes a fraction, and the tests check
 * it against prettier on the golden corpus and on random packages.
 */

/** The code the importer writes, as a tree. */
export type Ts =
  | { readonly k: "word"; readonly text: string } // an identifier, `undefined`, a number or a boolean
  | { readonly k: "str"; readonly value: string }
  | { readonly k: "tpl"; readonly text: string } // the template literal's source, backquotes included
  | { readonly k: "arr"; readonly items: readonly Ts[] }
  | { readonly k: "obj"; readonly props: readonly (readonly [string, Ts])[] }
  | { readonly k: "call"; readonly callee: string; readonly args: readonly Ts[] }
  | { readonly k: "spread"; readonly of: Ts };

const WIDTH = 120;

/** A string literal as prettier quotes it: double quotes unless the text holds more of them than single ones. */
function stringLiteral(value: string): string {
  const doubles = (value.match(/"/g) ?? []).length;
  const singles = (value.match(/'/g) ?? []).length;
  const json = JSON.stringify(value);
  if (doubles <= singles) return json;
  // Single quotes: the JSON escapes of double quotes undone, single quotes escaped.
  return `'${json.slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

const key = (name: string): string => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : stringLiteral(name));

/** Whether a node holds a line break nothing can undo: a template of several lines, or an array prettier always breaks. */
function hardBreak(node: Ts): boolean {
  switch (node.k) {
    case "tpl":
      return node.text.includes("\n");
    case "arr":
      return conciseBreak(node) || node.items.some(hardBreak);
    case "obj":
      return node.props.some(([, v]) => hardBreak(v));
    case "call":
      return node.args.some(hardBreak);
    case "spread":
      return hardBreak(node.of);
    default:
      return false;
  }
}

/** Prettier breaks an array of two or more objects (or arrays) of more than one entry each, of one kind. */
function conciseBreak(node: Extract<Ts, { k: "arr" }>): boolean {
  const size = (t: Ts): number => (t.k === "obj" ? t.props.length : t.k === "arr" ? t.items.length : 0);
  const kind = node.items[0]?.k;
  return (
    node.items.length > 1 &&
    (kind === "obj" || kind === "arr") &&
    node.items.every((item) => item.k === kind && size(item) > 1)
  );
}

/** The node on one line (a template may still hold newlines: its first line is what counts). */
function flat(node: Ts): string {
  switch (node.k) {
    case "word":
      return node.text;
    case "str":
      return stringLiteral(node.value);
    case "tpl":
      return node.text;
    case "arr":
      return `[${node.items.map(flat).join(", ")}]`;
    case "obj":
      return node.props.length === 0 ? "{}" : `{ ${node.props.map(([k, v]) => `${key(k)}: ${flat(v)}`).join(", ")} }`;
    case "call":
      return `${node.callee}(${node.args.map(flat).join(", ")})`;
    case "spread":
      return `...${flat(node.of)}`;
  }
}

const firstLine = (text: string): number => {
  const at = text.indexOf("\n");
  return at < 0 ? text.length : at;
};

/** Whether `text` fits from column `column` with `rest` more characters after it on its line. */
const fits = (text: string, column: number, rest: number): boolean =>
  column + firstLine(text) + (text.includes("\n") ? 0 : rest) <= WIDTH;

/**
 * The node printed from column `column` (its first line starts there; later lines are indented by
 * `indent`), with `rest` characters following it on its last line.
 *
 * @example layout({ k: "arr", items: [{ k: "str", value: "a" }] }, 0, 0, 1) // '["a"]'
 */
export function layout(node: Ts, indent: number, column: number, rest: number): string {
  if (!hardBreak(node)) {
    const text = flat(node);
    if (fits(text, column, rest)) return text;
  }
  const inner = " ".repeat(indent + 2);
  const close = " ".repeat(indent);
  switch (node.k) {
    case "word":
    case "str":
    case "tpl":
      return flat(node);
    case "spread":
      return `...${layout(node.of, indent, column + 3, rest)}`;
    case "arr":
      return `[\n${node.items.map((item) => `${inner}${layout(item, indent + 2, indent + 2, 1)},\n`).join("")}${close}]`;
    case "obj":
      return `{\n${node.props.map(([k, v]) => `${inner}${property(k, v, indent + 2)},\n`).join("")}${close}}`;
    case "call":
      return call(node, indent, column);
  }
}

/**
 * `key: value`: a value with no place to break before its end (a string, a template, a call of one
 * template) whose first line is too long breaks after the colon, unless the key is short (under 5
 * characters, as prettier has it); anything else breaks inside itself.
 */
function property(name: string, value: Ts, indent: number): string {
  const head = `${key(name)}: `;
  const unbreakable =
    value.k === "str" ||
    value.k === "tpl" ||
    (value.k === "call" && value.args.length === 1 && value.args[0]!.k === "tpl");
  if (unbreakable && key(name).length >= 5 && !fits(flat(value), indent + head.length, 1))
    return `${key(name)}:\n${" ".repeat(indent + 2)}${layout(value, indent + 2, indent + 2, 1)}`;
  return head + layout(value, indent, indent + head.length, 1);
}

/** A call: flat; its last argument expanded (an object or array after simple arguments); or every argument on its line. */
function call(node: Extract<Ts, { k: "call" }>, indent: number, column: number): string {
  const { callee, args } = node;
  const open = `${callee}(`;
  // A single template of several lines stays in its parentheses.
  if (args.length === 1 && args[0]!.k === "tpl" && args[0]!.text.includes("\n")) return `${open}${args[0]!.text})`;
  const last = args.at(-1);
  const before = args.slice(0, -1);
  const expandable =
    last !== undefined &&
    ((last.k === "obj" && last.props.length > 0) || (last.k === "arr" && last.items.length > 0)) &&
    before.at(-1)?.k !== last.k &&
    !before.some(hardBreak);
  if (expandable) {
    const leading = before.map(flat).join(", ");
    const start = `${open}${leading}${leading ? ", " : ""}`;
    const opener = last.k === "obj" ? "{" : "[";
    if (column + start.length + opener.length <= WIDTH) {
      const expanded = expand(last, indent);
      return `${start}${expanded})`;
    }
  }
  const inner = " ".repeat(indent + 2);
  return `${open}\n${args.map((a) => `${inner}${layout(a, indent + 2, indent + 2, 1)},\n`).join("")}${" ".repeat(indent)})`;
}

/** An object or array broken over its lines, whatever its width. */
function expand(node: Extract<Ts, { k: "obj" } | { k: "arr" }>, indent: number): string {
  const inner = " ".repeat(indent + 2);
  if (node.k === "obj")
    return `{\n${node.props.map(([k, v]) => `${inner}${property(k, v, indent + 2)},\n`).join("")}${" ".repeat(indent)}}`;
  return `[\n${node.items.map((item) => `${inner}${layout(item, indent + 2, indent + 2, 1)},\n`).join("")}${" ".repeat(indent)}]`;
}

/**
 * A statement: `PREFIX node;` laid out from column 0 (`export const x = `, `export default `).
 *
 * @example statement("export const hello = ", { k: "call", callee: "pkg", args: [...] })
 */
export function statement(prefix: string, node: Ts): string {
  return `${prefix}${layout(node, 0, prefix.length, 1)};`;
}

/**
 * The import statement of `names` from `module`, broken one name a line when too long.
 *
 * @example importStatement(["pkg", "guixFile"], "@guix-ts/core")
 */
export function importStatement(names: readonly string[], module: string): string {
  const line = `import { ${names.join(", ")} } from ${stringLiteral(module)};`;
  if (line.length <= WIDTH) return line;
  return `import {\n${names.map((n) => `  ${n},\n`).join("")}} from ${stringLiteral(module)};`;
}

/** Flat text of a node, for tests and messages. */
export const flatText = flat;
