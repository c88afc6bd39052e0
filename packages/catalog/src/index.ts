/**
 * @guix-ts/catalog: what one Guix provides — its packages, each module's public names, its build
 * systems and their keywords — read from a checkout of the channel, kept as a versioned file.
 */
export { CATALOG_FORMAT, type Catalog, type CatalogBuildSystem, type CatalogPackage } from "./catalog.js";
export { readModule, type ModuleFacts, type RawPackage, type Known } from "./read-module.js";
export { readTree, CatalogError, type ReadTreeOptions } from "./read-tree.js";
export { readCatalog, writeCatalog } from "./catalog-file.js";
export { knowledgeOf, listLine, searchPackages, showRecord, visiblePackages } from "./query.js";
