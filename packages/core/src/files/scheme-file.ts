/**
 * Whole files: manifest.scm and channels.scm, as data, then text. Each is validated in one pass
 * (every problem at once, nothing made from input that does not validate), then lowered in one.
 */
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import { blankLines, kw, list, printDatums, sym, type Node } from "@guix-ts/scheme-printer";
import { isExpression } from "../expressions.js";
import { packagesToManifest } from "../manifest.js";
import { duplicates, eachOf, isDatumValue, kindOf, matches, validateExpression, VARIABLE } from "../validate-fields.js";
import { all, andKeep, check, problem } from "../validation.js";
import type { CheckedDefinition, CheckedPackageRef } from "../checked.js";
import type { LockFile } from "../lock.js";
import { Lowering, type LowerOptions } from "../lower.js";
import { validateChannels } from "../validate-channels.js";
import { freeVariables } from "../free-variables.js";
import type { GuixKnowledge } from "../knowledge.js";
import { validateManifest } from "../validate.js";
import { GuixValidationError, orThrow, type Validation } from "../validation.js";
import { isScheme, type Channel, type Definition, type Manifest, type PackageRef } from "../values.js";
import { writeFileAtomic } from "./atomic-write.js";

/** A file's forms and its text, as `guix style` lays it out. */
export interface SchemeFile {
  readonly kind: "scheme-file";
  readonly nodes: readonly Node[];
  readonly text: string;
}

/**
 * Where a manifest is loaded: `"guix-cli"` by `guix pack/build/shell -m`,
 * which provides `(guix profiles)`, `(gnu packages)` and `(guix gexp)`;
 * `"standalone"` for plain `guile`, which has nothing.
 */
export type ManifestContext = "guix-cli" | "standalone";

/**
 * The modules each context provides a manifest without its importing them.
 *
 * @example MANIFEST_CONTEXT_MODULES["guix-cli"].has("guix profiles") // true
 */
export const MANIFEST_CONTEXT_MODULES: Readonly<Record<ManifestContext, ReadonlySet<string>>> = {
  "guix-cli": new Set(["guix profiles", "gnu packages", "guix gexp"]),
  standalone: new Set(),
};

/** What `manifestFileE()` takes: the manifest, where it is loaded, the lock, the license prefix. */
export interface ManifestFileOptions extends LowerOptions {
  readonly manifest: Manifest;
  readonly context?: ManifestContext;
  /** Commits and hashes of git sources pinned by `guix-ts lock` (`readLock` in `@guix-ts/pinning`). */
  readonly lock?: LockFile | undefined;
  /** What the targeted Guix provides (`knowledgeOf(catalog)` in `@guix-ts/catalog`): names are checked against it. */
  readonly knowledge?: GuixKnowledge | undefined;
  /** Top-level `(define NAME VALUE)`s, written before the packages (`define(...)`). */
  readonly definitions?: readonly Definition[] | undefined;
}

/** The name of what a ref stands for: a package's name, a Guix variable, or "package". */
function refName(ref: CheckedPackageRef): string {
  if (isScheme(ref)) return "package";
  if (ref.kind === "package") return ref.name;
  if (ref.kind === "package-variant") return ref.name ?? `${refName(ref.parent)}-variant`;
  if (ref.kind === "guix-package" || ref.kind === "package-variable") return ref.variable;
  return refName(ref.package);
}

/** A variable for each package: its name, made unique against the others and Guix's variables in the file. */
function variableNames(packages: readonly CheckedDefinition[], taken: Set<string>): Map<CheckedDefinition, string> {
  const variables = new Map<CheckedDefinition, string>();
  for (const p of packages) {
    const base = refName(p);
    let name = base;
    if (taken.has(name) && typeof p.version === "string") name = `${base}-${p.version}`;
    for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
    taken.add(name);
    variables.set(p, name);
  }
  return variables;
}

/**
 * A file of top-level forms, a blank line between each two.
 *
 * @example schemeFile([list([sym("use-modules"), list([sym("gnu")])]), list([sym("hello")])]).text // "(use-modules (gnu))\n\n(hello)\n"
 */
