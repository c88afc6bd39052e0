/**
 * A `(package ...)` form as builder code: each field read into the builder option it is, or the
 * package is left as Scheme (the reason says which field). Nothing here decides that a conversion
 * is right: the caller lowers the value and compares it with the form.
 */
import * as G from "@guix-ts/core";
import { isDatum, PREFIXES, printDatum, type Datum, type ListNode, type Node } from "@guix-ts/scheme-printer";
import { array, buildCode, callOf, literal, named, object, raw, Untyped, type Code } from "./code.js";

const isList = (n: Node | undefined): n is ListNode => n?.kind === "list" && n.tail === undefined;
const headOf = (n: Node | undefined): string | undefined =>
  isList(n) && n.items[0]?.kind === "symbol" ? n.items[0].name : undefined;
const args = (n: ListNode): Node[] => n.items.slice(1);

/** The form's fields `(NAME VALUE)` in order, and the comment lines standing before each. */
function fieldsOf(
  forms: readonly Node[],
  what: string,
): {
  fields: [string, Node][];
  comments: Record<string, string[]>;
  margins: Record<string, string>;
  inner: Record<string, string[]>;
  blanks: string[];
} {
  const fields: [string, Node][] = [];
  const comments: Record<string, string[]> = {};
  const margins: Record<string, string> = {};
  const inner: Record<string, string[]> = {};
  const blanks: string[] = [];
  let pending: string[] = [];
  let blank = false;
  for (const f of forms) {
    // One blank line before a field (and its comments) is kept; any other is not.
    if (f.kind === "blank-lines") {
      if (blank || pending.length > 0 || f.count !== 1 || fields.length === 0)
        throw new Untyped(`${what}: blank lines where the builders put none`);
      blank = true;
      continue;
    }
    if (f.kind === "comment" && !f.margin) {
      pending.push(f.text);
      continue;
    }
    const previous = fields.at(-1)?.[0];
    if (f.kind === "comment" && previous !== undefined && margins[previous] === undefined && pending.length === 0) {
      margins[previous] = f.text;
      continue;
    }
    // Comment lines between the field's name and its value are kept; any other comment is not.
    const within = isList(f) ? args(f) : [];
    const lines = within.findIndex((n) => isDatum(n));
    const before = within.slice(0, Math.max(lines, 0));
    if (within.slice(lines).some((n) => !isDatum(n)) || before.some((n) => n.kind !== "comment" || n.margin))
      throw new Untyped(`${what}: a comment inside a field`);
    if (before.length > 0) inner[headOf(f)!] = before.map((n) => (n as { text: string }).text);
    const [value, ...more] = within.slice(before.length);
    if (!isList(f) || headOf(f) === undefined || value === undefined || more.length > 0)
      throw new Untyped(
        f.kind === "comment" ? `${what}: a comment after a field` : `${what}: a field that is not (NAME VALUE)`,
      );
    if (pending.length > 0) comments[headOf(f)!] = pending;
    if (blank) blanks.push(headOf(f)!);
    pending = [];
    blank = false;
    fields.push([headOf(f)!, value]);
  }
  if (pending.length > 0 || blank) throw new Untyped(`${what}: a comment or blank line after the last field`);
  return { fields, comments, margins, inner, blanks };
}

/** `marginComments: {...}` when there are any. */
const marginsCode = (margins: Record<string, string>): Code | undefined =>
  Object.keys(margins).length === 0
    ? undefined
    : object(Object.entries(margins).map(([field, line]) => [field, literal(line)] as const));

/** `comments: {...}` when there are any. */
const commentsCode = (comments: Record<string, string[]>): Code | undefined =>
  Object.keys(comments).length === 0
    ? undefined
    : object(Object.entries(comments).map(([field, lines]) => [field, array(lines.map(literal))] as const));

function text(node: Node, what: string): Code<string> {
  if (node.kind !== "string") throw new Untyped(`${what} not a string`);
  return literal(node.value);
}

/** Whether a node is `'("a" "b")`. */
const isQuotedStrings = (node: Node): boolean =>
  node.kind === "prefixed" &&
  node.prefix === "quote" &&
  isList(node.datum) &&
  node.datum.items.every((i) => i.kind === "string");

/** `'("a" "b")` */
function quotedStrings(node: Node, what: string): Code<string[]> {
  if (node.kind !== "prefixed" || node.prefix !== "quote" || !isList(node.datum))
    throw new Untyped(`${what} not '("...")`);
  return array(node.datum.items.map((i) => text(i, what)));
}

/** What a value that is not a call looks like, for a reason: `` `(...) ``, `'(...)`, a symbol. */
function shapeOf(node: Node): string {
  if (node.kind === "prefixed") return `${PREFIXES[node.prefix]}(...)`;
  return node.kind === "symbol" ? "a variable" : node.kind;
}

/** An input: `zlib`, or `(list glib "bin")`; a comment among them. */
function input(node: Node): Code {
  if (node.kind === "comment")
    return callOf("inputComment", G.inputComment, [
      literal(node.text),
      ...(node.margin ? [object([["margin", literal(true)]])] : []),
    ]);
  if (node.kind === "symbol") return callOf("packageVariable", G.packageVariable, [literal(node.name)]);
  if (headOf(node) === "list" && isList(node) && node.items.length === 3 && node.items[1]!.kind === "symbol")
    return array([input(node.items[1]!), text(node.items[2]!, "input output")]);
  // `` `(,glib "bin") ``
  const [ref, output, ...more] =
    node.kind === "prefixed" && node.prefix === "quasiquote" && isList(node.datum) ? node.datum.items : [];
  if (
    ref?.kind === "prefixed" &&
    ref.prefix === "unquote" &&
    ref.datum.kind === "symbol" &&
    output?.kind === "string" &&
    more.length === 0
  )
    return callOf("quasiquotedOutput", G.quasiquotedOutput, [input(ref.datum), literal(output.value)]);
  return raw(node as Datum, `input (${headOf(node) ?? node.kind})`);
}

/** `(cargo-inputs 'NAME)`, or undefined. */
function cargoInputs(node: Node): Code | undefined {
  if (headOf(node) !== "cargo-inputs" || !isList(node) || node.items.length !== 2) return undefined;
  const name = node.items[1]!;
  if (name.kind !== "prefixed" || name.prefix !== "quote" || name.datum.kind !== "symbol") return undefined;
  return callOf("cargoInputs", G.cargoInputs, [literal(name.datum.name)]);
}

