/**
 * A catalogue kept as a file: JSON of a versioned format, written atomically, checked when read.
 * Packages are rows, not objects, and name their module by its place among the modules: the file
 * is a third smaller and parses a third faster than the objects would (it is read on every build).
 */
import { readFile } from "node:fs/promises";
import { writeFileAtomic } from "@guix-ts/core";
import { CATALOG_FORMAT, type Catalog, type CatalogPackage } from "./catalog.js";
import { CatalogError } from "./read-tree.js";

/** One package in the file: name, version, outputs (`,`-joined), synopsis, location, module index, variables (` `-joined), then `1` for hidden or the variable that supersedes it. */
type Row = [string | null, string | null, string, string | null, string, number, string, (1 | string)?];

/**
 * Write a catalogue to `path`, atomically.
 *
 * @example await writeCatalog("guix-catalog.json", readTree("/src/guix"))
 */
export async function writeCatalog(path: string, catalog: Catalog): Promise<void> {
  const modules = Object.keys(catalog.modules);
  const index = new Map(modules.map((m, i) => [m, i]));
  const rows = catalog.packages.map((p): Row => {
    const row: Row = [
      p.name ?? null,
      p.version ?? null,
      p.outputs.join(","),
      p.synopsis ?? null,
      p.location,
      index.get(p.module) ?? -1,
      p.variables.join(" "),
    ];
    if (p.hidden) row.push(1);
    else if (p.supersededBy !== undefined) row.push(p.supersededBy);
    return row;
  });
  await writeFileAtomic(path, `${JSON.stringify({ ...catalog, packages: rows })}\n`);
}

const OUT: readonly string[] = Object.freeze(["out"]);

/** The package a row holds (built plainly: 26,000 of them are made on every read). */
function fromRow(row: Row, modules: readonly string[]): CatalogPackage {
  const [name, version, outputs, synopsis, location, module, variables, flag] = row;
  const p: { -readonly [K in keyof CatalogPackage]: CatalogPackage[K] } = {
    name: name ?? undefined,
    version: version ?? undefined,
    outputs: outputs === "out" ? OUT : outputs.split(","),
    synopsis: synopsis ?? undefined,
    location,
    module: modules[module] ?? "",
    variables: variables.includes(" ") ? variables.split(" ") : [variables],
  };
  if (flag === 1) p.hidden = true;
  else if (typeof flag === "string") p.supersededBy = flag;
  return p;
}

/**
 * Read a catalogue file. Throws CatalogError, in one line, for a file that is missing, not JSON, of
 * another format version, or not shaped as a catalogue.
 *
 * @example const catalog = await readCatalog("guix-catalog.json");
 */
export async function readCatalog(path: string): Promise<Catalog> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new CatalogError(`${path}: cannot read the catalogue (${(error as NodeJS.ErrnoException).code})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CatalogError(`${path}: not a catalogue: it is not JSON`);
  }
  const file = value as {
    format?: unknown;
    packages?: unknown;
    modules?: unknown;
    buildSystems?: unknown;
    uses?: unknown;
  } | null;
  if (typeof file !== "object" || file === null || !("format" in file))
    throw new CatalogError(`${path}: not a catalogue: no format version`);
  if (file.format !== CATALOG_FORMAT)
    throw new CatalogError(
      `${path}: a catalogue of format ${JSON.stringify(file.format)}; this guix-ts reads format ${CATALOG_FORMAT}: build it again (guix-ts catalog build)`,
    );
  if (
    !Array.isArray(file.packages) ||
    [file.modules, file.buildSystems, file.uses].some((part) => typeof part !== "object" || part === null)
  )
    throw new CatalogError(`${path}: not a catalogue: packages, modules, buildSystems or uses missing`);
  const modules = Object.keys(file.modules as object);
  const packages: CatalogPackage[] = [];
  for (const row of file.packages as Row[]) {
    if (!Array.isArray(row) || typeof row[4] !== "string" || typeof row[5] !== "number")
      throw new CatalogError(`${path}: not a catalogue: a package is not a row`);
    packages.push(fromRow(row, modules));
  }
  return { ...(file as unknown as Catalog), packages };
}