export function schemeFile(forms: readonly Node[]): SchemeFile {
  const nodes = forms.flatMap((form, i) => (i === 0 ? [form] : [blankLines(), form]));
  return Object.freeze({ kind: "scheme-file", nodes: Object.freeze(nodes), text: printDatums(nodes) });
}

const useModules = (clauses: readonly Node[]): Node[] =>
  clauses.length === 0 ? [] : [list([sym("use-modules"), ...clauses])];

/**
 * A manifest file: `(use-modules ...)` for what it uses (nothing the context
 * provides), a `(define NAME (package ...))` for each package built with
 * `pkg()`, dependencies first, then the manifest.
 *
 * @example manifestFileE({ manifest: specificationsToManifest(["python"]) })
 * // Right({ text: '(specifications->manifest (list "python"))\n', ... })
 */
export function manifestFileE(options: ManifestFileOptions): Validation<SchemeFile> {
  const definitions = options.definitions ?? [];
  return pipe(
    all({
      checked: validateManifest(options.manifest, { lock: options.lock, knowledge: options.knowledge }),
      definitions: validateDefinitions(definitions, "definitions"),
    }),
    E.map(({ checked: { manifest, packages, guixVariables } }) => {
      const variables = variableNames(packages, new Set([...guixVariables, ...definitions.map((d) => d.name)]));
      const lowering = new Lowering(options, variables);
      const helpers = definitions.map((d) => lowering.topLevel(d));
      const defines = packages.map((p) => list([sym("define"), sym(variables.get(p)!), lowering.definition(p)]));
      const body = lowering.manifest(manifest);
      const provided = MANIFEST_CONTEXT_MODULES[options.context ?? "guix-cli"];
      if (options.knowledge !== undefined)
        lowering.useExporters(
          freeVariables(
            [...helpers, ...defines, body],
            new Set([...variables.values(), ...definitions.map((d) => d.name)]),
          ),
          options.knowledge,
          provided,
        );
      const imports = lowering.useModules(provided, manifest);
      return schemeFile([...useModules(imports), ...helpers, ...defines, body]);
    }),
  );
}

/** Each definition's name and value, and names given twice. */
function validateDefinitions(definitions: readonly Definition[], path: string): Validation<readonly Definition[]> {
  return pipe(
    all({
      each: eachOf(definitions, path, (d: unknown, dp): Validation<Definition> => {
        if (kindOf(d) !== "definition") return problem(dp, d, "expected define(name, value)");
        const { name, value } = d as Definition;
        return andKeep(
          d as Definition,
          check(matches(VARIABLE, name), `${dp}.name`, name, "expected a variable name"),
          isExpression(value)
            ? validateExpression(value, `${dp}.value`)
            : check(isDatumValue(value), `${dp}.value`, value, "expected Scheme"),
        );
      }),
      unique: andKeep(
        undefined,
        ...duplicates(
          definitions.map((d, i): [string, string] => [String((d as Definition).name), `${path}[${i}].name`]),
          (name, first) => `${name} is defined already at ${first}`,
        ),
      ),
    }),
    E.map(({ each }) => each),
  );
}

/** What `packageModuleFileE()` takes: the module's name, the packages it exports, its helpers. */
export interface PackageModuleOptions extends LowerOptions {
  /** `"my packages"` for `(define-module (my packages) ...)`. */
  readonly module: string;
  /** The packages (and variants) it exports with `define-public`; those they use but not listed are `define`d. */
  readonly packages: readonly PackageRef[];
  /** Top-level `(define NAME VALUE)`s, before the packages. */
  readonly definitions?: readonly Definition[] | undefined;
  readonly lock?: LockFile | undefined;
  readonly knowledge?: GuixKnowledge | undefined;
}

/**
 * A module of a channel: `(define-module (NAME) #:use-module ...)` for what it uses (licenses with
 * the `license:` prefix, as Guix's modules have them), its helpers, then each package, the ones
 * listed `define-public`, dependencies first.
 *
 * @example packageModuleFileE({ module: "my packages", packages: [hello] }) // Right({ text: "(define-module (my packages)\n  #:use-module ..." })
 */