/** `` `(("label" ,package ["output"]) ...) ``: inputs of the older style, each with its label. */
function labeledInputs(list: ListNode): Code {
  return array(
    list.items.map((entry) => {
      if (entry.kind === "comment") return input(entry);
      const [label, value, output, ...more] = isList(entry) ? entry.items : [];
      if (
        label?.kind !== "string" ||
        value?.kind !== "prefixed" ||
        value.prefix !== "unquote" ||
        (output !== undefined && output.kind !== "string") ||
        more.length > 0
      )
        throw new Untyped('labeled inputs: an entry not ("label" ,package ["output"])');
      const ref =
        value.datum.kind === "symbol"
          ? callOf("packageVariable", G.packageVariable, [literal(value.datum.name)])
          : raw(value.datum, `labeled input (${headOf(value.datum) ?? value.datum.kind})`);
      return callOf("labeledInput", G.labeledInput, [
        literal(label.value),
        ref,
        ...(output?.kind === "string" ? [literal(output.value)] : []),
      ]);
    }),
  );
}

/** `(list INPUT...)`; a crates list alone; `(cons* INPUT... (cargo-inputs 'NAME))`. */
function inputs(node: Node): Code {
  const crates = cargoInputs(node);
  if (crates !== undefined) return array([crates]);
  if (node.kind === "prefixed" && node.prefix === "quote" && isList(node.datum) && node.datum.items.length === 0)
    return array([]);
  if (node.kind === "prefixed" && node.prefix === "quasiquote" && isList(node.datum) && node.datum.items.length > 0)
    return labeledInputs(node.datum);
  const head = headOf(node);
  if (isList(node) && (head === "cons" || head === "cons*") && node.items.length >= 3) {
    const last = cargoInputs(node.items.at(-1)!);
    if (last !== undefined) return array([...node.items.slice(1, -1).map(input), last]);
  }
  if (head === "list" && isList(node) && node.items.length === 1) throw new Untyped("inputs: (list) of none");
  if (head !== "list" || !isList(node))
    throw new Untyped(`inputs not (list ...): ${head !== undefined ? `(${head} ...)` : shapeOf(node)}`);
  return array(args(node).map(input));
}

/**
 * `license:gpl3+`, `(license:non-copyleft "URI" ["COMMENT"])`, or a list of them, with the file's
 * prefix; `(package-license VARIABLE)`; any other license as Scheme.
 */
function license(node: Node, prefix: string): Code {
  const one = (n: Node): Code | undefined => {
    if (n.kind === "symbol")
      return n.name.startsWith(prefix) && G.isLicenseName(n.name.slice(prefix.length))
        ? literal(n.name.slice(prefix.length))
        : undefined;
    const [procedure, uri, comment, ...more] = isList(n) ? n.items : [];
    const builder =
      procedure?.kind === "symbol"
        ? (
            {
              [`${prefix}non-copyleft`]: ["nonCopyleft", G.nonCopyleft],
              [`${prefix}fsf-free`]: ["fsfFree", G.fsfFree],
            } as const
          )[procedure.name]
        : undefined;
    if (
      builder === undefined ||
      uri?.kind !== "string" ||
      (comment !== undefined && comment.kind !== "string") ||
      more.length > 0
    )
      return undefined;
    return callOf(builder[0], builder[1], [
      literal(uri.value),
      ...(comment?.kind === "string" ? [literal(comment.value)] : []),
    ]);
  };
  if (headOf(node) === "package-license" && isList(node) && node.items.length === 2 && node.items[1]!.kind === "symbol")
    return callOf("packageLicense", G.packageLicense, [literal(node.items[1].name)]);
  const many = headOf(node) === "list" && isList(node) ? args(node).map(one) : undefined;
  if (many !== undefined && many.length > 0 && many.every((c) => c !== undefined)) return array(many as Code[]);
  const single = many === undefined ? one(node) : undefined;
  return single ?? raw(node as Datum, `license (${headOf(node) ?? node.kind})`);
}

/** `'((hidden? . #t) (upstream-name . "x"))`, or quasiquoted as `properties({...}, { quasiquoted: true })`. */
function properties(node: Node): Code {
  const quoting = node.kind === "prefixed" ? node.prefix : undefined;
  const alist: readonly Node[] =
    node.kind === "prefixed" && (quoting === "quote" || quoting === "quasiquote") && isList(node.datum)
      ? node.datum.items
      : [];
  // `(name . value)`, or `(name "a" "b")`: a name and a list of strings.
  const isPair = (pair: Node): boolean =>
    pair.kind === "list" && pair.items.length === 1 && pair.items[0]!.kind === "symbol" && pair.tail !== undefined;
  const isStrings = (entry: Node): boolean =>
    isList(entry) &&
    entry.items.length > 1 &&
    entry.items[0]!.kind === "symbol" &&
    entry.items.slice(1).every((i) => i.kind === "string");
  if (alist.length === 0 || !alist.every((e) => isPair(e) || isStrings(e))) return raw(node as Datum, "properties");
  const entries = object(
    alist.map((item) => {
      const pair = item as ListNode;
      const name = (pair.items[0] as { name: string }).name;
      if (pair.tail === undefined) return [name, array(pair.items.slice(1).map((i) => text(i, "a property")))] as const;
      const value = pair.tail;
      const code =
        value.kind === "string"
          ? literal(value.value)
          : value.kind === "boolean"
            ? literal(value.value)
            : value.kind === "integer" && Number.isSafeInteger(Number(value.value))
              ? literal(Number(value.value))
              : raw(value, "a property value");
      return [name, code] as const;
    }),
  );
  return quoting === "quote"
    ? entries
    : callOf("properties", G.properties, [entries, object([["quasiquoted", literal(true)]])]);
}

/** A keyword argument's value: a literal, a list of strings, a package, phases, flags, build-side code, or Scheme. */
function argument(node: Node, style: ArgumentStyle, keyword: string): Code {
  if (node.kind === "boolean" || node.kind === "string") return literal(node.value);
  if (node.kind === "integer" && Number.isSafeInteger(Number(node.value))) return literal(Number(node.value));
  const typed =
    keyword === "phases"
      ? phases(node)
      : keyword.endsWith("flags")
        ? flags(node, keyword)
        : keyword === "modules" || keyword === "imported-modules"
          ? buildModules(node)
          : undefined;
  if (typed !== undefined) return typed;
  // A package: its variable, unquoted where the arguments are quasiquoted.
  const variable =
    style === "modern"
      ? node
      : style === "quasiquoted" && node.kind === "prefixed" && node.prefix === "unquote"
        ? node.datum
        : undefined;
  if (variable?.kind === "symbol" && /^[a-z]/.test(variable.name))
    return callOf("packageVariable", G.packageVariable, [literal(variable.name)]);
  if (isQuotedStrings(node)) return quotedStrings(node, "argument");
  // Any other G-expression is code for the build side.
  if (node.kind === "prefixed" && node.prefix === "gexp")
    return flags(node, keyword) ?? buildCode(node as Datum, `#:${keyword}`);
  return raw(node as Datum, `#:${keyword}`);
}

