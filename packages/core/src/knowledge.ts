/**
 * What validation may know of the Guix a build targets (a catalogue gives it: `knowledgeOf` in
 * `@guix-ts/catalog`): its packages, each module's public names, each build system's keywords.
 * Without it, names are checked for their form only.
 */
import { closest } from "./suggest.js";
import { SPECIFICATION } from "./validate-fields.js";

/** What the targeted Guix provides, as validation asks it: names, versions, outputs, modules, keywords. */
export interface GuixKnowledge {
  /** Package name -> its versions and outputs, one entry per package of that name. */
  readonly packages: ReadonlyMap<
    string,
    readonly { readonly version?: string | undefined; readonly outputs: readonly string[] }[]
  >;
  /** `gnu packages python` -> the names it exports. */
  readonly modules: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * Name -> the module to import it from, where the catalogue chose among several that export it
   * (the one Guix's own modules import most). A name not here is imported from the one module
   * that exports it, or by {@link preferredExporter}'s rule.
   */
  readonly exporters?: ReadonlyMap<string, string>;
  /** Build system name as guix-ts writes it (`pyproject` for `pyproject-build-system`) -> the keywords it accepts. */
  readonly buildSystems: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * What is wrong with a specification, or undefined: unknown name, version or output, with the closest.
 *
 * @example specificationProblem(knowledge, "python-fastapii") // "no package python-fastapii in this Guix; did you mean python-fastapi?"
 */
export function specificationProblem(
  knowledge: GuixKnowledge,
  name: string,
  version?: string,
  output?: string,
): string | undefined {
  const found = knowledge.packages.get(name);
  if (found === undefined) {
    const near = closest(name, knowledge.packages.keys());
    return `no package ${name} in this Guix${near ? `; did you mean ${near}?` : ""}`;
  }
  const versions =
    version === undefined
      ? found
      : found.filter((p) => p.version !== undefined && (p.version === version || p.version.startsWith(`${version}.`)));
  if (versions.length === 0)
    return `no version ${version} of ${name} in this Guix; it has ${found.map((p) => p.version ?? "?").join(", ")}`;
  if (output !== undefined && !versions.some((p) => p.outputs.includes(output)))
    return `${name} has no output ${output}; its outputs: ${[...new Set(versions.flatMap((p) => p.outputs))].join(", ")}`;
  return undefined;
}

/**
 * What is wrong with a specification written as text, `NAME[@VERSION][:OUTPUT]`, or undefined.
 *
 * @example specificationTextProblem(knowledge, "python:doc") // "python has no output doc; its outputs: out, tk"
 */
export function specificationTextProblem(knowledge: GuixKnowledge, specification: string): string | undefined {
  const parts = SPECIFICATION.exec(specification);
  if (parts === null) return `${specification} is not a specification (NAME[@VERSION][:OUTPUT])`;
  return specificationProblem(knowledge, parts[1]!, parts[2], parts[3]);
}

/**
 * What is wrong with `variable` from `module`, or undefined: no such module, or it does not export the name.
 *
 * @example variableProblem(knowledge, "python-fastapi", "gnu packages python") // "(gnu packages python) does not export python-fastapi; (gnu packages python-web) does"
 */
export function variableProblem(knowledge: GuixKnowledge, variable: string, module: string): string | undefined {
  const exports = knowledge.modules.get(module);
  const elsewhere = [...knowledge.modules].filter(([, names]) => names.has(variable)).map(([m]) => `(${m})`);
  if (exports === undefined) {
    const near = closest(module, knowledge.modules.keys());
    return `no module (${module}) in this Guix${near ? `; did you mean (${near})?` : elsewhere.length ? `; ${variable} is in ${elsewhere.join(", ")}` : ""}`;
  }
  if (exports.has(variable)) return undefined;
  if (elsewhere.length > 0) return `(${module}) does not export ${variable}; ${elsewhere.join(", ")} does`;
  const near = closest(variable, exports);
  return `(${module}) does not export ${variable}${near ? `; did you mean ${near}?` : ""}`;
}

/**
 * What is wrong with a build-system keyword, or undefined (also when the build system is not known).
 *
 * @example keywordProblem(knowledge, "pyproject", "test-flag") // "pyproject-build-system takes no #:test-flag in this Guix; did you mean #:test-flags?"
 */
export function keywordProblem(knowledge: GuixKnowledge, buildSystem: string, keyword: string): string | undefined {
  const keywords = knowledge.buildSystems.get(buildSystem);
  if (keywords === undefined || keywords.has(keyword)) return undefined;
  const near = closest(keyword, keywords);
  return `${buildSystem}-build-system takes no #:${keyword} in this Guix${near ? `; did you mean #:${near}?` : ""}`;
}

/**
 * Of the modules that export a name, the one to import: the catalogue's choice, else a host-side
 * `(guix ...)` module, then the shortest name, then the first in order.
 *
 * @example preferredExporter(knowledge, "url-fetch", ["guix build download", "guix download"]) // "guix download"
 */
export function preferredExporter(knowledge: GuixKnowledge, name: string, candidates: readonly string[]): string {
  const chosen = knowledge.exporters?.get(name);
  if (chosen !== undefined && candidates.includes(chosen)) return chosen;
  const rank = (m: string): [number, number, string] => [
    m.startsWith("guix ") && !m.startsWith("guix build ") ? 0 : 1,
    m.split(" ").length,
    m,
  ];
  return [...candidates].sort((a, b) => {
    const [x, y] = [rank(a), rank(b)];
    return x[0] - y[0] || x[1] - y[1] || (x[2] < y[2] ? -1 : 1);
  })[0]!;
}