export function packageModuleFileE(options: PackageModuleOptions): Validation<SchemeFile> {
  const moduleName = typeof options.module === "string" ? options.module.trim().split(/\s+/) : [];
  const definitions = options.definitions ?? [];
  return pipe(
    all({
      checked: validateManifest(packagesToManifest(options.packages), {
        lock: options.lock,
        knowledge: options.knowledge,
        path: "packages",
      }),
      definitions: validateDefinitions(definitions, "definitions"),
      module: check(
        moduleName.length > 0 && moduleName.every((part) => matches(VARIABLE, part)),
        "module",
        options.module,
        'expected a module name such as "my packages"',
      ),
    }),
    E.map(({ checked: { manifest, packages, guixVariables } }) => {
      const exported = new Set(isScheme(manifest) || manifest.kind !== "packages-manifest" ? [] : manifest.packages);
      const variables = variableNames(packages, new Set([...guixVariables, ...definitions.map((d) => d.name)]));
      const lowering = new Lowering({ licensePrefix: "license:", ...options }, variables);
      const helpers = definitions.map((d) => lowering.topLevel(d));
      const defines = packages.map((p) =>
        list([sym(exported.has(p) ? "define-public" : "define"), sym(variables.get(p)!), lowering.definition(p)]),
      );
      if (options.knowledge !== undefined)
        lowering.useExporters(
          freeVariables([...helpers, ...defines], new Set([...variables.values(), ...definitions.map((d) => d.name)])),
          options.knowledge,
          new Set(),
        );
      const uses = lowering.useModules(new Set()).flatMap((clause) => [kw("use-module"), clause]);
      const header = list([sym("define-module"), list(moduleName.map((part) => sym(part))), ...uses]);
      return schemeFile([header, ...helpers, ...defines]);
    }),
  );
}

/**
 * {@link packageModuleFileE}, throwing a {@link GuixValidationError} that lists every problem.
 *
 * @example writeFileSync("my/packages.scm", packageModuleFile({ module: "my packages", packages }).text)
 */
export function packageModuleFile(options: PackageModuleOptions): SchemeFile {
  return orThrow(packageModuleFileE(options));
}

/**
 * {@link manifestFileE}, throwing a {@link GuixValidationError} that lists every problem.
 *
 * @example writeFileSync("manifest.scm", manifestFile({ manifest }).text)
 */
export function manifestFile(options: ManifestFileOptions): SchemeFile {
  return orThrow(manifestFileE(options));
}

/** What `channelsFileE()` takes. */
export interface ChannelsFileOptions {
  readonly channels: readonly Channel[];
  /** Commits of channels given a branch, pinned by `guix-ts lock`. */
  readonly lock?: LockFile | undefined;
  /** Add the channels on top of Guix's own (`%default-channels`) instead of replacing them. */
  readonly withDefaultChannels?: boolean;
}

/**
 * A channels file: `(list (channel ...) ...)`, or the channels `cons`ed onto `%default-channels`.
 *
 * @example channelsFileE({ channels: [guixChannel({ commit: "287aec56..." })] })
 */
export function channelsFileE(options: ChannelsFileOptions): Validation<SchemeFile> {
  return pipe(
    validateChannels(options.channels, { lock: options.lock }),
    E.map((channels) => {
      const lowering = new Lowering({});
      const forms = channels.map((c) => lowering.channel(c));
      if (!options.withDefaultChannels) return schemeFile([list([sym("list"), ...forms])]);
      return schemeFile([list([sym(forms.length === 1 ? "cons" : "cons*"), ...forms, sym("%default-channels")])]);
    }),
  );
}

/**
 * {@link channelsFileE}, throwing a {@link GuixValidationError} that lists every problem.
 *
 * @example channelsFile({ channels: [guixChannel()] }).text
 */
export function channelsFile(options: ChannelsFileOptions): SchemeFile {
  return orThrow(channelsFileE(options));
}

/**
 * Write a file atomically. Given a failed validation it writes nothing and
 * throws a {@link GuixValidationError} listing every problem.
 *
 * @example await writeFile("manifest.scm", manifestFileE({ manifest }))
 */
export async function writeFile(path: string, file: SchemeFile | Validation<SchemeFile>): Promise<void> {
  if ("kind" in file) return writeFileAtomic(path, file.text);
  if (E.isLeft(file)) throw new GuixValidationError(file.left);
  return writeFileAtomic(path, file.right.text);
}