type ArgumentStyle = "modern" | "quoted" | "quasiquoted";

/** The form inside `#~FORM`, `'FORM` or `` `FORM ``, and how it was staged. */
function unstaged(node: Node): [Node, G.Quoting] {
  if (node.kind === "prefixed" && (node.prefix === "gexp" || node.prefix === "quote" || node.prefix === "quasiquote"))
    return [node.datum, node.prefix];
  return [node, "none"];
}

/** `{ quoting: ... }` unless it is the default, `#~`. */
const quotingOption = (quoting: G.Quoting): [string, Code | undefined] => [
  "quoting",
  quoting === "gexp" ? undefined : literal(quoting),
];

/** A quoted symbol's name (a phase's, `'check` is "check"; Bioconductor's `'annotation`). */
function quotedSymbol(node: Node | undefined): string | undefined {
  return node?.kind === "prefixed" && node.prefix === "quote" && node.datum.kind === "symbol"
    ? node.datum.name
    : undefined;
}

/** `#~(modify-phases %standard-phases CLAUSE...)` as `modifyPhases([...])`; undefined for other phases. */
function phases(node: Node): Code | undefined {
  const [form, quoting] = unstaged(node);
  if (headOf(form) !== "modify-phases" || !isList(form) || form.items.length < 2) return undefined;
  const [, base, ...clauses] = form.items;
  if (clauses.some((c) => c.kind === "blank-lines")) return undefined;
  const codes: Code[] = [];
  for (const c of clauses) {
    const previous = codes.at(-1);
    if (c.kind === "comment" && c.margin) {
      // The comment after a clause on its line: `[clause, ";comment"]`.
      if (previous === undefined || Array.isArray(previous.value) || typeof previous.value === "string")
        return undefined;
      codes[codes.length - 1] = array([previous, literal(c.text)]);
    } else codes.push(phaseClause(c));
  }
  const options = object([
    [
      "base",
      base?.kind === "symbol" && base.name === "%standard-phases"
        ? undefined
        : base?.kind === "symbol"
          ? literal(base.name)
          : buildCode(base as Datum, "#:phases base"),
    ],
    quotingOption(quoting),
  ]);
  const args = [array(codes), ...(Object.keys(options.value).length > 0 ? [options] : [])];
  return callOf("modifyPhases", G.modifyPhases, args);
}

/** A clause of `modify-phases`: a comment line, `deletePhase(...)`, `addAfter(...)`..., or Scheme. */
function phaseClause(c: Node): Code {
  if (c.kind === "comment") return literal(c.text);
  const all = isList(c) ? c.items : [];
  // Comment lines just before a phase's code are kept with it: `{ comments: [...] }`.
  const codeAt = all.length - 1;
  let notesAt = codeAt;
  while (notesAt > 0 && all[notesAt - 1]!.kind === "comment" && !(all[notesAt - 1] as { margin: boolean }).margin)
    notesAt--;
  const notes = all.slice(notesAt, codeAt).map((n) => (n as { text: string }).text);
  const items = [...all.slice(0, notesAt), ...all.slice(codeAt)];
  const [head, first, second, code, ...more] = items;
  const what = headOf(c);
  const options = notes.length > 0 ? [object([["comments", array(notes.map(literal))]])] : [];
  if (!items.every(isDatum)) return raw(c as Datum, "#:phases clause (comments)");
  if (what === "delete" && quotedSymbol(first) !== undefined && second === undefined && notes.length === 0)
    return callOf("deletePhase", G.deletePhase, [literal(quotedSymbol(first)!)]);
  if (what === "replace" && quotedSymbol(first) !== undefined && second !== undefined && code === undefined)
    return callOf("replacePhase", G.replacePhase, [
      literal(quotedSymbol(first)!),
      buildCode(second as Datum, "a phase"),
      ...options,
    ]);
  if (
    (what === "add-after" || what === "add-before") &&
    quotedSymbol(first) !== undefined &&
    quotedSymbol(second) !== undefined &&
    code !== undefined &&
    more.length === 0
  ) {
    const [name, fn] =
      what === "add-after" ? (["addAfter", G.addAfter] as const) : (["addBefore", G.addBefore] as const);
    return callOf(name, fn, [
      literal(quotedSymbol(first)!),
      literal(quotedSymbol(second)!),
      buildCode(code as Datum, "a phase"),
      ...options,
    ]);
  }
  return raw(c as Datum, `#:phases clause (${head?.kind === "symbol" ? head.name : c.kind})`);
}

/** `'((guix build utils) ((guix build gnu-build-system) #:prefix gnu:))` as `buildModules([...])`; undefined for others. */
function buildModules(node: Node): Code | undefined {
  const [form, quoting] = unstaged(node);
  if (!isList(form) || quoting === "gexp") return undefined;
  const symbols = (n: Node | undefined): string[] | undefined =>
    isList(n) && n.items.length > 0 && n.items.every((p) => p.kind === "symbol")
      ? n.items.map((p) => (p as { name: string }).name)
      : undefined;
  const specs = form.items.map((item): Code | undefined => {
    const name = symbols(item);
    if (name !== undefined) return array(name.map(literal));
    if (item.kind === "prefixed" && item.prefix === "unquote-splicing" && item.datum.kind === "symbol")
      return object([["splice", literal(item.datum.name)]]);
    const [module, option, value, ...more] = isList(item) ? item.items : [];
    const parts = symbols(module);
    if (parts === undefined || option?.kind !== "keyword" || more.length > 0) return undefined;
    if (option.name === "prefix" && value?.kind === "symbol")
      return object([
        ["module", array(parts.map(literal))],
        ["prefix", literal(value.name)],
      ]);
    const selected = symbols(value);
    if (option.name === "select" && selected !== undefined)
      return object([
        ["module", array(parts.map(literal))],
        ["select", array(selected.map(literal))],
      ]);
    return undefined;
  });
  if (specs.some((s) => s === undefined)) return undefined;
  const options = object([["quoting", quoting === "quote" ? undefined : literal(quoting)]]);
  return callOf("buildModules", G.buildModules, [array(specs as Code[]), ...(quoting === "quote" ? [] : [options])]);
}

/** `#~(list "--flag" CODE...)` (or a plain `(list ...)`) as `flags([...])`; undefined for other values. */
function flags(node: Node, keyword: string): Code | undefined {
  const [form, quoting] = unstaged(node);
  // Quoted, `(list ...)` is data, not a call: not flags.
  if (quoting === "quote" || quoting === "quasiquote") return undefined;
  if (headOf(form) !== "list" || !isList(form) || !args(form).every(isDatum)) return undefined;
  const items = args(form).map((i): Code =>
    i.kind === "string" ? literal(i.value) : buildCode(i as Datum, `#:${keyword}`),
  );
  const options = object([quotingOption(quoting)]);
  return callOf("flags", G.flags, [array(items), ...(quoting === "gexp" ? [] : [options])]);
}

