/** Asking a catalogue what `guix package -A`, `guix show` and `guix search` ask of Guix. */
import type { GuixKnowledge } from "@guix-ts/core";
import type { Catalog, CatalogPackage } from "./catalog.js";

/**
 * The packages `fold-packages` gives: named, not hidden, not deprecated; sorted by name then version.
 *
 * @example visiblePackages(catalog).map(listLine).join("\n")
 */
export function visiblePackages(catalog: Catalog): CatalogPackage[] {
  return catalog.packages
    .filter((p) => p.name !== undefined && !p.hidden && p.supersededBy === undefined)
    .sort((a, b) =>
      a.name! < b.name! ? -1 : a.name! > b.name! ? 1 : (a.version ?? "").localeCompare(b.version ?? ""),
    );
}

/**
 * One line per package, tab-separated as `guix package -A` prints them (name, version, outputs
 * joined by `,`, location), then the module and the variable.
 *
 * @example listLine(pkg) // "hello\t2.12.2\tout\tgnu/packages/base.scm:100:2\tgnu packages base\thello"
 */
export function listLine(p: CatalogPackage): string {
  return [p.name, p.version ?? "?", p.outputs.join(","), p.location, p.module, p.variables[0]].join("\t");
}

/**
 * A package as `guix show` prints it (the fields a static reading knows).
 *
 * @example showRecord(pkg) // "name: hello\nversion: 2.12.2\noutputs:\n+ out\n..."
 */
export function showRecord(p: CatalogPackage): string {
  return [
    `name: ${p.name ?? "?"}`,
    `version: ${p.version ?? "?"}`,
    `outputs:`,
    ...p.outputs.map((o) => `+ ${o}`),
    `location: ${p.location}`,
    `module: ${p.module}`,
    `variables: ${p.variables.join(" ")}`,
    ...(p.supersededBy ? [`deprecated: use ${p.supersededBy}`] : []),
    ...(p.hidden ? ["hidden: yes"] : []),
    `synopsis: ${p.synopsis ?? "?"}`,
    "",
  ].join("\n");
}

/**
 * The packages whose name or synopsis every regular expression matches (case-insensitive), names
 * matched first, as `guix search` ranks them.
 *
 * @example searchPackages(catalog, ["^python-fast"]).map((p) => p.name)
 */
export function searchPackages(catalog: Catalog, patterns: readonly RegExp[]): CatalogPackage[] {
  const score = (p: CatalogPackage): number =>
    patterns.every((r) => r.test(p.name!) || r.test(p.synopsis ?? ""))
      ? patterns.filter((r) => r.test(p.name!)).length * 2 + 1
      : 0;
  return visiblePackages(catalog)
    .map((p) => ({ p, s: score(p) }))
    .filter(({ s }) => s > 0)
    .sort((a, b) => b.s - a.s)
    .map(({ p }) => p);
}

/**
 * What validation needs to know of this Guix (`GuixKnowledge` in `@guix-ts/core`): package names
 * with their versions and outputs, module interfaces, build systems' keywords (named as guix-ts
 * names them: `pyproject` for `pyproject-build-system`).
 *
 * @example manifestFileE({ manifest, knowledge: knowledgeOf(await readCatalog("guix-catalog.json")) })
 */
export function knowledgeOf(catalog: Catalog): GuixKnowledge {
  const packages = new Map<string, { version: string | undefined; outputs: readonly string[] }[]>();
  for (const p of catalog.packages)
    if (p.name !== undefined && !p.hidden && p.supersededBy === undefined)
      packages.set(p.name, [...(packages.get(p.name) ?? []), { version: p.version, outputs: p.outputs }]);
  const modules = new Map(Object.entries(catalog.modules).map(([m, names]) => [m, new Set(names)]));
  // Where several modules export a name, the one most imported by the catalogued modules...
  const exporters = new Map<string, string>();
  const uses = (m: string): number => catalog.uses[m] ?? 0;
  for (const [module, names] of Object.entries(catalog.modules))
    for (const name of names) {
      const had = exporters.get(name);
      if (had === undefined || uses(module) > uses(had)) exporters.set(name, module);
    }
  // A package's variable comes from its package module (`genimage` the package, not the procedure of
  // `(gnu build image)`): templates name packages far more than build-side procedures.
  for (const p of catalog.packages)
    if (!p.hidden) for (const v of p.variables) if (modules.get(p.module)?.has(v)) exporters.set(v, p.module);
  return {
    packages,
    exporters,
    modules,
    buildSystems: new Map(
      Object.entries(catalog.buildSystems).map(([variable, b]) => [
        variable.replace(/-build-system$/, ""),
        new Set(b.keywords),
      ]),
    ),
  };
}
