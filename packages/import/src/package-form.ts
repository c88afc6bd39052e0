/**
 * A `(package ...)` form as builder code: each field read into the builder option it is, or the
 * package is left as Scheme (the reason says which field). Nothing here decides that a conversion
 * is right: the caller lowers the value and compares it with the form.
 */
import * as G from "@guix-ts/core";
import { isDatum, printDatum, type Datum, type ListNode, type Node } from "@guix-ts/scheme-printer";
import { array, callOf, literal, named, object, raw, Untyped, type Code } from "./code.js";

const isList = (n: Node | undefined): n is ListNode => n?.kind === "list" && n.tail === undefined;
const headOf = (n: Node | undefined): string | undefined =>
  isList(n) && n.items[0]?.kind === "symbol" ? n.items[0].name : undefined;
const args = (n: ListNode): Node[] => n.items.slice(1);

/** The form's fields `(NAME VALUE)` in order, and the comment lines standing before each. */
function fieldsOf(
  forms: readonly Node[],
  what: string,
): { fields: [string, Node][]; comments: Record<string, string[]>; margins: Record<string, string> } {
  const fields: [string, Node][] = [];
  const comments: Record<string, string[]> = {};
  const margins: Record<string, string> = {};
  let pending: string[] = [];
  for (const f of forms) {
    if (f.kind === "comment" && !f.margin) {
      pending.push(f.text);
      continue;
    }
    const previous = fields.at(-1)?.[0];
    if (f.kind === "comment" && previous !== undefined && margins[previous] === undefined && pending.length === 0) {
      margins[previous] = f.text;
      continue;
    }
    if (isList(f) && args(f).some((n) => !isDatum(n))) throw new Untyped(`${what}: a comment inside a field`);
    const [value, ...more] = isList(f) ? args(f) : [];
    if (!isList(f) || headOf(f) === undefined || value === undefined || more.length > 0)
      throw new Untyped(
        f.kind === "comment" ? `${what}: a comment after a field` : `${what}: a field that is not (NAME VALUE)`,
      );
    if (pending.length > 0) comments[headOf(f)!] = pending;
    pending = [];
    fields.push([headOf(f)!, value]);
  }
  if (pending.length > 0) throw new Untyped(`${what}: a comment after the last field`);
  return { fields, comments, margins };
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

/** `'("a" "b")` */
function quotedStrings(node: Node, what: string): Code<string[]> {
  if (node.kind !== "prefixed" || node.prefix !== "quote" || !isList(node.datum))
    throw new Untyped(`${what} not '("...")`);
  return array(node.datum.items.map((i) => text(i, what)));
}

/** An input: `zlib`, or `(list glib "bin")`. */
function input(node: Node): Code {
  if (node.kind === "symbol") return callOf("packageVariable", G.packageVariable, [literal(node.name)]);
  if (headOf(node) === "list" && isList(node) && node.items.length === 3 && node.items[1]!.kind === "symbol")
    return array([input(node.items[1]!), text(node.items[2]!, "input output")]);
  return raw(node as Datum, `input (${headOf(node) ?? node.kind})`);
}

/** `(cargo-inputs 'NAME)`, or undefined. */
function cargoInputs(node: Node): Code | undefined {
  if (headOf(node) !== "cargo-inputs" || !isList(node) || node.items.length !== 2) return undefined;
  const name = node.items[1]!;
  if (name.kind !== "prefixed" || name.prefix !== "quote" || name.datum.kind !== "symbol") return undefined;
  return callOf("cargoInputs", G.cargoInputs, [literal(name.datum.name)]);
}

/** `(list INPUT...)`; a crates list alone; `(cons* INPUT... (cargo-inputs 'NAME))`. */
function inputs(node: Node): Code {
  const crates = cargoInputs(node);
  if (crates !== undefined) return array([crates]);
  const head = headOf(node);
  if (isList(node) && (head === "cons" || head === "cons*") && node.items.length >= 3) {
    const last = cargoInputs(node.items.at(-1)!);
    if (last !== undefined) return array([...node.items.slice(1, -1).map(input), last]);
  }
  if (head !== "list" || !isList(node)) throw new Untyped(`inputs not (list ...): (${head ?? "?"} ...)`);
  return array(args(node).map(input));
}

/** `license:gpl3+` or `(list license:a license:b)`, with the file's prefix; any other license as Scheme. */
function license(node: Node, prefix: string): Code {
  const name = (n: Node): string | undefined =>
    n.kind === "symbol" && n.name.startsWith(prefix) && G.isLicenseName(n.name.slice(prefix.length))
      ? n.name.slice(prefix.length)
      : undefined;
  const many = headOf(node) === "list" && isList(node) ? args(node) : undefined;
  if (many !== undefined && many.length > 0 && many.every((n) => name(n) !== undefined))
    return array(many.map((n) => literal(name(n)!)));
  if (many === undefined && name(node) !== undefined) return literal(name(node)!);
  return raw(node as Datum, `license (${headOf(node) ?? node.kind})`);
}

/** `'((hidden? . #t) (upstream-name . "x"))` */
function properties(node: Node): Code {
  const alist = node.kind === "prefixed" && node.prefix === "quote" && isList(node.datum) ? node.datum.items : [];
  const pairs = alist.every(
    (pair) =>
      pair.kind === "list" && pair.items.length === 1 && pair.items[0]!.kind === "symbol" && pair.tail !== undefined,
  );
  if (alist.length === 0 || !pairs) return raw(node as Datum, "properties");
  return object(
    alist.map((item) => {
      const pair = item as ListNode & { tail: Datum };
      const value = pair.tail;
      const code =
        value.kind === "string"
          ? literal(value.value)
          : value.kind === "boolean"
            ? literal(value.value)
            : value.kind === "integer" && Number.isSafeInteger(Number(value.value))
              ? literal(Number(value.value))
              : raw(value, "a property value");
      return [(pair.items[0] as { name: string }).name, code] as const;
    }),
  );
}

/** A keyword argument's value: a literal, a list of strings (modern style), or Scheme. */
function argument(node: Node, quoted: boolean, keyword: string): Code {
  if (node.kind === "boolean" || node.kind === "string") return literal(node.value);
  if (node.kind === "integer" && Number.isSafeInteger(Number(node.value))) return literal(Number(node.value));
  if (
    !quoted &&
    node.kind === "prefixed" &&
    node.prefix === "quote" &&
    isList(node.datum) &&
    node.datum.items.every((i) => i.kind === "string")
  )
    return quotedStrings(node, "argument");
  return raw(node as Datum, `#:${keyword}`);
}

/** `(build-system X-build-system)` and its `(arguments ...)`. */
function buildSystem(variable: Node, argumentsNode: Node | undefined): Code {
  const match = variable.kind === "symbol" ? /^(.+)-build-system(\/.+)?$/.exec(variable.name) : null;
  if (match === null) throw new Untyped("build-system not NAME-build-system");
  const name = match[1]!;
  const pairs: (readonly [string, Code])[] = [];
  const comments: Record<string, string[]> = {};
  const margins: Record<string, string> = {};
  let style: "modern" | "quoted" | "quasiquoted" = "modern";
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
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      if (item.kind === "comment") {
        const last = pairs.at(-1)?.[0];
        if (item.margin && last !== undefined && margins[last] === undefined && pending.length === 0)
          margins[last] = item.text;
        else if (!item.margin) pending.push(item.text);
        else throw new Untyped("arguments: a comment where the builders put none");
        continue;
      }
      const value = items[i + 1];
      if (item.kind !== "keyword" || value === undefined || value.kind === "comment" || value.kind === "blank-lines")
        throw new Untyped("arguments: not #:KEYWORD VALUE");
      if (pending.length > 0) comments[item.name] = pending;
      pending = [];
      pairs.push([item.name, argument(value, style !== "modern", item.name)]);
      i++;
    }
    if (pending.length > 0) throw new Untyped("arguments: a comment after the last argument");
  }
  const options = object([
    ...(style !== "modern" ? [["style", literal(style)] as const] : []),
    ...(pairs.length > 0 ? [["extra", object(pairs)] as const] : []),
    ...(Object.keys(comments).length > 0 ? [["comments", commentsCode(comments)] as const] : []),
    ...(Object.keys(margins).length > 0 ? [["marginComments", marginsCode(margins)] as const] : []),
  ]);
  const call: Code[] = [literal(name), options, object([])];
  if (match[2] !== undefined) call.push(literal(variable.kind === "symbol" ? variable.name : ""));
  return callOf("buildSystem", G.buildSystem, call);
}

