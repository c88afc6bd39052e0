/**
 * @guix-ts/import: Guix files (manifests, channels, package modules) as guix-ts modules — builder
 * code where the builders write a form back exactly, Scheme kept as it is everywhere else.
 */
export { importGuixFile, type ImportResult, type ImportSummary } from "./import-file.js";
export { packageCode } from "./package-form.js";
export { Untyped, templateText, type Code } from "./code.js";
export { layout, statement, importStatement, type Ts } from "./layout.js";
