/**
 * Catalogues kept by channel commits (`~/.cache/guix-ts/catalogs/guix-<commit>.json`): built once
 * per commit, found again by the commits alone. An entry that does not read, or was made for other
 * commits, is not trusted: it is as if there were none, and the next build replaces it.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Catalog } from "./catalog.js";
import { readCatalog, writeCatalog } from "./catalog-file.js";
import { cacheHome, checkOut, type CheckedOutTree } from "./checkout.js";
import { readTrees } from "./read-tree.js";

/** A channel at a commit: what a catalogue is built for. */
export interface PinnedChannel {
  readonly name: string;
  readonly url: string;
  readonly commit: string;
}

/**
 * Where the catalogue of these channels is kept: one file per set of commits.
 *
 * @example catalogCachePath([{ name: "guix", url, commit: "4fd32c00ab" }]) // "~/.cache/guix-ts/catalogs/guix-4fd32c00ab.json"
 */
export function catalogCachePath(channels: readonly PinnedChannel[]): string {
  const key = [...channels]
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((c) => `${c.name.replace(/[^\w.-]/g, "_")}-${c.commit}`)
    .join("+");
  const name = key.length <= 200 ? key : createHash("sha256").update(key).digest("hex");
  return join(cacheHome(), "guix-ts", "catalogs", `${name}.json`);
}

/** Whether `catalog` was made for exactly these channels (a commit may be given shortened). */
function madeFor(catalog: Catalog, channels: readonly PinnedChannel[]): boolean {
  return (
    Object.keys(catalog.channels).length === channels.length &&
    channels.every((c) => catalog.channels[c.name]?.startsWith(c.commit.toLowerCase()) === true)
  );
}

/**
 * The cached catalogue of these channels, or undefined: none yet, or an entry that cannot be
 * trusted (corrupt, of another format, made for other commits).
 *
 * @example const catalog = await cachedCatalog([{ name: "guix", url, commit }]);
 */
export async function cachedCatalog(channels: readonly PinnedChannel[]): Promise<Catalog | undefined> {
  const path = catalogCachePath(channels);
  if (channels.length === 0 || !existsSync(path)) return undefined;
  try {
    const catalog = await readCatalog(path);
    return madeFor(catalog, channels) ? catalog : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Keep `catalog` as the one of these channels (atomically); returns where.
 *
 * @example await cacheCatalog(channels, catalog) // "~/.cache/guix-ts/catalogs/guix-4fd3….json"
 */
export async function cacheCatalog(channels: readonly PinnedChannel[], catalog: Catalog): Promise<string> {
  const path = catalogCachePath(channels);
  await mkdir(join(path, ".."), { recursive: true });
  await writeCatalog(path, catalog);
  return path;
}

/**
 * Read the channels at their commits statically: each checked out (from Guix's checkout cache or
 * ours, fetched with git when needed) into a temporary folder, read, and removed.
 *
 * @example const catalog = await staticCatalog([{ name: "guix", url: "https://git.guix.gnu.org/guix.git", commit }]);
 */
export async function staticCatalog(channels: readonly PinnedChannel[], signal?: AbortSignal): Promise<Catalog> {
  const trees: CheckedOutTree[] = [];
  try {
    for (const c of channels) trees.push(await checkOut(c.url, c.commit, signal));
    return readTrees(
      trees.map((t) => ({ dir: t.dir, moduleDir: t.moduleDir })),
      Object.fromEntries(channels.map((c, i) => [c.name, trees[i]!.commit])),
    );
  } finally {
    await Promise.all(trees.map((t) => t.remove()));
  }
}
