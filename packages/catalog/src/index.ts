/**
 * @guix-ts/catalog: what one Guix provides — its packages, each module's public names, its build
 * systems and their keywords — read from a checkout of the channel or asked of a real Guix, kept
 * as a versioned file and cached by channel commits, and turned into TypeScript types.
 */
export { CATALOG_FORMAT, type Catalog, type CatalogBuildSystem, type CatalogPackage } from "./catalog.js";
export { readModule, type ModuleFacts, type RawPackage, type Known } from "./read-module.js";
export { readTree, readTrees, CatalogError, type ChannelTree, type ReadTreeOptions } from "./read-tree.js";
export { readCatalog, writeCatalog } from "./catalog-file.js";
export { knowledgeOf, listLine, searchPackages, showRecord, visiblePackages } from "./query.js";
export { checkOut, cacheHome, type CheckedOutTree } from "./checkout.js";
export { cacheCatalog, cachedCatalog, catalogCachePath, staticCatalog, type PinnedChannel } from "./cache.js";
export { pinnedChannelsOf } from "./channels-file.js";
export { CATALOG_REPL_SCRIPT, catalogFromRepl } from "./guix-repl.js";
export { catalogTypes, type CatalogTypes } from "./types.js";
