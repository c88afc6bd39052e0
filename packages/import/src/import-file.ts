/**
 * `guix-ts import`: a Guix file (manifest, channels, package module) as a guix-ts module whose
 * default export is the whole file. Package definitions become builder code when the builders can
 * write them exactly — each is lowered and compared with the form it came from — and everything
 * else is kept as Scheme, comments and all: printing the module gives the file back.
 */
import * as E from "fp-ts/lib/Either.js";
import * as G from "@guix-ts/core";
import { printDatums, readDatums, type Node } from "@guix-ts/scheme-printer";
import { templateText, Untyped, type Code } from "./code.js";
import { importStatement, statement, type Ts } from "./layout.js";
import { packageCode } from "./package-form.js";

/** What an import found: forms, packages, how many typed, and why the others are not. */
export interface ImportSummary {
  readonly forms: number;
  readonly packages: number;
  /** Packages written as builder code, some of their parts perhaps as Scheme. */
  readonly typed: number;
  /** Typed packages with no part left as Scheme but build-side code (a phase's body, a snippet, a `#~` value). */
  readonly fullyTyped: number;
  /** Typed packages holding build-side code, written as `scheme` templates: Scheme by nature, typed no further. */
  readonly withBuildCode: number;
  /** Why packages stayed Scheme, commonest first: `[["package field inherit", 12], ...]`. */
  readonly untyped: readonly (readonly [string, number])[];
  /** The parts of typed packages left as Scheme, commonest first: `[["#:phases", 300], ...]`. */
  readonly rawParts: readonly (readonly [string, number])[];
}

/** The module written, the file it stands for (what its default export evaluates to), and the summary. */
export interface ImportResult {
  readonly code: string;
  readonly file: G.GuixFile;
  readonly summary: ImportSummary;
}

const headOf = (n: Node): string | undefined =>
  n.kind === "list" && n.items[0]?.kind === "symbol" ? n.items[0].name : undefined;

/** `(package ...)`, `(package/inherit ...)`, or one of them in a `let`: `(let ((commit "...")) (package ...))`. */
function isPackageForm(value: Node | undefined): boolean {
  if (value?.kind !== "list") return false;
  const head = headOf(value);
  if (head === "let") return isPackageForm(value.items.at(-1));
  return head === "package" || head === "package/inherit";
}