/** `(origin (method url-fetch|git-fetch) (uri ...) (sha256 (base32 "...")) ...)` */
function origin(node: Node): Code {
  if (headOf(node) !== "origin" || !isList(node)) throw new Untyped("source not (origin ...) or #f");
  const read = fieldsOf(args(node), "origin");
  const fields = new Map(read.fields);
  const order = read.fields.map(([name]) => name);
  const method = fields.get("method");
  const method_ = method?.kind === "symbol" ? method.name : "";
  if (method_ !== "url-fetch" && method_ !== "git-fetch") throw new Untyped(`origin method ${method_ || "?"}`);
  const known = new Set(["method", "uri", "file-name", "sha256", "patches", "modules", "snippet"]);
  for (const name of fields.keys()) if (!known.has(name)) throw new Untyped(`origin field ${name}`);
  const hash = fields.get("sha256");
  if (headOf(hash) !== "base32" || !isList(hash) || hash.items[1]?.kind !== "string")
    throw new Untyped('origin sha256 not (base32 "...")');
  const uri = fields.get("uri");
  if (uri === undefined) throw new Untyped("origin without uri");
  const common: (readonly [string, Code | undefined])[] = [
    ["sha256", literal(hash.items[1].value)],
    ["fileName", fields.has("file-name") ? textOrRaw(fields.get("file-name")!, "origin file-name") : undefined],
    ["patches", fields.has("patches") ? patches(fields.get("patches")!) : undefined],
    ["modules", fields.has("modules") ? modules(fields.get("modules")!) : undefined],
    ["snippet", fields.has("snippet") ? raw(fields.get("snippet")! as Datum, "origin snippet") : undefined],
    ["comments", commentsCode(read.comments)],
    ["marginComments", marginsCode(read.margins)],
  ];
  const orderCode = ["order", orderOf(order, ORIGIN_ORDER)] as const;
  if (method_ === "git-fetch") {
    if (headOf(uri) !== "git-reference" || !isList(uri)) throw new Untyped("git-fetch uri not (git-reference ...)");
    const refRead = fieldsOf(args(uri), "git-reference");
    if (Object.keys(refRead.comments).length + Object.keys(refRead.margins).length > 0)
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
    const commit = ref.get("commit");
    return callOf("gitFetch", G.gitFetch, [
      object([
        ["url", text(ref.get("url") ?? { kind: "symbol", name: "?" }, "git url")],
        ["commit", commit === undefined ? undefined : textOrRaw(commit, "git commit")],
        ["recursive", recursive === undefined ? undefined : literal(true)],
        ...common,
        orderCode,
      ]),
    ]);
  }
  const url: readonly [string, Code] =
    uri.kind === "string"
      ? ["url", literal(uri.value)]
      : headOf(uri) === "list" && isList(uri) && args(uri).every((u) => u.kind === "string")
        ? ["urls", array(args(uri).map((u) => text(u, "uri")))]
        : ["url", computedUri(uri)];
  return callOf("urlFetch", G.urlFetch, [object([url, ...common, orderCode])]);
}