/** `(build-system X-build-system)` and its `(arguments ...)`. */
function buildSystem(variable: Node, argumentsNode: Node | undefined): Code {
  const match = variable.kind === "symbol" ? /^(.+)-build-system(\/.+)?$/.exec(variable.name) : null;
  if (match === null) throw new Untyped("build-system not NAME-build-system");
  const call: Code[] = [literal(match[1]!), keywordOptions(argumentsNode), object([])];
  if (match[2] !== undefined) call.push(literal(variable.kind === "symbol" ? variable.name : ""));
  return callOf("buildSystem", G.buildSystem, call);
}

/** `(arguments (list #:KEYWORD VALUE ...))` (or quoted) as the options of a build system: style, `extra`, comments. */
function keywordOptions(argumentsNode: Node | undefined): Code {
  const pairs: (readonly [string, Code])[] = [];
  const comments: Record<string, string[]> = {};
  const margins: Record<string, string> = {};
  const inner: Record<string, string[]> = {};
  const blanks: string[] = [];
  let style: ArgumentStyle = "modern";
  if (argumentsNode !== undefined) {
    let items: readonly Node[];
    if (headOf(argumentsNode) === "list" && isList(argumentsNode)) items = args(argumentsNode);
    else if (
      argumentsNode.kind === "prefixed" &&
      (argumentsNode.prefix === "quote" || argumentsNode.prefix === "quasiquote") &&
      isList(argumentsNode.datum)
    ) {
      style = argumentsNode.prefix === "quote" ? "quoted" : "quasiquoted";
      items = argumentsNode.datum.items;
    } else throw new Untyped(`arguments not (list ...), '(...) or \`(...): (${headOf(argumentsNode) ?? "?"} ...)`);
    let pending: string[] = [];
    let blank = false;
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      if (item.kind === "blank-lines") {
        if (blank || pending.length > 0 || item.count !== 1 || pairs.length === 0)
          throw new Untyped("arguments: blank lines where the builders put none");
        blank = true;
        continue;
      }
      if (item.kind === "comment") {
        const last = pairs.at(-1)?.[0];
        if (item.margin && last !== undefined && margins[last] === undefined && pending.length === 0)
          margins[last] = item.text;
        else if (!item.margin) pending.push(item.text);
        else throw new Untyped("arguments: a comment where the builders put none");
        continue;
      }
      // Comment lines between the keyword and its value are kept with it.
      let at = i + 1;
      const notes: string[] = [];
      for (; items[at]?.kind === "comment" && !(items[at] as { margin: boolean }).margin; at++)
        notes.push((items[at] as { text: string }).text);
      const value = items[at];
      if (item.kind !== "keyword" || value === undefined || value.kind === "comment" || value.kind === "blank-lines")
        throw new Untyped("arguments: not #:KEYWORD VALUE");
      if (pending.length > 0) comments[item.name] = pending;
      if (notes.length > 0) inner[item.name] = notes;
      if (blank) blanks.push(item.name);
      pending = [];
      blank = false;
      pairs.push([item.name, argument(value, style, item.name)]);
      i = at;
    }
    if (pending.length > 0 || blank) throw new Untyped("arguments: a comment or blank line after the last argument");
  }
  return object([
    ["style", style !== "modern" ? literal(style) : undefined],
    ["extra", pairs.length > 0 ? object(pairs) : undefined],
    ["comments", commentsCode(comments)],
    ["marginComments", marginsCode(margins)],
    ["innerComments", commentsCode(inner)],
    ["blankLinesBefore", blanks.length > 0 ? array(blanks.map(literal)) : undefined],
  ]);
}

/** `(origin (method url-fetch|git-fetch) (uri ...) (sha256 (base32 "...")) ...)` */
function origin(node: Node): Code {
  if (headOf(node) !== "origin" || !isList(node)) throw new Untyped("source not (origin ...) or #f");
  const read = fieldsOf(args(node), "origin");
  const fields = new Map(read.fields);
  // `(inherit (package-source x))`: every other field optional, each overriding the parent's.
  const parent = fields.get("inherit");
  const method = fields.get("method");
  const method_ = method?.kind === "symbol" ? method.name : "";
  const other = OTHER_METHODS[method_];
  if (
    method_ !== "url-fetch" &&
    method_ !== "git-fetch" &&
    other === undefined &&
    !(parent !== undefined && method === undefined)
  )
    throw new Untyped(`origin method ${method_ || "?"}`);
  const known = new Set([
    "inherit",
    "method",
    "uri",
    "file-name",
    "sha256",
    "patches",
    "patch-flags",
    "modules",
    "snippet",
  ]);
  for (const name of fields.keys()) if (!known.has(name)) throw new Untyped(`origin field ${name}`);
  const hash = fields.get("sha256");
  if (
    !(hash === undefined && parent !== undefined) &&
    (headOf(hash) !== "base32" || !isList(hash) || hash.items[1]?.kind !== "string")
  )
    throw new Untyped('origin sha256 not (base32 "...")');
  const uri = fields.get("uri");
  if (uri === undefined && parent === undefined) throw new Untyped("origin without uri");
  const common: (readonly [string, Code | undefined])[] = [
    ["sha256", isList(hash) && hash.items[1]?.kind === "string" ? literal(hash.items[1].value) : undefined],
    ["fileName", fields.has("file-name") ? textOrRaw(fields.get("file-name")!, "origin file-name") : undefined],
    ["patches", fields.has("patches") ? patches(fields.get("patches")!) : undefined],
    ["patchFlags", fields.has("patch-flags") ? quotedStrings(fields.get("patch-flags")!, "patch-flags") : undefined],
    ["modules", fields.has("modules") ? modules(fields.get("modules")!) : undefined],
    ["snippet", fields.has("snippet") ? buildCode(fields.get("snippet")! as Datum, "origin snippet") : undefined],
  ];
  const layout = layoutOf(read, parent === undefined ? ORIGIN_ORDER : ["inherit", ...ORIGIN_ORDER]);
  if (parent !== undefined) {
    const source = printDatum(parent).match(/^\(package-source ([^\s()]+)\)$/);
    const uriCode =
      uri === undefined
        ? undefined
        : headOf(uri) === "git-reference"
          ? callOf("gitReference", G.gitReference, [object(gitReference(uri))])
          : urlOf(uri)[1];
    return callOf("inheritOrigin", G.inheritOrigin, [
      source !== null
        ? callOf("packageSource", G.packageSource, [literal(source[1]!)])
        : raw(parent as Datum, "origin inherit"),
      object([
        [
          "method",
          method === undefined
            ? undefined
            : method_ === "git-fetch"
              ? named("gitFetchMethod", G.gitFetchMethod)
              : named("urlFetchMethod", G.urlFetchMethod),
        ],
        ["uri", uriCode],
        ...common,
        ...layout,
      ]),
    ]);
  }
  if (other !== undefined) {
    // Another method (hg-fetch, svn-fetch, url-fetch/tarbomb...): `origin({ method, uri })`, its reference as Scheme.
    const methodCode = object([
      ["name", literal(method_)],
      ["module", array(other.map(literal))],
    ]);
    const uriCode =
      uri!.kind === "string"
        ? literal(uri!.value)
        : (computed(uri!) ?? raw(uri as Datum, `origin uri (${headOf(uri!) ?? uri!.kind})`));
    return callOf("origin", G.origin, [object([["method", methodCode], ["uri", uriCode], ...common, ...layout])]);
  }
  if (method_ === "git-fetch")
    return callOf("gitFetch", G.gitFetch, [object([...gitReference(uri!), ...common, ...layout])]);
  return callOf("urlFetch", G.urlFetch, [object([urlOf(uri!), ...common, ...layout])]);
}

