/**
 * What one Guix module says of itself, read statically with our reader: its name, its public
 * interface, the packages its public variables are bound to, its build systems. Nothing is run;
 * what cannot be known without running Guile (a version a procedure computes) is left unknown.
 */
import { isDatum, readForms, type Datum, type ListNode, type Node } from "@guix-ts/scheme-printer";

/** A field's value as far as reading can tell: text, the same field of another package, or unknown. */
export type Known = { readonly text: string } | { readonly sameAs: string } | undefined;

/** A package as its module writes it, before inheritance is followed. */
export interface RawPackage {
  readonly variables: string[];
  readonly line: number;
  readonly column: number;
  /** `(inherit x)`, `package/inherit x`, `deprecated-package`'s replacement, or a plain alias `(define-public a b)`. */
  readonly parent: string | undefined;
  /** The variable is the parent itself under another name: no package of its own. */
  readonly alias?: true;
  readonly name: Known;
  readonly version: Known;
  readonly outputs: readonly string[] | undefined;
  readonly synopsis: Known;
  readonly hidden?: true;
  readonly supersededBy?: string;
  /** A procedure makes it: name and version unknown rather than guessed. */
  readonly opaque?: true;
  /** Bound by `define`: public only if the module exports the variable; else only a parent to others. */
  readonly private?: true;
}

/** What `readModule()` found. */
export interface ModuleFacts {
  readonly module: string;
  readonly exports: string[];
  readonly packages: RawPackage[];
  readonly buildSystems: { readonly variable: string; readonly keywords: string[] }[];
  /** The modules it imports (`#:use-module`, `#:autoload`), as `guix git-download`. */
  readonly uses: string[];
}

/** What a name is bound to: a text (or another package's field), or another variable (`(let ((base glib-minimal)) ...)`). */
type Env = ReadonlyMap<string, Known | { readonly alias: string }>;

const isList = (node: Node | undefined): node is ListNode => node?.kind === "list";
const data = (items: readonly Node[]): Datum[] => items.filter(isDatum);
const symbolName = (node: Node | undefined): string | undefined => (node?.kind === "symbol" ? node.name : undefined);
const headOf = (node: Node | undefined): string | undefined =>
  isList(node) ? symbolName(data(node.items)[0]) : undefined;
const argsOf = (node: ListNode): Datum[] => data(node.items).slice(1);

/** `'("out" "doc")` -> ["out", "doc"]; undefined for anything else. */
function stringList(node: Datum | undefined): string[] | undefined {
  const listed =
    node?.kind === "prefixed" && node.prefix === "quote" ? node.datum : headOf(node) === "list" ? node : undefined;
  if (!isList(listed)) return undefined;
  const items = headOf(listed) === "list" ? argsOf(listed) : data(listed.items);
  return items.every((i) => i.kind === "string") ? items.map((i) => (i as { value: string }).value) : undefined;
}

/** The text an expression computes, as far as it can be read: literals, bound names, string-append, git-version. */
function evaluate(node: Datum | undefined, env: Env): Known {
  if (node === undefined) return undefined;
  if (node.kind === "string") return { text: node.value };
  if (node.kind === "symbol") {
    const bound = env.get(node.name);
    return bound !== undefined && "alias" in bound ? undefined : bound;
  }
  if (!isList(node)) return undefined;
  const args = argsOf(node);
  const texts = (): string[] | undefined => {
    const values = args.map((a) => evaluate(a, env));
    return values.every((v) => v !== undefined && "text" in v)
      ? values.map((v) => (v as { text: string }).text)
      : undefined;
  };
  switch (headOf(node)) {
    case "string-append": {
      const parts = texts();
      return parts && { text: parts.join("") };
    }
    case "git-version":
    case "hg-version": {
      const parts = texts();
      return parts?.length === 3 ? { text: `${parts[0]}-${parts[1]}.${parts[2]!.slice(0, 7)}` } : undefined;
    }
    case "package-version": {
      const parent = symbolName(args[0]);
      return parent === undefined ? undefined : { sameAs: parent };
    }
    default:
      return undefined;
  }
}