/** The prefix of `(guix licenses)` in the file's `define-module` or `use-modules`: `license:`, or "". */
function licensePrefix(nodes: readonly Node[]): string {
  let prefix = "";
  const visit = (n: Node): void => {
    if (n.kind !== "list") return;
    const [first, ...rest] = n.items;
    if (
      first?.kind === "list" &&
      first.items.map((i) => (i.kind === "symbol" ? i.name : "")).join(" ") === "guix licenses"
    ) {
      const at = rest.findIndex((i) => i.kind === "keyword" && i.name === "prefix");
      const value = rest[at + 1];
      if (at >= 0 && value?.kind === "symbol") prefix = value.name;
    }
    n.items.forEach(visit);
  };
  const modules = nodes.filter((n) => ["define-module", "use-modules"].includes(headOf(n) ?? ""));
  modules.forEach(visit);
  // A file without its imports (a fragment): the prefix its license fields use, as Guix's modules have it.
  if (modules.length === 0 && /\(license \(?(?:list )?license:/.test(printDatums(nodes))) return "license:";
  return prefix;
}

/** A JavaScript name for a package variable (`python-3.11` -> `python3_11`), unique in the module. */
function identifier(variable: string, taken: Set<string>): string {
  const words = variable.split(/[^A-Za-z0-9]+/).filter(Boolean);
  let name = words.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join("") || "pkg";
  if (/^\d/.test(name)) name = `_${name}`;
  if (RESERVED.has(name)) name = `${name}Package`;
  let unique = name;
  for (let n = 2; taken.has(unique); n++) unique = `${name}${n}`;
  taken.add(unique);
  return unique;
}

const RESERVED = new Set(
  "break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await".split(
    " ",
  ),
);

/**
 * The typed definition of `(define[-public] VARIABLE (package ...))`, if the builders write it back
 * exactly; else why not.
 */
function typedDefinition(
  form: Node,
  prefix: string,
): { code: Code<G.Package | G.PackageVariant>; variable: string; public: boolean } | string {
  if (form.kind !== "list") return "not a definition";
  const [head, variable, value, ...more] = form.items;
  if (head?.kind !== "symbol" || variable?.kind !== "symbol" || value === undefined || more.length > 0)
    return "not a definition";
  let code: Code<G.Package | G.PackageVariant>;
  try {
    code = packageCode(value, prefix);
  } catch (error) {
    if (error instanceof Untyped) return error.message;
    return `not written by the builders (${(error as Error).message.split("\n")[0]})`;
  }
  const isPublic = head.name === "define-public";
  const file = G.guixFileE(
    G.guixFile([G.definePackage(variable.name, code.value, { public: isPublic })], { licensePrefix: prefix }),
  );
  if (E.isLeft(file))
    return `invalid for the builders: ${file.left[0]!.path.replace(/^file\.forms\[0\]\.package\.?/, "")} ${file.left[0]!.message}`;
  // Printed the same: the same data, nothing lost.
  if (file.right.text !== printDatums([form])) return "printed otherwise by the builders";
  return { code, variable: variable.name, public: isPublic };
}

/**
 * Import a Guix file's text as a guix-ts module. Throws the reader's SchemeSyntaxError
 * (file:line:column) for text that does not read; a form it does not understand is kept as Scheme.
 *
 * @example const { code, summary } = await importGuixFile(readFileSync("hello.scm", "utf8"), "hello.scm");
 */
export async function importGuixFile(text: string, file: string): Promise<ImportResult> {
  const nodes = readDatums(text, { file });
  const prefix = licensePrefix(nodes);
  const uses = new Set<string>(["guixFile"]);
  const entries: Ts[] = [];
  const consts: string[] = [];
  const names = new Set<string>();
  const reasons = new Map<string, number>();
  const forms: (G.PackageDefinition | Node)[] = [];
  let chunk: Node[] = [];
  let packages = 0;
  let typed = 0;
  let fullyTyped = 0;
  let withBuildCode = 0;
  const rawParts = new Map<string, number>();
  const flush = (): void => {
    if (chunk.length === 0) return;
    uses.add("schemeForms");
    const text = printDatums(chunk).replace(/\n$/, "");
    entries.push({
      k: "spread",
      of: { k: "call", callee: "schemeForms", args: [{ k: "tpl", text: templateText(text) }] },
    });
    forms.push(...G.schemeForms(text));
    chunk = [];
  };
  for (const node of nodes) {
    if (node.kind === "blank-lines") {
      flush();
      uses.add("blankLine");
      entries.push({ k: "word", text: "blankLine" });
      forms.push(G.blankLine);
      continue;
    }
    const isPackage =
      (headOf(node) === "define-public" || headOf(node) === "define") &&
      node.kind === "list" &&
      isPackageForm(node.items[2]);
    if (!isPackage) {
      chunk.push(node);
      continue;
    }
    packages++;
    const result = typedDefinition(node, prefix);
    if (typeof result === "string") {
      reasons.set(result, (reasons.get(result) ?? 0) + 1);
      chunk.push(node);
      continue;
    }
    typed++;
    const raws = new Set(result.code.raws ?? []);
    if (raws.size === 0) fullyTyped++;
    if ((result.code.codes ?? []).length > 0) withBuildCode++;
    for (const part of raws) rawParts.set(part, (rawParts.get(part) ?? 0) + 1);
    flush();
    const name = identifier(result.variable, names);
    result.code.uses.forEach((u) => uses.add(u));
    uses.add("definePackage");
    consts.push(statement(`export const ${name} = `, result.code.ts));
    entries.push({
      k: "call",
      callee: "definePackage",
      args: [
        { k: "str", value: result.variable },
        { k: "word", text: name },
        ...(result.public ? [] : [{ k: "obj", props: [["public", { k: "word", text: "false" }]] } as const]),
      ],
    });
    forms.push(G.definePackage(result.variable, result.code.value, { public: result.public }));
  }
  flush();
  const summary: ImportSummary = {
    forms: nodes.filter((n) => n.kind !== "blank-lines" && n.kind !== "comment").length,
    packages,
    typed,
    fullyTyped,
    withBuildCode,
    untyped: [...reasons].sort((a, b) => b[1] - a[1]),
    rawParts: [...rawParts].sort((a, b) => b[1] - a[1]),
  };
  const file_: Ts = {
    k: "call",
    callee: "guixFile",
    args: [
      { k: "arr", items: entries },
      ...(prefix ? [{ k: "obj", props: [["licensePrefix", { k: "str", value: prefix }]] } as const] : []),
    ],
  };
  const code = [
    `// Imported from ${file} by guix-ts import: ${summary.forms} forms, ${packages} packages (${typed} typed).\n` +
      "// `guix-ts print` of this module prints the file.\n" +
      importStatement([...uses].sort(), "@guix-ts/core"),
    ...consts,
    statement("export default ", file_),
  ].join("\n\n");
  return {
    code: `${code}\n`,
    file: G.guixFile(forms, prefix ? { licensePrefix: prefix } : {}),
    summary,
  };
}