const VERSION: Code = named("packageVersion", G.packageVersion);
const GIT_FILE_NAME: Code = named("gitFileName", G.gitFileName);

/** Text, the package's `version`, `(git-file-name name version)`, or Scheme. */
function textOrRaw(node: Node, part: string): Code {
  if (node.kind === "string") return literal(node.value);
  if (node.kind === "symbol" && node.name === "version") return VERSION;
  const printed = printDatum(node);
  if (printed === "(git-file-name name version)") return GIT_FILE_NAME;
  return raw(node as Datum, part);
}

/** `(string-append "https://..." version ".tar.gz")` as `concat(...)`, `(pypi-uri "x" version)` as `pypiUri(...)`; else Scheme. */
function computedUri(uri: Node): Code {
  const parts = isList(uri) ? args(uri) : [];
  const isVersion = (n: Node): boolean => n.kind === "symbol" && n.name === "version";
  if (headOf(uri) === "string-append" && parts.every((p) => p.kind === "string" || isVersion(p)))
    return {
      ...callOf(
        "concat",
        G.concat,
        parts.map((p) => (p.kind === "string" ? literal(p.value) : VERSION)),
      ),
    };
  for (const [head, name, fn] of [
    ["pypi-uri", "pypiUri", G.pypiUri],
    ["crate-uri", "crateUri", G.crateUri],
  ] as const)
    if (headOf(uri) === head && parts.length === 2 && parts[0]!.kind === "string" && isVersion(parts[1]!))
      return callOf(name, fn, [literal(parts[0].value)]);
  return callOf("expression", G.expression, [raw(uri as Datum, `origin uri (${headOf(uri) ?? uri.kind})`)]);
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
  "synopsis",
  "description",
  "home-page",
  "license",
  "properties",
];
const ORIGIN_ORDER = ["method", "uri", "file-name", "sha256", "patches", "modules", "snippet"];

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