/** The fetch methods besides url-fetch and git-fetch, and the modules that export them. */
const OTHER_METHODS: Readonly<Record<string, readonly string[]>> = {
  "url-fetch/tarbomb": ["guix", "download"],
  "url-fetch/zipbomb": ["guix", "download"],
  "git-fetch/lfs": ["guix", "git-download"],
  "hg-fetch": ["guix", "hg-download"],
  "svn-fetch": ["guix", "svn-download"],
  "svn-multi-fetch": ["guix", "svn-download"],
  "bzr-fetch": ["guix", "bzr-download"],
  "cvs-fetch": ["guix", "cvs-download"],
};

/** A url-fetch origin's `uri`: text, several URLs, or computed. */
function urlOf(uri: Node): readonly [string, Code] {
  return uri.kind === "string"
    ? ["url", literal(uri.value)]
    : headOf(uri) === "list" && isList(uri) && args(uri).every((u) => u.kind === "string")
      ? ["urls", array(args(uri).map((u) => text(u, "uri")))]
      : ["url", computedUri(uri)];
}

/** `(git-reference (url ...) (commit ...) (recursive? #t))` as the options of `gitFetch` / `gitReference`. */
function gitReference(uri: Node): (readonly [string, Code | undefined])[] {
  if (headOf(uri) !== "git-reference" || !isList(uri)) throw new Untyped("git-fetch uri not (git-reference ...)");
  const refRead = fieldsOf(args(uri), "git-reference");
  if (
    Object.keys({ ...refRead.comments, ...refRead.margins, ...refRead.inner }).length > 0 ||
    refRead.blanks.length > 0
  )
    throw new Untyped("git-reference: comments inside");
  const ref = new Map(refRead.fields);
  for (const name of ref.keys())
    if (!["url", "commit", "recursive?"].includes(name)) throw new Untyped(`git-reference field ${name}`);
  const refOrder = refRead.fields.map(([name]) => name);
  if (refOrder.join(" ") !== ["url", "commit", "recursive?"].filter((f) => ref.has(f)).join(" "))
    throw new Untyped("git-reference fields in another order");
  const recursive = ref.get("recursive?");
  if (recursive !== undefined && (recursive.kind !== "boolean" || !recursive.value))
    throw new Untyped("git-reference recursive? not #t");
  const url = ref.get("url");
  const commit = ref.get("commit");
  return [
    [
      "url",
      url?.kind === "symbol" && url.name === "home-page"
        ? named("packageHomePage", G.packageHomePage)
        : text(url ?? { kind: "symbol", name: "?" }, "git url"),
    ],
    [
      "commit",
      commit === undefined
        ? undefined
        : commit.kind === "symbol" && commit.name !== "version"
          ? callOf("boundVariable", G.boundVariable, [literal(commit.name)])
          : textOrRaw(commit, "git commit"),
    ],
    ["recursive", recursive === undefined ? undefined : literal(true)],
  ];
}

const VERSION: Code = named("packageVersion", G.packageVersion);
const NAME: Code = named("packageName", G.packageName);
const GIT_FILE_NAME: Code = named("gitFileName", G.gitFileName);

/** Procedures of a project's name and version giving its source's URL, by Scheme name. */
const URI_PROCEDURES: Readonly<Record<string, readonly [string, (...args: never[]) => unknown]>> = {
  "pypi-uri": ["pypiUri", G.pypiUri],
  "crate-uri": ["crateUri", G.crateUri],
  "cran-uri": ["cranUri", G.cranUri],
  "bioconductor-uri": ["bioconductorUri", G.bioconductorUri],
  "hackage-uri": ["hackageUri", G.hackageUri],
  "rubygems-uri": ["rubygemsUri", G.rubygemsUri],
  "hexpm-uri": ["hexpmUri", G.hexpmUri],
};

/** Procedures of the version, by Scheme name. */
const VERSION_PROCEDURES: Readonly<Record<string, readonly [string, (...args: never[]) => unknown]>> = {
  "version-major+minor": ["versionMajorMinor", G.versionMajorMinor],
  "version-major": ["versionMajor", G.versionMajor],
  "version-major+minor+point": ["versionMajorMinorPoint", G.versionMajorMinorPoint],
  "version-with-underscores": ["versionWithUnderscores", G.versionWithUnderscores],
  "go-version->git-ref": ["goVersionToGitRef", G.goVersionToGitRef],
};

/**
 * A value computed from the package's name and version with the typed expressions: text, `version`,
 * `name`, `(string-append ...)`, `(pypi-uri "x" version)` and the like, `(version-major+minor version)`;
 * undefined for any other code.
 */