/** `let`, `let*`, `letrec` bindings of texts, added to `env`. */
function bind(node: ListNode, env: Env): Env {
  const [bindings] = argsOf(node);
  const next = new Map<string, Known | { readonly alias: string }>(env);
  if (isList(bindings))
    for (const binding of data(bindings.items)) {
      if (!isList(binding)) continue;
      const [name, value] = data(binding.items);
      if (symbolName(name) === undefined) continue;
      const scope = headOf(node) === "let" ? env : next;
      const variable = symbolName(value);
      next.set(
        symbolName(name)!,
        variable !== undefined && !scope.has(variable) ? { alias: variable } : evaluate(value, scope),
      );
    }
  return next;
}

const OPAQUE_HEADS = new Set([
  "lambda",
  "lambda*",
  "case-lambda",
  "list",
  "cons",
  "quote",
  "append",
  "map",
  "filter",
  "delete",
]);

/** The package `expr` makes, bound to `variable`; undefined when it is not one. */
function describe(expr: Datum | undefined, env: Env, inPackages: boolean): Omit<RawPackage, "variables"> | undefined {
  if (expr === undefined) return undefined;
  // Guix counts columns from 0, the reader from 1.
  const at = { line: expr.loc?.line ?? 0, column: (expr.loc?.column ?? 1) - 1 };
  const none = { name: undefined, version: undefined, outputs: undefined, synopsis: undefined };
  if (expr.kind === "symbol") return { ...at, ...none, parent: expr.name, alias: true };
  if (!isList(expr)) return undefined;
  const head = headOf(expr);
  const args = argsOf(expr);
  if (head === "let" || head === "let*" || head === "letrec" || head === "letrec*")
    return describe(args.at(-1), bind(expr, env), inPackages);
  if (head === "package" || head === "package/inherit") {
    const fields = new Map<string, Datum | undefined>();
    for (const field of head === "package" ? args : args.slice(1))
      if (isList(field) && headOf(field) !== undefined) fields.set(headOf(field)!, argsOf(field)[0]);
    const named = head === "package/inherit" ? symbolName(args[0]) : symbolName(fields.get("inherit"));
    const bound = named === undefined ? undefined : env.get(named);
    const parent = bound !== undefined && "alias" in bound ? bound.alias : named;
    return {
      ...at,
      parent,
      name: evaluate(fields.get("name"), env),
      version: evaluate(fields.get("version"), env),
      outputs: stringList(fields.get("outputs")),
      synopsis: evaluate(fields.get("synopsis"), env),
    };
  }
  if (head === "hidden-package") {
    // A new package that inherits the one given: never an alias.
    const inner = describe(args[0], env, inPackages);
    if (inner === undefined) return undefined;
    const { name, version, outputs, synopsis, parent } = inner;
    return { ...at, name, version, outputs, synopsis, parent, hidden: true };
  }
  if (head === "deprecated-package") {
    const replacement = symbolName(args[1]);
    return {
      ...at,
      ...none,
      name: evaluate(args[0], env),
      parent: replacement,
      ...(replacement ? { supersededBy: replacement } : {}),
    };
  }
  if (inPackages && head !== undefined && !OPAQUE_HEADS.has(head))
    return { ...at, ...none, parent: undefined, opaque: true };
  return undefined;
}

/** The names after `#:key` in a `define*`'s formals (`(lower name #:key source (python (default-python)) ...)`). */
function keywordsOf(formals: ListNode): string[] {
  const keys: string[] = [];
  let inKeys = false;
  for (const item of data(formals.items).slice(1)) {
    if (item.kind === "keyword") {
      inKeys = item.name === "key";
      continue;
    }
    const name = symbolName(item) ?? (isList(item) ? symbolName(data(item.items)[0]) : undefined);
    if (inKeys && name !== undefined) keys.push(name);
  }
  return keys;
}

/** `(a b (internal . external))` -> the public names. */
function publicNames(node: Datum | undefined): string[] {
  if (!isList(node)) return [];
  return data(node.items).flatMap((item) => {
    if (item.kind === "symbol") return [item.name];
    if (isList(item) && item.tail?.kind === "symbol") return [item.tail.name];
    return [];
  });
}

/**
 * Read a module's text. Throws the reader's `SchemeSyntaxError` (with file:line:column) for text that
 * does not read; returns undefined for a file that is not a module (no `define-module`).
 *
 * @example readModule('(define-module (gnu packages hi) #:export (hi))', "gnu/packages/hi.scm")?.exports // ["hi"]
 */
