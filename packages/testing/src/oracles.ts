/**
 * Oracles: functions that say whether emitted text is right, each returning a verdict (never
 * throwing for a wrong text), so any test framework can use them; `@guix-ts/testing/vitest` wraps
 * them as matchers.
 */
import { knowledgeOf, type Catalog } from "@guix-ts/catalog";
import {
  closest,
  freeVariables,
  MANIFEST_CONTEXT_MODULES,
  specificationTextProblem,
  type GuixKnowledge,
  type ManifestContext,
} from "@guix-ts/core";
import { formatScheme, isDatum, readDatums, type Datum, type Node } from "@guix-ts/scheme-printer";
import { encodeDatum, encodeTopLevel, guileSession } from "./guile.js";
import { GUILE_CORE_NAMES } from "./guile-core-names.js";

/** An oracle's verdict: right, or wrong and why (one line or a few). */
export type Verdict = { readonly ok: true } | { readonly ok: false; readonly message: string };

const RIGHT: Verdict = Object.freeze({ ok: true });
const wrong = (message: string): Verdict => ({ ok: false, message });

/** What a text is given as: Scheme text, or a file the builders made (`manifestFile(...)`, `guixFileE(...)`'s right). */
export type Emitted = string | { readonly text: string };

const textOf = (emitted: Emitted): string => (typeof emitted === "string" ? emitted : emitted.text);

/** The first line where two texts differ, for messages. */
function firstDifference(expected: readonly string[], actual: readonly string[]): string {
  const at = expected.findIndex((line, i) => line !== actual[i]);
  const i = at < 0 ? expected.length : at;
  return `datum ${i + 1}: expected ${expected[i] ?? "nothing"}, Guile read ${actual[i] ?? "nothing"}`;
}

/**
 * Whether the real Guile reads `text` as the data guix-ts's reader reads in it: what was printed
 * is what was meant. `label` names the case if Guile fails (missing, or ended mid-batch: that
 * rejects with a `GuileError`, no verdict).
 *
 * @example expect(await guileReadsBack(manifestFile({ manifest }))).toEqual({ ok: true })
 */
export async function guileReadsBack(emitted: Emitted, label?: string): Promise<Verdict> {
  const text = textOf(emitted);
  let ours: string[];
  try {
    ours = encodeTopLevel(readDatums(text, { file: label ?? "text" }));
  } catch (error) {
    return wrong(`guix-ts does not read it: ${(error as Error).message}`);
  }
  const read = await guileSession().read(text, label);
  if (!read.ok) return wrong(`Guile does not read it: ${read.error}`);
  return ours.length === read.data.length && ours.every((e, i) => e === read.data[i])
    ? RIGHT
    : wrong(firstDifference(ours, read.data));
}

/**
 * Whether Guile reads `text` as exactly `data` (one datum, or several in order).
 *
 * @example expect(await readsAs('(a "b")', list([sym("a"), str("b")]))).toEqual({ ok: true })
 */
export async function readsAs(emitted: Emitted, data: Datum | readonly Datum[], label?: string): Promise<Verdict> {
  const expected = (Array.isArray(data) ? (data as readonly Datum[]) : [data as Datum]).map(encodeDatum);
  const read = await guileSession().read(textOf(emitted), label);
  if (!read.ok) return wrong(`Guile does not read it: ${read.error}`);
  return expected.length === read.data.length && expected.every((e, i) => e === read.data[i])
    ? RIGHT
    : wrong(firstDifference(expected, read.data));
}

/**
 * Whether `text` is laid out as Guix's formatter lays it out: formatting it changes nothing.
 *
 * @example expect(isFixedPoint(file.text)).toEqual({ ok: true })
 */
export function isFixedPoint(emitted: Emitted): Verdict {
  const text = textOf(emitted);
  let formatted: string;
  try {
    formatted = formatScheme(text);
  } catch (error) {
    return wrong(`it does not read: ${(error as Error).message}`);
  }
  if (formatted === text) return RIGHT;
  const a = text.split("\n");
  const b = formatted.split("\n");
  const at = a.findIndex((line, i) => line !== b[i]);
  return wrong(`line ${at + 1} is laid out otherwise:\n  emitted:   ${a[at] ?? ""}\n  formatted: ${b[at] ?? ""}`);
}

const suggestion = (near: string | undefined): string => (near === undefined ? "" : `; did you mean (${near})?`);

const symbolsOf = (node: Node): string[] =>
  node.kind === "list" ? node.items.flatMap((i) => (i.kind === "symbol" ? [i.name] : [])) : [];