function computed(node: Node): Code | undefined {
  if (node.kind === "string") return literal(node.value);
  // Any other variable is one the code around binds (a `let` binding, a definition of the module).
  if (node.kind === "symbol")
    return node.name === "version"
      ? VERSION
      : node.name === "name"
        ? NAME
        : callOf("boundVariable", G.boundVariable, [literal(node.name)]);
  if (!isList(node) || !args(node).every(isDatum)) return undefined;
  const head = headOf(node) ?? "";
  const parts = args(node);
  if (head === "string-append") {
    const codes = parts.map(computed);
    return codes.every((c) => c !== undefined) ? callOf("concat", G.concat, codes) : undefined;
  }
  if (printDatum(node) === "(git-file-name name version)") return GIT_FILE_NAME;
  if (head === "git-file-name" && parts.length === 2) {
    const codes = parts.map(computed);
    return codes.every((c) => c !== undefined) ? callOf("gitFileNameOf", G.gitFileNameOf, codes) : undefined;
  }
  const uri = URI_PROCEDURES[head];
  if (uri !== undefined && parts[0]?.kind === "string" && parts.length >= 2) {
    const rest = parts
      .slice(1)
      .map((p) => (quotedSymbol(p) !== undefined ? quotedCode(quotedSymbol(p)!) : computed(p)));
    if (rest.some((c) => c === undefined)) return undefined;
    const version = rest.length === 1 && rest[0] === VERSION ? [] : rest;
    if (["pypi-uri", "crate-uri"].includes(head) && rest.length > 1) return undefined;
    return callOf(uri[0], uri[1], [literal(parts[0].value), ...(version as Code[])]);
  }
  const procedure = VERSION_PROCEDURES[head];
  if (procedure !== undefined && parts.length === 1) {
    const version = computed(parts[0]!);
    if (version === undefined) return undefined;
    return callOf(procedure[0], procedure[1], version === VERSION ? [] : [version]);
  }
  return undefined;
}

/**
 * A version: text, `(git-version "0.1" revision commit)` as `gitVersion("0.1")`, another package's
 * `(package-version p)`, or computed.
 */
function version(node: Node): Code {
  const [, base, revision, commit, ...more] = isList(node) ? node.items : [];
  const part = (n: Node | undefined): Code | undefined =>
    n?.kind === "string"
      ? literal(n.value)
      : n?.kind === "symbol"
        ? callOf("boundVariable", G.boundVariable, [literal(n.name)])
        : undefined;
  if (headOf(node) === "git-version" && base?.kind === "string" && more.length === 0) {
    const rest = [part(revision), part(commit)];
    if (rest.every((c) => c !== undefined)) {
      const usual =
        revision?.kind === "symbol" &&
        revision.name === "revision" &&
        commit?.kind === "symbol" &&
        commit.name === "commit";
      return callOf("gitVersion", G.gitVersion, [literal(base.value), ...(usual ? [] : (rest as Code[]))]);
    }
  }
  if (headOf(node) === "package-version" && base?.kind === "symbol" && revision === undefined)
    return callOf("versionOf", G.versionOf, [literal(base.name)]);
  if (node.kind === "string") return literal(node.value);
  const value = computed(node);
  if (value === undefined) throw new Untyped(`version not a string: (${headOf(node) ?? node.kind} ...)`);
  return value;
}

/** `'NAME` as `quoted("NAME")`. */
const quotedCode = (name: string): Code => callOf("quoted", G.quoted, [literal(name)]);

/** A value the typed expressions compute ({@link computed}), or Scheme. */
function textOrRaw(node: Node, part: string): Code {
  return computed(node) ?? raw(node as Datum, `${part} (${headOf(node) ?? node.kind})`);
}

/** A source's URL: `concat(...)`, `pypiUri(...)` and the like, or Scheme. */
function computedUri(uri: Node): Code {
  return (
    computed(uri) ?? callOf("expression", G.expression, [raw(uri as Datum, `origin uri (${headOf(uri) ?? uri.kind})`)])
  );
}

/** `(search-patches "a.patch" ...)` */
function patches(node: Node): Code {
  if (headOf(node) !== "search-patches" || !isList(node)) throw new Untyped("patches not (search-patches ...)");
  return callOf(
    "searchPatches",
    G.searchPatches,
    args(node).map((p) => text(p, "patch")),
  );
}

/** `'((guix build utils))` */
function modules(node: Node): Code {
  if (node.kind !== "prefixed" || node.prefix !== "quote" || !isList(node.datum))
    throw new Untyped("modules not '(...)");
  return array(
    node.datum.items.map((m) => {
      if (!isList(m) || !m.items.every((p) => p.kind === "symbol")) throw new Untyped("modules: not a module name");
      return array(m.items.map((p) => literal((p as { name: string }).name)));
    }),
  );
}

/** The orders the lowering writes fields in: an imported order equal to it is not written out. */
const PACKAGE_ORDER = [
  "name",
  "version",
  "source",
  "outputs",
  "build-system",
  "arguments",
  "native-inputs",
  "inputs",
  "propagated-inputs",
  "native-search-paths",
  "search-paths",
  "synopsis",
  "description",
  "home-page",
  "license",
  "properties",
  "supported-systems",
];
const ORIGIN_ORDER = ["method", "uri", "file-name", "sha256", "patches", "patch-flags", "modules", "snippet"];

/** `order: [...]`, unless the fields are in the lowering's own order. */
function orderOf(fields: readonly string[], usual: readonly string[]): Code | undefined {
  const expected = usual.filter((f) => fields.includes(f));
  return expected.join(" ") === fields.join(" ") ? undefined : array(fields.map(literal));
}

type Entry = readonly [string, Code | undefined];

/** The fields a package says of itself, those the form has: synopsis, description, home page, license, properties. */
function about(get: ReadonlyMap<string, Node>, licensePrefix: string): Entry[] {
  const field = (name: string, read: (node: Node) => Code): Code | undefined => {
    const node = get.get(name);
    return node === undefined ? undefined : read(node);
  };
  return [
    ["synopsis", field("synopsis", (n) => text(n, "synopsis"))],
    ["description", field("description", (n) => text(n, "description"))],
    ["homePage", field("home-page", (n) => text(n, "home-page"))],
    ["license", field("license", (n) => license(n, licensePrefix))],
    ["properties", field("properties", properties)],
  ];
}

/** Comments before, after and inside fields, and the fields' order unless it is the usual one. */
function layoutOf(read: ReturnType<typeof fieldsOf>, usual: readonly string[]): Entry[] {
  return [
    ["comments", commentsCode(read.comments)],
    ["marginComments", marginsCode(read.margins)],
    ["innerComments", commentsCode(read.inner)],
    ["blankLinesBefore", read.blanks.length > 0 ? array(read.blanks.map(literal)) : undefined],
    [
      "order",
      orderOf(
        read.fields.map(([name]) => name),
        usual,
      ),
    ],
  ];
}

/** `'("x86_64-linux" ...)`, or Scheme (`%64bit-supported-systems`). */
function supportedSystems(node: Node): Code {
  if (isQuotedStrings(node)) return quotedStrings(node, "supported-systems");
  return raw(node as Datum, `supported-systems (${headOf(node) ?? node.kind})`);
}