export function readModule(text: string, file: string): ModuleFacts | undefined {
  // Only looked at: names and texts are taken, no node is kept.
  const forms = data([...readForms(text, { file, frozen: false })]);
  const definition = forms.find((f) => headOf(f) === "define-module") as ListNode | undefined;
  if (definition === undefined) return undefined;
  const [name, ...options] = argsOf(definition);
  if (!isList(name)) return undefined;
  const module = data(name.items)
    .map((n) => symbolName(n) ?? "")
    .join(" ");
  const exports: string[] = [];
  const uses: string[] = [];
  for (let i = 0; i < options.length; i++) {
    const option = options[i]!;
    if (option.kind !== "keyword") continue;
    if (["export", "re-export", "replace", "re-export-and-replace"].includes(option.name))
      exports.push(...publicNames(options[i + 1]));
    else if (option.name === "use-module" || option.name === "autoload") {
      // `(guix git-download)`, or `((guix licenses) #:prefix license:)`
      const used = options[i + 1];
      const spec = isList(used) && isList(data(used.items)[0]) ? (data(used.items)[0] as ListNode) : used;
      const names = isList(spec) ? data(spec.items).map(symbolName) : [];
      if (names.length > 0 && names.every((n) => n !== undefined)) uses.push(names.join(" "));
    }
  }
  // Texts bound at top level (`(define %foo-version "1.2")`), for the versions that name them.
  const env = new Map<string, Known | { readonly alias: string }>();
  for (const form of forms)
    if (["define", "define-public"].includes(headOf(form) ?? "")) {
      const [variable, value] = argsOf(form as ListNode);
      const known = symbolName(variable) !== undefined ? evaluate(value, env) : undefined;
      if (known !== undefined && "text" in known) env.set(symbolName(variable)!, known);
    }
  const inPackages = module.startsWith("gnu packages");
  const packages: RawPackage[] = [];
  const lowers = new Map<string, string[]>();
  const builds: string[] = [];
  const systems: { variable: string; lower: string | undefined }[] = [];
  for (const form of forms) {
    if (!isList(form)) continue;
    const head = headOf(form);
    const [target, value] = argsOf(form);
    const variable = symbolName(target) ?? (isList(target) ? symbolName(data(target.items)[0]) : undefined);
    if (variable === undefined) continue;
    switch (head) {
      case "define-public":
      case "define*-public":
      case "define-syntax-public":
      case "define-deprecated/public":
        exports.push(variable);
        if (head === "define-public" && !isList(target)) {
          const made = describe(value, env, inPackages);
          if (made) packages.push({ ...made, variables: [variable] });
        }
        break;
      case "define-deprecated-package":
      case "define-deprecated/public-alias": {
        exports.push(variable);
        const replacement = symbolName(value);
        const at = { line: form.loc?.line ?? 0, column: (form.loc?.column ?? 1) - 1 };
        if (head === "define-deprecated-package" && replacement)
          packages.push({
            ...at,
            variables: [variable],
            parent: replacement,
            name: { text: variable },
            version: undefined,
            outputs: undefined,
            synopsis: undefined,
            supersededBy: replacement,
          });
        break;
      }
      case "define*":
        if (isList(target)) {
          if (variable === "lower" || variable.endsWith("-lower")) lowers.set(variable, keywordsOf(target));
          else if (/-build$|-cross-build$/.test(variable)) builds.push(...keywordsOf(target));
        }
        break;
      case "define":
        // A package exported by `#:export` (glib, dbus...), or a private one others inherit from.
        if (!isList(target)) {
          const made = describe(value, env, false);
          if (made && !made.opaque && !made.alias) packages.push({ ...made, variables: [variable], private: true });
        }
        if (headOf(value) === "build-system") {
          const lower = argsOf(value as ListNode).find((f) => headOf(f) === "lower");
          systems.push({ variable, lower: lower && symbolName(argsOf(lower as ListNode)[0]) });
        }
        break;
    }
  }
  const exported = new Set(exports);
  const visible = packages.map((p) =>
    p.private && p.variables.some((v) => exported.has(v)) ? { ...p, private: undefined } : p,
  ) as RawPackage[];
  const buildSystems = systems.map(({ variable, lower }) => ({
    variable,
    keywords: [...new Set([...(lower ? (lowers.get(lower) ?? []) : []), ...builds])].sort(),
  }));
  return { module, exports: [...exported], packages: visible, buildSystems, uses };
}