/** The modules a file imports (`use-modules`, `#:use-module`), each with the prefix its names take. */
function importsOf(forms: readonly Node[]): { module: string; prefix: string }[] {
  const clause = (node: Node): { module: string; prefix: string } | undefined => {
    if (node.kind !== "list") return undefined;
    const [first, ...options] = node.items.filter(isDatum);
    // `(gnu packages python)`, or `((guix licenses) #:prefix license:)`.
    if (first?.kind === "symbol") return { module: symbolsOf(node).join(" "), prefix: "" };
    if (first?.kind !== "list") return undefined;
    const at = options.findIndex((o) => o.kind === "keyword" && o.name === "prefix");
    const prefix = options[at + 1];
    return { module: symbolsOf(first).join(" "), prefix: at >= 0 && prefix?.kind === "symbol" ? prefix.name : "" };
  };
  return forms.flatMap((form) => {
    if (form.kind !== "list" || form.items[0]?.kind !== "symbol") return [];
    const items = form.items.filter(isDatum);
    if (form.items[0].name === "use-modules") return items.slice(1).flatMap((c) => clause(c) ?? []);
    if (form.items[0].name !== "define-module") return [];
    return items.flatMap((item, i) =>
      item.kind === "keyword" && item.name === "use-module" && items[i + 1] ? (clause(items[i + 1]!) ?? []) : [],
    );
  });
}

/** The specifications of `(specifications->manifest '("a" "b@1" "c:out"))` (or `(list ...)`) forms. */
function specificationsOf(forms: readonly Node[]): string[] {
  const found: string[] = [];
  const walk = (node: Node): void => {
    if (node.kind !== "list") return;
    const [head, list] = node.items.filter(isDatum);
    // `'("a" "b")` or `(list "a" "b")`.
    const items =
      list?.kind === "prefixed" && list.datum.kind === "list"
        ? list.datum.items
        : list?.kind === "list" && list.items[0]?.kind === "symbol" && list.items[0].name === "list"
          ? list.items.slice(1)
          : [];
    if (head?.kind === "symbol" && head.name === "specifications->manifest")
      for (const s of items) if (s.kind === "string") found.push(s.value);
    node.items.forEach(walk);
  };
  forms.forEach(walk);
  return found;
}

/**
 * Whether every name a file uses is known to the Guix a catalogue describes (the catalogue, as
 * `readCatalog` of `@guix-ts/catalog` gives it, or its `knowledgeOf`): each module it imports exists,
 * each free variable is defined in the file, exported by a module it imports or bound by Guile
 * itself, and each specification names a package (with that version and output). A manifest is
 * read as `guix pack -m` loads it (`(guix profiles)`, `(gnu packages)` and `(guix gexp)` there
 * without importing them) unless `context` is `"standalone"`.
 *
 * @example expect(resolvesInCatalog(manifestFile({ manifest }), await readCatalog("guix-catalog.json"))).toEqual({ ok: true })
 */
export function resolvesInCatalog(
  emitted: Emitted,
  catalog: Catalog | GuixKnowledge,
  options: { readonly context?: ManifestContext } = {},
): Verdict {
  const knowledge = catalog.packages instanceof Map ? (catalog as GuixKnowledge) : knowledgeOf(catalog as Catalog);
  let forms: Node[];
  try {
    forms = readDatums(textOf(emitted), { file: "text" });
  } catch (error) {
    return wrong(`it does not read: ${(error as Error).message}`);
  }
  const problems: string[] = [];
  const explicit = importsOf(forms);
  const imports = [
    ...explicit,
    ...[...MANIFEST_CONTEXT_MODULES[options.context ?? "guix-cli"]].map((module) => ({ module, prefix: "" })),
  ];
  for (const { module } of explicit)
    if (!knowledge.modules.has(module) && !module.startsWith("guile") && !/^(ice-9|srfi|rnrs) /.test(module))
      problems.push(`no module (${module}) in this Guix${suggestion(closest(module, knowledge.modules.keys()))}`);
  const defined = new Set(
    forms.flatMap((f) =>
      f.kind === "list" &&
      f.items[0]?.kind === "symbol" &&
      /^define/.test(f.items[0].name) &&
      f.items[1]?.kind === "symbol"
        ? [f.items[1].name]
        : [],
    ),
  );
  const code = forms.filter(
    (f) => !(f.kind === "list" && ["use-modules", "define-module"].includes(symbolsOf(f)[0] ?? "")),
  );
  for (const name of freeVariables(code, defined)) {
    if (GUILE_CORE_NAMES.has(name)) continue;
    const from = imports.some(
      ({ module, prefix }) => name.startsWith(prefix) && knowledge.modules.get(module)?.has(name.slice(prefix.length)),
    );
    if (!from) problems.push(`${name} is not bound: no module the file imports exports it`);
  }
  for (const spec of specificationsOf(forms)) {
    const problem = specificationTextProblem(knowledge, spec);
    if (problem !== undefined) problems.push(problem);
  }
  return problems.length === 0 ? RIGHT : wrong(problems.join("\n"));
}
