/** A catalogue kept as a file: JSON of a versioned format, written atomically, checked when read. */
import { readFile } from "node:fs/promises";
import { writeFileAtomic } from "@guix-ts/core";
import { CATALOG_FORMAT, type Catalog } from "./catalog.js";
import { CatalogError } from "./read-tree.js";

/**
 * Write a catalogue to `path`, atomically.
 *
 * @example await writeCatalog("guix-catalog.json", readTree("/src/guix"))
 */
export async function writeCatalog(path: string, catalog: Catalog): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(catalog)}\n`);
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
  const catalog = value as Partial<Catalog> | null;
  if (typeof catalog !== "object" || catalog === null || !("format" in catalog))
    throw new CatalogError(`${path}: not a catalogue: no format version`);
  if (catalog.format !== CATALOG_FORMAT)
    throw new CatalogError(
      `${path}: a catalogue of format ${JSON.stringify(catalog.format)}; this guix-ts reads format ${CATALOG_FORMAT}: build it again (guix-ts catalog build)`,
    );
  if (
    !Array.isArray(catalog.packages) ||
    typeof catalog.modules !== "object" ||
    typeof catalog.buildSystems !== "object"
  )
    throw new CatalogError(`${path}: not a catalogue: packages, modules or buildSystems missing`);
  return catalog as Catalog;
}
