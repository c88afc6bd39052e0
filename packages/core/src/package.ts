import { bool, dotted, int, list, quasiquote, quote, real, str, sym, type Datum } from "@guix-ts/scheme-printer";
import { deepFreeze } from "./deep-freeze.js";
import type { License } from "./licenses.js";
import {
  layoutOf,
  type Layout,
  type AnySearchPath,
  type BuildSystem,
  type PackageVariable,
  type PredefinedSearchPath,
  type GuixPackage,
  type Origin,
  type Package,
  type Bindings,
  type Expression,
  type LabeledInput,
  type QuasiquotedOutput,
  type Properties,
  type PropertyValue,
  type PackageInput,
  type PackageRef,
  type Scheme,
  type SearchPath,
} from "./values.js";

/** What `pkg()` takes: the fields of a package, inputs and outputs optional. */
export interface PackageOptions extends Layout {
  readonly name: string;
  /** The version, or computed: `gitVersion("0.1")` for `(git-version "0.1" revision commit)`. */
  readonly version: string | Expression | Scheme;
  /** Variables bound around the definition: `[["commit", "0123..."], ["revision", "1"]]` (`let`). */
  readonly bindings?: Bindings;
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
  readonly properties?: Properties;
  /** Systems such as "x86_64-linux", or Scheme (`%64bit-supported-systems`). */
  readonly supportedSystems?: readonly string[] | Scheme;
  /** Search paths, or Scheme computing the list. */
  readonly nativeSearchPaths?: readonly AnySearchPath[] | Scheme;
  readonly searchPaths?: readonly AnySearchPath[] | Scheme;
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
    ...(options.bindings !== undefined ? { bindings: options.bindings } : {}),
    ...layoutOf(options),
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

/** The datum of a property's value other than a list (a list is written apart, see `properties`). */
function propertyDatum(value: Exclude<PropertyValue, readonly string[]>): Datum {
  if (typeof value === "string") return str(value);
  if (typeof value === "boolean") return bool(value);
  if (typeof value === "number") return Number.isInteger(value) ? int(value) : real(value);
  return value as Datum;
}

/**
 * A package's properties as Guix code writes them: `'((NAME . VALUE) ...)`, or quasiquoted
 * (`` `((upstream-name . "AER")) ``, as Guix's R and Bioconductor packages have them) when the
 * values are to be evaluated.
 *
 * @example properties({ "upstream-name": "AER" }, { quasiquoted: true }) // `((upstream-name . "AER"))
 */
export function properties(
  entries: Readonly<Record<string, PropertyValue>>,
  options: { readonly quasiquoted?: boolean } = {},
): Scheme {
  // A list value is written as Guix code has it, `(name "a" "b")`, the same datum as `(name . ("a" "b"))`.
  const alist = list(
    Object.entries(entries).map(([name, value]) =>
      Array.isArray(value)
        ? list([sym(name), ...(value as readonly string[]).map((v) => str(v))])
        : dotted([sym(name)], propertyDatum(value as Exclude<PropertyValue, readonly string[]>)),
    ),
  );
  return options.quasiquoted === true ? quasiquote(alist) : quote(alist);
}

/**
 * An input of the older style with its label, `("gettext" ,gettext-minimal)`: a package's inputs are
 * then all labeled, written `` `(("label" ,package) ...) ``.
 *
 * @example pkg({ ..., inputs: [labeledInput("gettext", gettextMinimal), labeledInput("glib", glib, "bin")] })
 */
export function labeledInput(label: string, pkg: PackageRef, output?: string): LabeledInput {
  return deepFreeze({ kind: "labeled-input", label, package: pkg, ...(output === undefined ? {} : { output }) });
}

/**
 * An output of a package as `` `(,glib "bin") `` (what `[glib, "bin"]` writes `(list glib "bin")`):
 * the way some of Guix's packages have it, kept by `guix-ts import`.
 *
 * @example pkg({ ..., nativeInputs: [quasiquotedOutput(glib, "bin")] }) // (native-inputs (list `(,glib "bin")))
 */
export function quasiquotedOutput(pkg: PackageRef, output: string): QuasiquotedOutput {
  return deepFreeze({ kind: "quasiquoted-output", package: pkg, output });
}