/** Comments before and after fields, and the fields' order unless it is the usual one. */
function layoutOf(
  fields: readonly [string, Node][],
  comments: Record<string, string[]>,
  margins: Record<string, string>,
  usual: readonly string[],
): Entry[] {
  return [
    ["comments", commentsCode(comments)],
    ["marginComments", marginsCode(margins)],
    [
      "order",
      orderOf(
        fields.map(([name]) => name),
        usual,
      ),
    ],
  ];
}

const PACKAGE_FIELDS = new Set([
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
export function packageCode(form: Node, licensePrefix: string): Code<G.Package | G.PackageVariant> {
  if (headOf(form) === "package/inherit" && isList(form) && form.items.length >= 2)
    return variantCode(form.items[1]!, args(form).slice(1), "package/inherit", licensePrefix);
  if (headOf(form) !== "package" || !isList(form)) throw new Untyped("not (package ...)");
  const first = args(form).find(isDatum);
  if (headOf(first) === "inherit" && isList(first) && first.items.length === 2)
    return variantCode(first.items[1]!, args(form), "inherit", licensePrefix);
  const { fields, comments, margins } = fieldsOf(args(form), "package");
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
    ["version", text(get.get("version")!, "version")],
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
    ...about(get, licensePrefix),
    ...layoutOf(fields, comments, margins, PACKAGE_ORDER),
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

/** `(package (inherit PARENT) FIELD...)` or `(package/inherit PARENT FIELD...)` as `inherit(...)` / `packageInherit(...)`. */
function variantCode(
  parent: Node,
  forms: readonly Node[],
  style: "inherit" | "package/inherit",
  licensePrefix: string,
): Code<G.PackageVariant> {
  const { fields, comments, margins } = fieldsOf(forms, "package");
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
    ["version", get.has("version") ? text(get.get("version")!, "version") : undefined],
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
        ? raw(arguments_ as Datum, "variant arguments")
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
    ...about(get, licensePrefix),
    ...layoutOf(fields, comments, margins, style === "inherit" ? VARIANT_ORDER : VARIANT_ORDER.slice(1)),
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