/** `(list $SSL_CERT_DIR (search-path-specification (variable "X") (files '("a"))) ...)` */
function searchPaths(node: Node): Code {
  if (headOf(node) !== "list" || !isList(node))
    return raw(node as Datum, `search paths (${headOf(node) ?? node.kind})`);
  return array(
    args(node).map((item): Code => {
      const predefined = item.kind === "symbol" && item.name.startsWith("$") ? item.name.slice(1) : undefined;
      if (predefined !== undefined && (G.PREDEFINED_SEARCH_PATHS as readonly string[]).includes(predefined))
        return callOf("predefinedSearchPath", G.predefinedSearchPath, [
          literal(predefined as G.PredefinedSearchPath["variable"]),
        ]);
      if (headOf(item) !== "search-path-specification" || !isList(item))
        return raw(item as Datum, `search path (${headOf(item) ?? item.kind})`);
      const read = fieldsOf(args(item), "search-path-specification");
      const { fields } = read;
      const get = new Map(fields);
      const usual = ["variable", "files", "separator", "file-type", "file-pattern"];
      if (
        orderOf(
          fields.map(([name]) => name),
          usual,
        ) !== undefined ||
        Object.keys({ ...read.comments, ...read.margins, ...read.inner }).length > 0 ||
        read.blanks.length > 0
      )
        throw new Untyped("search-path-specification: fields in another order, or comments");
      const separator = get.get("separator");
      const fileType = get.get("file-type");
      if (fields.some(([name]) => !usual.includes(name))) throw new Untyped("search-path-specification: another field");
      if (
        fileType !== undefined &&
        !(fileType.kind === "prefixed" && fileType.prefix === "quote" && fileType.datum.kind === "symbol")
      )
        throw new Untyped("search-path-specification: file-type not 'SYMBOL");
      return callOf("searchPath", G.searchPath, [
        object([
          ["variable", text(get.get("variable") ?? ({ kind: "symbol", name: "?" } as Node), "search path variable")],
          ["files", quotedStrings(get.get("files") ?? ({ kind: "symbol", name: "?" } as Node), "search path files")],
          [
            "separator",
            separator === undefined
              ? undefined
              : separator.kind === "boolean" && !separator.value
                ? { ts: { k: "word", text: "null" }, value: null, uses: [] }
                : text(separator, "search path separator"),
          ],
          [
            "fileType",
            fileType?.kind === "prefixed" && fileType.datum.kind === "symbol"
              ? literal(fileType.datum.name)
              : undefined,
          ],
          [
            "filePattern",
            get.has("file-pattern") ? text(get.get("file-pattern")!, "search path file-pattern") : undefined,
          ],
        ]),
      ]);
    }),
  );
}

const PACKAGE_FIELDS = new Set([
  "native-search-paths",
  "search-paths",
  "supported-systems",
  "name",
  "version",
  "source",
  "build-system",
  "arguments",
  "inputs",
  "native-inputs",
  "propagated-inputs",
  "outputs",
  "synopsis",
  "description",
  "home-page",
  "license",
  "properties",
]);

/**
 * The builder code of a `(package ...)` form. Throws {@link Untyped}, saying why, for a form the
 * builders cannot write.
 *
 * @example packageCode(readDatums('(package (name "x") ...)')[0], "license:")
 */
export function packageCode(form: Node, licensePrefix: string, bindings?: Code): Code<G.Package | G.PackageVariant> {
  // `(let ((commit "...") (revision "1")) (package ...))`: the package with its bindings.
  if (headOf(form) === "let" && isList(form) && bindings === undefined) {
    const [, variables, body, ...more] = form.items;
    if (body === undefined || more.length > 0 || !isList(variables) || !form.items.every(isDatum))
      throw new Untyped("let: not (let (BINDING...) (package ...))");
    const pairs = variables.items.map((b) => {
      const [name, value, ...rest] = isList(b) ? b.items : [];
      if (name?.kind !== "symbol" || value === undefined || rest.length > 0 || !isDatum(value))
        throw new Untyped("let: a binding not (VARIABLE VALUE)");
      return array<unknown>([literal(name.name), computed(value) ?? raw(value as Datum, "a let binding")]);
    });
    return packageCode(body, licensePrefix, array(pairs));
  }
  if (headOf(form) === "package/inherit" && isList(form) && form.items.length >= 2)
    return variantCode(form.items[1]!, args(form).slice(1), "package/inherit", licensePrefix, bindings);
  if (headOf(form) !== "package" || !isList(form)) throw new Untyped("not (package ...)");
  const first = args(form).find(isDatum);
  if (headOf(first) === "inherit" && isList(first) && first.items.length === 2)
    return variantCode(first.items[1]!, args(form), "inherit", licensePrefix, bindings);
  const read = fieldsOf(args(form), "package");
  const { fields } = read;
  for (const [name] of fields) if (!PACKAGE_FIELDS.has(name)) throw new Untyped(`package field ${name}`);
  const get = new Map(fields);
  for (const required of [
    "name",
    "version",
    "source",
    "build-system",
    "synopsis",
    "description",
    "home-page",
    "license",
  ])
    if (!get.has(required)) throw new Untyped(`package without ${required}`);
  const source = get.get("source")!;
  const options = object([
    ["name", text(get.get("name")!, "name")],
    ["version", version(get.get("version")!)],
    ["bindings", bindings],
    [
      "source",
      source.kind === "boolean" && !source.value
        ? { ts: { k: "word", text: "undefined" }, value: undefined, uses: [] }
        : origin(source),
    ],
    ["buildSystem", buildSystem(get.get("build-system")!, get.get("arguments"))],
    ["nativeInputs", get.has("native-inputs") ? inputs(get.get("native-inputs")!) : undefined],
    ["inputs", get.has("inputs") ? inputs(get.get("inputs")!) : undefined],
    ["propagatedInputs", get.has("propagated-inputs") ? inputs(get.get("propagated-inputs")!) : undefined],
    ["outputs", get.has("outputs") ? quotedStrings(get.get("outputs")!, "outputs") : undefined],
    ["nativeSearchPaths", get.has("native-search-paths") ? searchPaths(get.get("native-search-paths")!) : undefined],
    ["searchPaths", get.has("search-paths") ? searchPaths(get.get("search-paths")!) : undefined],
    ["supportedSystems", get.has("supported-systems") ? supportedSystems(get.get("supported-systems")!) : undefined],
    ...about(get, licensePrefix),
    ...layoutOf(read, PACKAGE_ORDER),
  ]);
  return callOf("pkg", G.pkg, [options]) as Code<G.Package>;
}

/** The variant fields' usual order when lowered: an imported order equal to it is not written out. */
const VARIANT_ORDER = ["inherit", "name", "version", "replacement", ...PACKAGE_ORDER.slice(2)];

const ACCESSORS: Readonly<Record<string, string>> = {
  "native-inputs": "package-native-inputs",
  inputs: "package-inputs",
  "propagated-inputs": "package-propagated-inputs",
};

