/**
 * The free variables of Scheme code, following Scheme's scope: `let`, `let*`, `letrec`, named
 * `let`, `lambda`, `lambda*`, `define` and `match` clauses bind; quoted data is not code except
 * under `unquote`; a gexp's body runs on the build side and needs no host import, except what is
 * under `#$`, `#+`, `#$@`, `#+@`.
 */
import { isDatum, type Node } from "@guix-ts/scheme-printer";

type Mode = "code" | "quasi" | "build";

const BINDING_LETS = new Set(["let", "let*", "letrec", "letrec*", "let-values", "let*-values"]);
const LAMBDAS = new Set(["lambda", "lambda*", "case-lambda"]);
const DEFINES = new Set(["define", "define*", "define-public", "define*-public"]);
const MATCHES = new Set(["match", "match*", "match-lambda", "match-lambda*"]);
/** Guix's record constructors (`define-record-type*`): in `(package (name "x") ...)`, `name` is a field, not a variable. */
const RECORDS = new Set([
  "package",
  "origin",
  "git-reference",
  "hg-reference",
  "svn-reference",
  "bzr-reference",
  "channel",
  "manifest-entry",
  "search-path-specification",
  "build-system",
  "build-machine",
  "computed-file",
]);
/** Not variables inside a `match` pattern. */
const PATTERN_WORDS = new Set(["_", "...", "___", "=", "?", "and", "or", "not", "list", "cons", "vector", "quote"]);

/** Every symbol of a pattern or a formals list (the variables it binds). */
function symbolsIn(node: Node | undefined, out: Set<string>, pattern = false): void {
  if (node === undefined) return;
  if (node.kind === "symbol") {
    if (!pattern || !PATTERN_WORDS.has(node.name)) out.add(node.name);
  } else if (node.kind === "list") {
    const items = node.items.filter(isDatum);
    // `(name default)` in lambda* formals binds name; in a pattern every symbol but the words binds.
    for (const item of pattern ? items : items.map((i) => (i.kind === "list" ? i.items.filter(isDatum)[0]! : i)))
      symbolsIn(item, out, pattern);
    symbolsIn(node.tail, out, pattern);
  } else if (node.kind === "prefixed" && pattern && node.prefix !== "quote") symbolsIn(node.datum, out, pattern);
}

/**
 * The names `forms` use without binding them, leaving out `known` (the file's own definitions).
 *
 * @example freeVariables([scheme`(pypi-uri "fastapi" version)`], new Set()) // Set { "pypi-uri", "version" }
 */
export function freeVariables(forms: readonly Node[], known: ReadonlySet<string>): Set<string> {
  const free = new Set<string>();
  const walk = (node: Node | undefined, bound: ReadonlySet<string>, mode: Mode): void => {
    if (node === undefined || !isDatum(node)) return;
    if (node.kind === "symbol") {
      if (mode === "code" && !bound.has(node.name) && !known.has(node.name)) free.add(node.name);
      return;
    }
    if (node.kind === "prefixed") {
      const p = node.prefix;
      if (p === "quote" || p === "syntax") return mode === "code" ? undefined : walk(node.datum, bound, mode);
      if (p === "quasiquote" || p === "quasisyntax") return walk(node.datum, bound, mode === "code" ? "quasi" : mode);
      if (p === "gexp") return walk(node.datum, bound, "build");
      if (p.startsWith("ungexp")) return walk(node.datum, bound, "code");
      if (p.startsWith("unquote") || p.startsWith("unsyntax"))
        return walk(node.datum, bound, mode === "quasi" ? "code" : mode);
      return walk(node.datum, bound, mode);
    }
    if (node.kind === "vector") return node.items.forEach((i) => walk(i, bound, mode === "code" ? "quasi" : mode));
    if (node.kind !== "list") return;
    const items = node.items.filter(isDatum);
    if (mode !== "code") {
      items.forEach((i) => walk(i, bound, mode));
      return walk(node.tail, bound, mode);
    }
    const head = items[0]?.kind === "symbol" ? items[0].name : undefined;
    const body = (from: number, scope: ReadonlySet<string>): void =>
      items.slice(from).forEach((i) => walk(i, scope, mode));
    if (head !== undefined && bound.has(head)) return body(0, bound);
    if (head === "quote") return;
    if (head !== undefined && LAMBDAS.has(head)) {
      if (head === "case-lambda") {
        for (const clause of items.slice(1))
          if (clause.kind === "list") {
            const [formals, ...rest] = clause.items.filter(isDatum);
            const scope = new Set(bound);
            symbolsIn(formals, scope);
            rest.forEach((i) => walk(i, scope, mode));
          }
        return;
      }
      const scope = new Set(bound);
      symbolsIn(items[1], scope);
      walkDefaults(items[1], bound);
      return body(2, scope);
    }
    if (head !== undefined && BINDING_LETS.has(head)) {
      const named = items[1]?.kind === "symbol" ? items[1].name : undefined;
      const bindings = items[named ? 2 : 1];
      const scope = new Set(bound);
      if (named) scope.add(named);
      const sequential = head !== "let" && head !== "let-values";
      if (bindings?.kind === "list")
        for (const binding of bindings.items.filter(isDatum)) {
          if (binding.kind !== "list") continue;
          const [names, value] = binding.items.filter(isDatum);
          walk(value, sequential ? scope : bound, mode);
          symbolsIn(names, scope);
        }
      return body(named ? 3 : 2, scope);
    }
    if (head !== undefined && DEFINES.has(head)) {
      const target = items[1];
      const scope = new Set(bound);
      if (target?.kind === "list") {
        symbolsIn(target, scope);
        walkDefaults(target, bound);
      }
      return body(2, scope);
    }
    if (head !== undefined && MATCHES.has(head)) {
      const lambda = head.startsWith("match-lambda");
      if (!lambda) walk(items[1], bound, mode);
      for (const clause of items.slice(lambda ? 1 : 2)) {
        if (clause.kind !== "list") continue;
        const [pattern, ...rest] = clause.items.filter(isDatum);
        const scope = new Set(bound);
        symbolsIn(pattern, scope, true);
        rest.forEach((i) => walk(i, scope, mode));
      }
      return;
    }
    if (head !== undefined && RECORDS.has(head)) {
      // A field's value may name the record's other fields (`(uri (pypi-uri "foo" version))`).
      walk(items[0], bound, mode); // the constructor itself is a name to import
      const scope = new Set(bound);
      for (const field of items.slice(1))
        if (field.kind === "list" && field.items.filter(isDatum)[0]?.kind === "symbol")
          scope.add((field.items.filter(isDatum)[0] as { name: string }).name);
      for (const field of items.slice(1))
        if (field.kind === "list" && field.items.filter(isDatum)[0]?.kind === "symbol")
          field.items
            .filter(isDatum)
            .slice(1)
            .forEach((i) => walk(i, scope, mode));
        else walk(field, scope, mode);
      return;
    }
    body(0, bound);
    walk(node.tail, bound, mode);
  };
  /** The default values in `lambda*` formals are code. */
  const walkDefaults = (formals: Node | undefined, bound: ReadonlySet<string>): void => {
    if (formals?.kind !== "list") return;
    for (const item of formals.items.filter(isDatum))
      if (item.kind === "list")
        item.items
          .filter(isDatum)
          .slice(1)
          .forEach((d) => walk(d, bound, "code"));
  };
  forms.forEach((f) => walk(f, new Set(), "code"));
  return free;
}
