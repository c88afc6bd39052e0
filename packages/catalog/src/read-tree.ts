/**
 * A catalogue from a checkout of a channel, read statically: every module's public interface,
 * every package bound to a public variable (inheritance followed across modules), every build
 * system and the keywords it accepts. A module that does not read is a problem, the rest is read.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { CATALOG_FORMAT, type Catalog, type CatalogBuildSystem, type CatalogPackage } from "./catalog.js";
import { readModule, type Known, type ModuleFacts, type RawPackage } from "./read-module.js";

/**
 * The folder is not a Guix channel, or cannot be read: why, in one line.
 *
 * @example readTree("/tmp").catch((e: CatalogError) => console.error(e.message))
 */
export class CatalogError extends Error {
  override readonly name = "CatalogError";
}

/** Every `.scm` file below `dir`, as paths relative to it, sorted; `.git` and hidden folders skipped. */
function schemeFiles(dir: string, under = ""): string[] {
  const files: string[] = [];
  if (!existsSync(join(dir, under))) return files;
  for (const entry of readdirSync(join(dir, under), { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : 1,
  )) {
    if (entry.name.startsWith(".")) continue;
    const path = under ? `${under}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...schemeFiles(dir, path));
    else if (entry.name.endsWith(".scm")) files.push(path);
  }
  return files;
}

/** What `readTree()` takes besides the folder. */
export interface ReadTreeOptions {
  /** The channels the checkout is (`{ guix: "4fd32c00ab..." }`), recorded in the catalogue. */
  readonly channels?: Readonly<Record<string, string | undefined>>;
  /** Only these folders of it (default: `gnu` and `guix` in a Guix checkout, else all of it). */
  readonly roots?: readonly string[];
  /** The folder of it that the modules are in (a channel's `(directory "...")`); locations are relative to it. */
  readonly moduleDir?: string;
}

/** One checkout to read: its folder and, as in {@link ReadTreeOptions}, the part of it. */
export interface ChannelTree {
  readonly dir: string;
  readonly roots?: readonly string[] | undefined;
  readonly moduleDir?: string | undefined;
}

/**
 * Read a checkout of a channel into a catalogue. Throws CatalogError when `dir` is no channel
 * (no folder, or no module in it).
 *
 * @example const catalog = readTree("/home/me/src/guix", { channels: { guix: "4fd32c00ab" } });
 */
export function readTree(dir: string, options: ReadTreeOptions = {}): Catalog {
  return readTrees([{ dir, roots: options.roots, moduleDir: options.moduleDir }], options.channels ?? {});
}

/**
 * Read the checkouts of several channels into one catalogue: a package may inherit from another
 * channel's. Throws CatalogError when a folder is no channel.
 *
 * @example readTrees([{ dir: "/src/guix" }, { dir: "/src/my-channel", moduleDir: "src" }], { guix: "4fd3…", mine: "a1b2…" })
 */
export function readTrees(
  trees: readonly ChannelTree[],
  channels: Readonly<Record<string, string | undefined>>,
): Catalog {
  const facts: (ModuleFacts & { file: string })[] = [];
  const problems: string[] = [];
  for (const tree of trees) {
    const base = tree.moduleDir ? join(tree.dir, tree.moduleDir) : tree.dir;
    try {
      if (!statSync(base).isDirectory()) throw new CatalogError(`${base} is not a folder`);
    } catch (error) {
      if (error instanceof CatalogError) throw error;
      throw new CatalogError(`${base}: no such folder`);
    }
    // Guix's own checkout: its modules are under gnu/ and guix/ (tests/ and etc/ hold other Scheme).
    const roots = tree.roots ?? (existsSync(join(base, "guix", "packages.scm")) ? ["gnu", "guix"] : [""]);
    const before = facts.length;
    for (const file of roots.flatMap((root) => schemeFiles(base, root))) {
      try {
        const read = readModule(readFileSync(join(base, file), "utf8"), file);
        if (read) facts.push({ ...read, file });
      } catch (error) {
        problems.push((error as Error).message.split("\n")[0]!);
      }
    }
    if (facts.length === before)
      throw new CatalogError(`${tree.dir} is not a Guix channel: no Scheme module (define-module) in it`);
  }
  return {
    format: CATALOG_FORMAT,
    channels,
    packages: resolvePackages(facts),
    modules: Object.fromEntries(facts.map((f) => [f.module, [...f.exports].sort()])),
    buildSystems: Object.fromEntries(
      facts.flatMap((f) =>
        f.buildSystems.map((b) => [
          b.variable,
          { module: f.module, keywords: b.keywords } satisfies CatalogBuildSystem,
        ]),
      ),
    ),
    uses: usesOf(facts),
    problems,
  };
}

/** How many modules import each module. */
function usesOf(facts: readonly ModuleFacts[]): Record<string, number> {
  const uses: Record<string, number> = {};
  for (const f of facts) for (const used of new Set(f.uses)) uses[used] = (uses[used] ?? 0) + 1;
  return uses;
}

type Located = RawPackage & { readonly module: string; readonly file: string };

/** Packages with inheritance followed: name, version, outputs and synopsis come from the parent when not set. */
function resolvePackages(facts: readonly (ModuleFacts & { file: string })[]): CatalogPackage[] {
  const byVariable = new Map<string, Located[]>();
  for (const f of facts)
    for (const p of f.packages)
      for (const v of p.variables)
        byVariable.set(v, [...(byVariable.get(v) ?? []), { ...p, module: f.module, file: f.file }]);
  // The parent a module means: its own variable first, else the one other modules export.
  const find = (variable: string, module: string): Located | undefined => {
    const found = byVariable.get(variable);
    return found?.find((p) => p.module === module) ?? found?.[0];
  };
  const resolving = new Set<Located>();
  const field = (p: Located, key: "name" | "version" | "synopsis"): string | undefined => {
    const known: Known = p[key];
    if (known !== undefined && "text" in known) return known.text;
    if (resolving.has(p)) return undefined; // a cycle: unknown, not a hang
    resolving.add(p);
    try {
      const from = known !== undefined ? find(known.sameAs, p.module) : p.parent ? find(p.parent, p.module) : undefined;
      // A deprecated package has its own name; everything else follows the parent.
      return from && !(key === "name" && p.supersededBy && known === undefined) ? field(from, key) : undefined;
    } finally {
      resolving.delete(p);
    }
  };
  const outputs = (p: Located, depth = 0): readonly string[] => {
    if (p.outputs) return p.outputs;
    const parent = p.parent && depth < 50 ? find(p.parent, p.module) : undefined;
    return parent ? outputs(parent, depth + 1) : ["out"];
  };
  // `hidden-package` keeps the location of the package it hides, as Guix's does.
  const location = (p: Located, depth = 0): string => {
    const parent = p.hidden && p.parent && depth < 50 ? find(p.parent, p.module) : undefined;
    return parent ? location(parent, depth + 1) : `${p.file}:${p.line}:${p.column}`;
  };
  const packages: (CatalogPackage & { variables: string[] })[] = [];
  const seen = new Map<string, CatalogPackage & { variables: string[] }>();
  for (const f of facts)
    for (const raw of f.packages) {
      const p: Located = { ...raw, module: f.module, file: f.file };
      if (p.alias) {
        // Another name for a package of the same module: one package, two variables.
        const target = p.parent && seen.get(`${f.module}\0${p.parent}`);
        if (target) {
          target.variables.push(...p.variables);
          // An alias of an alias (`python` -> `python-3` -> `python-3.11`) finds it too.
          for (const v of p.variables) seen.set(`${f.module}\0${v}`, target);
        }
        continue;
      }
      const made = {
        name: field(p, "name"),
        version: field(p, "version"),
        outputs: outputs(p),
        synopsis: field(p, "synopsis"),
        location: location(p),
        module: f.module,
        variables: [...p.variables],
        ...(p.hidden ? { hidden: true as const } : {}),
        ...(p.supersededBy ? { supersededBy: p.supersededBy } : {}),
      };
      for (const v of p.variables) seen.set(`${f.module}\0${v}`, made);
      if (!p.private) packages.push(made);
    }
  for (const p of packages) namedFirst(p.name, p.variables);
  return packages;
}

/** The variable named as the package first (`python`, not `python-3.11`: the one `catalog list` shows), the rest in order. */
export function namedFirst(name: string | undefined, variables: string[]): string[] {
  const at = name === undefined ? -1 : variables.indexOf(name);
  if (at > 0) variables.unshift(...variables.splice(at, 1));
  return variables;
}