/** `(modify-inputs (package-inputs PARENT) CLAUSE...)` over this parent, or a list of inputs. */
function variantInputs(node: Node, field: string, parent: Node): Code {
  if (headOf(node) !== "modify-inputs" || !isList(node)) return inputs(node);
  const [accessor, ...clauses] = args(node);
  if (
    headOf(accessor) !== ACCESSORS[field] ||
    !isList(accessor) ||
    accessor.items.length !== 2 ||
    printDatum(accessor.items[1]!) !== printDatum(parent)
  )
    throw new Untyped(`modify-inputs not over the parent's ${field}`);
  return callOf(
    "modifyInputs",
    G.modifyInputs,
    clauses.map((c) => {
      if (!isList(c)) throw new Untyped("modify-inputs: a clause that is not a list");
      const [what, ...rest] = args(c).length >= 0 ? [headOf(c), ...args(c)] : [];
      switch (what) {
        case "delete":
          return callOf(
            "deleteInputs",
            G.deleteInputs,
            rest.map((n) => text(n, "modify-inputs delete")),
          );
        case "prepend":
          return callOf("prepend", G.prepend, rest.map(input));
        case "append":
          return callOf("append", G.append, rest.map(input));
        case "replace":
          if (rest.length !== 2) throw new Untyped("modify-inputs replace: not NAME INPUT");
          return callOf("replaceInput", G.replaceInput, [text(rest[0]!, "modify-inputs replace"), input(rest[1]!)]);
        default:
          throw new Untyped(`modify-inputs clause ${what ?? "?"}`);
      }
    }),
  );
}

/** `(substitute-keyword-arguments (package-arguments PARENT) ((#:KEYWORD VARIABLE [DEFAULT]) VALUE)...)` */
function substitutions(node: Node, parent: Node): Code {
  const [accessor, ...clauses] = isList(node) ? args(node) : [];
  if (
    headOf(node) !== "substitute-keyword-arguments" ||
    headOf(accessor) !== "package-arguments" ||
    !isList(accessor) ||
    accessor.items.length !== 2 ||
    printDatum(accessor.items[1]!) !== printDatum(parent)
  )
    throw new Untyped("variant arguments not substitute-keyword-arguments over the parent's");
  return callOf(
    "substituteKeywordArguments",
    G.substituteKeywordArguments,
    clauses.map((clause) => {
      const [spec, value, ...more] = isList(clause) ? clause.items : [];
      const [keyword, variable, fallback, ...rest] = isList(spec) ? spec.items : [];
      if (
        keyword?.kind !== "keyword" ||
        variable?.kind !== "symbol" ||
        value === undefined ||
        more.length > 0 ||
        rest.length > 0 ||
        !isDatum(value) ||
        (fallback !== undefined && !isDatum(fallback))
      )
        throw new Untyped("substitute-keyword-arguments: a clause not ((#:KEYWORD VARIABLE [DEFAULT]) VALUE)");
      const options = object([
        ["variable", variable.name === "_" ? undefined : literal(variable.name)],
        ["default", fallback === undefined ? undefined : argument(fallback, "modern", keyword.name)],
      ]);
      return callOf("keywordSubstitution", G.keywordSubstitution, [
        literal(keyword.name),
        argument(value, "modern", keyword.name),
        ...(Object.keys(options.value).length > 0 ? [options] : []),
      ]);
    }),
  );
}

/** `(package (inherit PARENT) FIELD...)` or `(package/inherit PARENT FIELD...)` as `inherit(...)` / `packageInherit(...)`. */
function variantCode(
  parent: Node,
  forms: readonly Node[],
  style: "inherit" | "package/inherit",
  licensePrefix: string,
  bindings: Code | undefined,
): Code<G.PackageVariant> {
  const read = fieldsOf(forms, "package");
  const { fields } = read;
  const get = new Map(fields);
  const known = new Set([...PACKAGE_FIELDS, "inherit", "replacement"]);
  for (const [name] of fields) if (!known.has(name)) throw new Untyped(`variant field ${name}`);
  const parentCode =
    parent.kind === "symbol"
      ? callOf("packageVariable", G.packageVariable, [literal(parent.name)])
      : raw(parent as Datum, "variant parent");
  const arguments_ = get.get("arguments");
  const buildSystemNode = get.get("build-system");
  const replacement = get.get("replacement");
  const source = get.get("source");
  const options = object([
    ["name", get.has("name") ? text(get.get("name")!, "name") : undefined],
    ["version", get.has("version") ? version(get.get("version")!) : undefined],
    ["bindings", bindings],
    [
      "replacement",
      replacement === undefined
        ? undefined
        : replacement.kind === "boolean" && !replacement.value
          ? literal(false)
          : input(replacement),
    ],
    [
      "source",
      source === undefined
        ? undefined
        : headOf(source) === "origin"
          ? tryOrRaw(() => origin(source), source, "variant source")
          : raw(source as Datum, "variant source"),
    ],
    ["outputs", get.has("outputs") ? quotedStrings(get.get("outputs")!, "outputs") : undefined],
    ["buildSystem", buildSystemNode !== undefined ? buildSystem(buildSystemNode, arguments_) : undefined],
    [
      "arguments",
      buildSystemNode === undefined && arguments_ !== undefined
        ? tryOrRaw(
            () =>
              headOf(arguments_) === "substitute-keyword-arguments"
                ? substitutions(arguments_, parent)
                : callOf("keywordArguments", G.keywordArguments, [keywordOptions(arguments_)]),
            arguments_,
            "variant arguments",
          )
        : undefined,
    ],
    [
      "nativeInputs",
      get.has("native-inputs") ? variantInputs(get.get("native-inputs")!, "native-inputs", parent) : undefined,
    ],
    ["inputs", get.has("inputs") ? variantInputs(get.get("inputs")!, "inputs", parent) : undefined],
    [
      "propagatedInputs",
      get.has("propagated-inputs")
        ? variantInputs(get.get("propagated-inputs")!, "propagated-inputs", parent)
        : undefined,
    ],
    ["nativeSearchPaths", get.has("native-search-paths") ? searchPaths(get.get("native-search-paths")!) : undefined],
    ["searchPaths", get.has("search-paths") ? searchPaths(get.get("search-paths")!) : undefined],
    ["supportedSystems", get.has("supported-systems") ? supportedSystems(get.get("supported-systems")!) : undefined],
    ...about(get, licensePrefix),
    ...layoutOf(read, style === "inherit" ? VARIANT_ORDER : VARIANT_ORDER.slice(1)),
  ]);
  return style === "inherit"
    ? callOf("inherit", G.inherit, [parentCode, options])
    : callOf("packageInherit", G.packageInherit, [parentCode, options]);
}

/** The typed form, or the Scheme when the builders cannot type it. */
function tryOrRaw(make: () => Code, node: Node, part: string): Code {
  try {
    return make();
  } catch (error) {
    if (error instanceof Untyped) return raw(node as Datum, part);
    throw error;
  }
}
