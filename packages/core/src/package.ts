import { deepFreeze } from "./deep-freeze.js";
import type { License } from "./licenses.js";
import {
  type AnySearchPath,
  type BuildSystem,
  type PackageVariable,
  type PredefinedSearchPath,
  type GuixPackage,
  type Origin,
  type Package,
  type PackageInput,
  type Scheme,
  type SearchPath,
} from "./values.js";

/** What `pkg()` takes: the fields of a package, inputs and outputs optional. */
export interface PackageOptions {
  readonly name: string;
  readonly version: string;
  /** An origin, or `undefined` for `(source #f)`. */
  readonly source: Origin | Scheme | undefined;
  readonly buildSystem: BuildSystem;
  readonly inputs?: readonly PackageInput[];
  readonly nativeInputs?: readonly PackageInput[];
  readonly propagatedInputs?: readonly PackageInput[];
  readonly outputs?: readonly string[];
  readonly synopsis: string;
  readonly description: string;
  readonly homePage: string;
  readonly license: License | readonly License[] | Scheme;
  readonly properties?: Readonly<Record<string, string | number | boolean | Scheme>> | Scheme;
  readonly supportedSystems?: readonly string[];
  readonly nativeSearchPaths?: readonly AnySearchPath[];
  readonly searchPaths?: readonly AnySearchPath[];
  /** The order of its fields by Scheme name, when not Guix's usual one (what `guix-ts import` keeps). */
  readonly order?: readonly string[];
  /** Comment lines before a field, by its Scheme name: `{ arguments: [";; The tests need a network."] }`. */
  readonly comments?: Readonly<Record<string, readonly string[]>>;
  /** A comment on the same line after a field, by its Scheme name. */
  readonly marginComments?: Readonly<Record<string, string>>;
}

/**
 * A package definition.
 *
 * @example
 * pkg({ name: "hello", version: "2.12", source: urlFetch({...}), buildSystem: gnuBuildSystem(),
 *       synopsis: "Hello", description: "Greets.", homePage: "https://www.gnu.org/software/hello/", license: "gpl3+" })
 * // (package (name "hello") (version "2.12") (source (origin ...)) (build-system gnu-build-system) ...)
 */
export function pkg(options: PackageOptions): Package {
  return deepFreeze({
    kind: "package",
    name: options.name,
    version: options.version,
    source: options.source,
    buildSystem: options.buildSystem,
    inputs: options.inputs ?? [],
    nativeInputs: options.nativeInputs ?? [],
    propagatedInputs: options.propagatedInputs ?? [],
    outputs: options.outputs,
    synopsis: options.synopsis,
    description: options.description,
    homePage: options.homePage,
    license: options.license,
    properties: options.properties,
    supportedSystems: options.supportedSystems,
    nativeSearchPaths: options.nativeSearchPaths,
    searchPaths: options.searchPaths,
    ...(options.order !== undefined ? { order: options.order } : {}),
    ...(options.comments !== undefined ? { comments: options.comments } : {}),
    ...(options.marginComments !== undefined ? { marginComments: options.marginComments } : {}),
  });
}

/**
 * A package by its variable alone, bound in the file or by a module it uses (what `guix-ts import`
 * gives for the inputs of a file it reads).
 *
 * @example pkg({ ..., inputs: [packageVariable("zlib")] }) // (inputs (list zlib))
 */
export function packageVariable(variable: string): PackageVariable {
  return deepFreeze({ kind: "package-variable", variable });
}

/**
 * A package variable of Guix's collection, and the module that exports it.
 *
 * @example guixPackage("python", "gnu packages python") // python, with (use-modules (gnu packages python))
 */
export function guixPackage(variable: string, module: string): GuixPackage {
  const parts = typeof module === "string" ? module.trim().split(/\s+/) : module;
  return deepFreeze({ kind: "guix-package", variable, module: parts });
}

/**
 * `(search-path-specification (variable "GUIX_PYTHONPATH") (files '("lib/python3/site-packages")))`
 *
 * @example searchPath({ variable: "GUIX_PYTHONPATH", files: ["lib/python3.10/site-packages"] })
 */
export function searchPath(options: Omit<SearchPath, "kind">): SearchPath {
  return deepFreeze({ kind: "search-path", ...options });
}

/**
 * One of Guix's predefined search paths, `$VARIABLE` from `(guix search-paths)`.
 *
 * @example pkg({ ..., nativeSearchPaths: [predefinedSearchPath("SSL_CERT_DIR"), predefinedSearchPath("SSL_CERT_FILE")] })
 */
export function predefinedSearchPath(variable: PredefinedSearchPath["variable"]): PredefinedSearchPath {
  return deepFreeze({ kind: "predefined-search-path", variable });
}
