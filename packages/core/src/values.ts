/**
 * The values the builders return: frozen, plain data. They only describe
 * Guix code; `validate*` checks them and `lower*` turns them into Scheme
 * nodes. Any Scheme node (`@guix-ts/scheme-printer`) is accepted wherever a
 * builder value is: the escape hatch for what the builders do not cover.
 */
import { isNode, type Node } from "@guix-ts/scheme-printer";
import type { License } from "./licenses.js";

/** A Scheme node, written as it is. */
export type Scheme = Node;

/**
 * How a record's fields are laid out when Guix's usual way is not wanted (what `guix-ts import`
 * keeps of a file): their order, and comments by Scheme field name.
 */
export interface Layout {
  /** The order its fields are written in, by Scheme field name (`["name", "version", "home-page"...]`); by default Guix's usual one. */
  readonly order?: readonly string[] | undefined;
  /** Comment lines written before a field: `{ arguments: [";; The tests need a network."] }`. */
  readonly comments?: Readonly<Record<string, readonly string[]>> | undefined;
  /** A comment on the same line after a field: `{ version: "; the last with Python 2" }`. */
  readonly marginComments?: Readonly<Record<string, string>> | undefined;
  /** Comment lines inside a field, before its value: `(arguments ;; Why.\n (list ...))`. */
  readonly innerComments?: Readonly<Record<string, readonly string[]>> | undefined;
  /** The fields with a blank line before them (and before their comments). */
  readonly blankLinesBefore?: readonly string[] | undefined;
}

/**
 * Variables bound around a package definition, in order: `[["commit", "0123abc..."], ["revision", "1"]]` is
 * `(let ((commit "0123abc...") (revision "1")) (package ...))`, as Guix writes packages of a git commit.
 */
export type Bindings = readonly (readonly [string, string | Expression | Scheme])[];

/** An input of the older style, with its label: `("gettext" ,gettext-minimal)` or `("glib" ,glib "bin")`. */
export interface LabeledInput {
  readonly kind: "labeled-input";
  readonly label: string;
  readonly package: PackageRef;
  readonly output?: string | undefined;
}

/**
 * The layout options given (those undefined left out), for a builder to keep.
 *
 * @example layoutOf({ name: "x", order: ["version", "name"] }) // { order: ["version", "name"] }
 */
export function layoutOf(options: Layout): Layout {
  const { order, comments, marginComments, innerComments, blankLinesBefore } = options;
  return Object.fromEntries(
    Object.entries({ order, comments, marginComments, innerComments, blankLinesBefore }).filter(
      ([, v]) => v !== undefined,
    ),
  );
}

/**
 * Scheme code and the modules it needs: what the typed expression builders give (`concat`,
 * `pypiUri`, `searchPatches`...), so that a file imports what its expressions call.
 */
export interface Expression {
  readonly kind: "expression";
  readonly node: Scheme;
  /** Module name parts: `[["guix", "build-system", "python"]]`. */
  readonly modules: readonly (readonly string[])[];
  /** It is a list of inputs (`(cargo-inputs 'name)`): last in a package's inputs, joined with `cons*`. */
  readonly splice?: true | undefined;
}

/** A top-level `(define NAME VALUE)` of a file: a value or procedure that code of the file names. */
export interface Definition {
  readonly kind: "definition";
  readonly name: string;
  readonly value: Scheme | Expression;
}

/** A package variable of Guix's collection: `guixPackage("python", "gnu packages python")`. */
export interface GuixPackage {
  readonly kind: "guix-package";
  readonly variable: string;
  /** The module's name parts: `["gnu", "packages", "python"]`. */
  readonly module: readonly string[];
}

/** A package with package transformations applied (`options->transformation`). */
export interface Transformed {
  readonly kind: "transformed";
  readonly package: PackageRef;
  readonly options: readonly TransformationOption[];
}

/** One package transformation option, as `guix build --OPTION=VALUE` takes it. */
export interface TransformationOption {
  readonly kind: "transformation";
  /** The option's name as `guix build` spells it without `--`: `with-commit`. */
  readonly option: string;
  /** Its value: `"guile=v3.0.9"`, or the package name for `without-tests`. */
  readonly value: string;
}

/** A package by its variable alone, bound by the file (or a module it uses): `zlib`. */
export interface PackageVariable {
  readonly kind: "package-variable";
  readonly variable: string;
}

/**
 * The procedures of Guix that make a package from another, and the module that exports each.
 *
 * @example PACKAGE_PROCEDURES["static-package"] // ["guix", "build-system", "gnu"]
 */
export const PACKAGE_PROCEDURES = {
  "package-with-c-toolchain": ["guix", "packages"],
  "package-with-patches": ["guix", "packages"],
  "package-with-extra-patches": ["guix", "packages"],
  "package-with-extra-configure-variable": ["guix", "build-system", "gnu"],
  "static-package": ["guix", "build-system", "gnu"],
} as const;

/** `(PROCEDURE PACKAGE ARGUMENT...)`: a package made from another by one of Guix's procedures. */
export interface PackageFromProcedure {
  readonly kind: "package-procedure";
  readonly procedure: keyof typeof PACKAGE_PROCEDURES;
  readonly package: PackageRef;
  readonly arguments: readonly ArgumentValue[];
}

/**
 * The kinds of the builder values that stand for a package (a {@link PackageRef} that is not Scheme).
 *
 * @example PACKAGE_REF_KINDS.has(guixPackage("zlib", "gnu packages compression").kind) // true
 */
export const PACKAGE_REF_KINDS: ReadonlySet<string> = new Set([
  "package",
  "package-variant",
  "package-variable",
  "guix-package",
  "transformed",
  "package-procedure",
]);

/** Anything that stands for a package. */
export type PackageRef =
  Package | PackageVariant | GuixPackage | PackageVariable | Transformed | PackageFromProcedure | Scheme;

/** One clause of `modify-inputs`. */
export type InputClause =
  | { readonly kind: "prepend" | "append"; readonly inputs: readonly PackageInput[] }
  | { readonly kind: "delete"; readonly names: readonly string[] }
  | { readonly kind: "replace"; readonly name: string; readonly input: PackageInput };

/** `(modify-inputs (package-inputs PARENT) CLAUSE...)`: the parent's inputs of that field, changed. */
export interface ModifyInputs {
  readonly kind: "modify-inputs";
  readonly clauses: readonly InputClause[];
}

/**
 * One clause of `substitute-keyword-arguments`: `((#:KEYWORD VARIABLE DEFAULT) VALUE)`. `value` may
 * use `variable`, bound to the parent's value (or `default` when the parent has none).
 */
export interface KeywordSubstitution {
  readonly keyword: string;
  readonly variable?: string | undefined;
  readonly default?: ArgumentValue | undefined;
  readonly value: ArgumentValue;
}

/** `(substitute-keyword-arguments (package-arguments PARENT) CLAUSE...)`: the parent's arguments, changed. */
export interface SubstituteKeywordArguments {
  readonly kind: "substitute-keyword-arguments";
  readonly clauses: readonly KeywordSubstitution[];
}

/** A package's inputs in a variant: a list of its own, or the parent's modified. */
export type VariantInputs = readonly PackageInput[] | ModifyInputs;

/**
 * A variant of a package, `(package (inherit PARENT) FIELD...)` or `(package/inherit PARENT FIELD...)`:
 * the fields given replace the parent's, the others are the parent's.
 */
export interface PackageVariant extends Layout {
  /** Variables bound around the definition (`let`). */
  readonly bindings?: Bindings | undefined;
  readonly kind: "package-variant";
  readonly parent: PackageRef;
  /** `package/inherit` also applies the variant to the parent's `replacement` (security grafts). */
  readonly style: "inherit" | "package/inherit";
  readonly name?: string | undefined;
  readonly version?: string | Expression | Scheme | undefined;
  readonly source?: Origin | Scheme | undefined;
  readonly buildSystem?: BuildSystem | undefined;
  /**
   * The parent's arguments substituted, arguments of its own under the parent's build system
   * (`keywordArguments({...})`; `buildSystem` sets both instead), or Scheme written as it is.
   */
  readonly arguments?: SubstituteKeywordArguments | KeywordArguments | Scheme | undefined;
  readonly inputs?: VariantInputs | undefined;
  readonly nativeInputs?: VariantInputs | undefined;
  readonly propagatedInputs?: VariantInputs | undefined;
  readonly outputs?: readonly string[] | undefined;
  readonly synopsis?: string | undefined;
  readonly description?: string | undefined;
  readonly homePage?: string | undefined;
  readonly license?: License | readonly License[] | Scheme | undefined;
  readonly properties?: Properties | undefined;
  readonly supportedSystems?: readonly string[] | Scheme | undefined;
  readonly nativeSearchPaths?: readonly AnySearchPath[] | Scheme | undefined;
  readonly searchPaths?: readonly AnySearchPath[] | Scheme | undefined;
  /** The package that replaces it by grafting, or `false` for none (`(replacement #f)`). */
  readonly replacement?: PackageRef | false | undefined;
}

/** An input: a package, or a package and one of its outputs (`[glib, "bin"]`). */
export type PackageInput = PackageRef | readonly [PackageRef, string] | Expression | LabeledInput | QuasiquotedOutput;

/** An output of a package written `` `(,glib "bin") ``, as some of Guix's packages have it: `[glib, "bin"]` otherwise. */
export interface QuasiquotedOutput {
  readonly kind: "quasiquoted-output";
  readonly package: PackageRef;
  readonly output: string;
}

/**
 * The search paths `(guix search-paths)` defines, by variable: `$SSL_CERT_DIR` and so on.
 *
 * @example PREDEFINED_SEARCH_PATHS.includes("SSL_CERT_DIR") // true: predefinedSearchPath("SSL_CERT_DIR")
 */
export const PREDEFINED_SEARCH_PATHS = [
  "CPLUS_INCLUDE_PATH",
  "C_INCLUDE_PATH",
  "OBJC_INCLUDE_PATH",
  "OBJCPLUS_INCLUDE_PATH",
  "LIBRARY_PATH",
  "GUIX_EXTENSIONS_PATH",
  "PATH",
  "PKG_CONFIG_PATH",
  "SSL_CERT_DIR",
  "SSL_CERT_FILE",
  "TZDIR",
  "SGML_CATALOG_FILES",
  "XDG_DATA_DIRS",
  "XML_CATALOG_FILES",
] as const;

/** One of Guix's predefined search paths: `$SSL_CERT_DIR` from `(guix search-paths)`. */
export interface PredefinedSearchPath {
  readonly kind: "predefined-search-path";
  readonly variable: (typeof PREDEFINED_SEARCH_PATHS)[number];
}

/** A search path: one written out, one of Guix's predefined ones, or Scheme (`%gcc-search-paths` is a list: not here). */
export type AnySearchPath = SearchPath | PredefinedSearchPath | Scheme;

/** A property's value: text, a boolean, a number, a list of text (`("gfortran")`), or Scheme. */
export type PropertyValue = string | number | boolean | readonly string[] | Scheme;

/**
 * A package's `properties`: an association list by name (`{ "upstream-name": "AER" }` is
 * `'((upstream-name . "AER"))`), or Scheme (what `properties(..., { quasiquoted: true })` gives).
 */
export type Properties = Readonly<Record<string, PropertyValue>> | Scheme;

/** An environment variable a package sets from its profile: `(search-path-specification ...)`. */
export interface SearchPath {
  readonly kind: "search-path";
  readonly variable: string;
  readonly files: readonly string[];
  readonly separator?: string | null | undefined;
  readonly fileType?: "directory" | "regular" | undefined;
  readonly filePattern?: string | undefined;
}

/** A git checkout to fetch: `(git-reference (url ...) (commit ...) (recursive? ...))`. */
export interface GitReference {
  readonly kind: "git-reference";
  /** The repository, or Scheme: the package's `home-page` ({@link packageHomePage}). */
  readonly url: string | Scheme;
  /**
   * A commit id or tag, computed from the version (`concat("v", packageVersion)`), or Scheme such as
   * the package's `version` variable; undefined until the lock gives it.
   */
  readonly commit: string | Expression | Scheme | undefined;
  /** The branch or tag to follow; `guix-ts lock` pins it to a commit. */
  readonly ref?: string | undefined;
  readonly recursive?: boolean | undefined;
}

/** Where a package's source comes from and its hash: `(origin (method ...) (uri ...) (sha256 ...))`. */
export interface Origin extends Layout {
  readonly kind: "origin";
  /** `git-fetch`, `url-fetch`, ... and the module that exports it. */
  /** The origin this one changes (`(inherit (package-source x))`): then every other field is optional. */
  readonly inherit?: Scheme | undefined;
  readonly method: { readonly name: string; readonly module: readonly string[] } | undefined;
  readonly uri: GitReference | string | readonly string[] | Expression | Scheme | undefined;
  /** nix-base32 sha256; undefined until a prefetch or the lock file gives it. */
  readonly sha256: string | undefined;
  readonly fileName?: string | Expression | Scheme | undefined;
  /** Local files (`local-file`) and Scheme, or Guix's own patches: `searchPatches(...)`. */
  readonly patches?: readonly (string | Scheme)[] | Expression | undefined;
  /** `(patch-flags '("-p0"))`: how the patches apply. */
  readonly patchFlags?: readonly string[] | undefined;
  /** `(patch-inputs (list ...))`: the tools the patches are applied with (Guix's packages). */
  readonly patchInputs?: readonly (GuixPackage | Scheme)[] | undefined;
  readonly snippet?: Scheme | undefined;
  readonly modules?: readonly (readonly string[])[] | undefined;
}

/** A keyword argument's value; a package is written as its variable (unquoted in the quoted style). */
export type ArgumentValue =
  | boolean
  | number
  | string
  | readonly (string | PackageRef)[]
  | InstallPlan
  | Package
  | PackageVariant
  | GuixPackage
  | PackageVariable
  | Transformed
  | PackageFromProcedure
  | Expression
  | Scheme;

/** The `#:install-plan` of `copy-build-system`: what to copy where. */
export interface InstallPlan {
  readonly kind: "install-plan";
  readonly entries: readonly InstallPlanEntry[];
}

/** One line of an install plan: `("source" "target" #:include (...))`. */
export interface InstallPlanEntry {
  readonly source: string;
  readonly target: string;
  readonly include?: readonly string[] | undefined;
  readonly exclude?: readonly string[] | undefined;
  readonly includeRegexp?: readonly string[] | undefined;
  readonly excludeRegexp?: readonly string[] | undefined;
  readonly output?: string | undefined;
}

/** `(list #:k v ...)`; `'(#:k v ...)`; or `` `(#:k ,v ...) `` (always quasiquoted, as older Guix code has it). */
export type ArgumentStyle = "modern" | "quoted" | "quasiquoted";

/** A package's `(arguments ...)` of its own: what a variant keeping its parent's build system gives. */
export interface KeywordArguments extends Omit<BuildSystem, "kind" | "name" | "variable"> {
  readonly kind: "keyword-arguments";
}

/** A build system and its keyword arguments: `(build-system NAME-build-system) (arguments ...)`. */
export interface BuildSystem {
  readonly kind: "build-system";
  /** `copy` for `copy-build-system` in `(guix build-system copy)`. */
  readonly name: string;
  /** The variable, when it is not `NAME-build-system` (`asdf-build-system/sbcl`); its module is still `(guix build-system NAME)`. */
  readonly variable?: string | undefined;
  /** Keyword arguments in order: `[["install-plan", plan], ["tests?", false]]`. */
  readonly arguments: readonly (readonly [string, ArgumentValue])[];
  readonly style: ArgumentStyle;
  /** Comment lines before a keyword argument, by keyword (without `#:`). */
  readonly comments?: Readonly<Record<string, readonly string[]>> | undefined;
  /** A comment on the same line after a keyword argument's value, by keyword. */
  readonly marginComments?: Readonly<Record<string, string>> | undefined;
  /** Comment lines between a keyword and its value, by keyword. */
  readonly innerComments?: Readonly<Record<string, readonly string[]>> | undefined;
  /** The keywords with a blank line before them (and before their comments). */
  readonly blankLinesBefore?: readonly string[] | undefined;
}

/** A package definition, as `pkg()` builds it: every field of Guix's `package` record that guix-ts writes. */
export interface Package extends Layout {
  readonly kind: "package";
  /** Variables bound around the definition (`let`). */
  readonly bindings?: Bindings | undefined;
  readonly name: string;
  /** The version, or computed: `gitVersion("0.1")` for `(git-version "0.1" revision commit)`; or Scheme. */
  readonly version: string | Expression | Scheme;
  readonly source: Origin | Scheme | undefined;
  readonly buildSystem: BuildSystem;
  readonly inputs: readonly PackageInput[];
  readonly nativeInputs: readonly PackageInput[];
  readonly propagatedInputs: readonly PackageInput[];
  readonly outputs: readonly string[] | undefined;
  readonly synopsis: string;
  readonly description: string;
  readonly homePage: string;
  /** A license, several, or Scheme (`(license:fsf-free "...")` as a file has it). */
  readonly license: License | readonly License[] | Scheme;
  /** An alist by name, or Scheme (`` `((upstream-name . ,name)) ``). */
  readonly properties: Properties | undefined;
  /** Systems such as "x86_64-linux", or Scheme (`%64bit-supported-systems`). */
  readonly supportedSystems: readonly string[] | Scheme | undefined;
  /** Search paths, or Scheme computing the list (`(cons $SSL_CERT_DIR (package-search-paths x))`). */
  readonly nativeSearchPaths: readonly AnySearchPath[] | Scheme | undefined;
  readonly searchPaths: readonly AnySearchPath[] | Scheme | undefined;
}

/** What a manifest file evaluates to: specifications, packages, their concatenation, a development manifest, or Scheme. */
export type Manifest =
  | { readonly kind: "specifications-manifest"; readonly specifications: readonly string[] }
  | { readonly kind: "packages-manifest"; readonly packages: readonly PackageInput[] }
  | { readonly kind: "concatenated-manifest"; readonly manifests: readonly Manifest[] }
  | { readonly kind: "development-manifest"; readonly package: PackageRef }
  | Scheme;

/** A channel's signed introduction: the first authenticated commit and its signer. */
export interface ChannelIntroduction {
  readonly commit: string;
  /** The OpenPGP fingerprint of the introduction's signer: 40 hex digits, spaces allowed. */
  readonly signer: string;
}

/** A Guix channel: `(channel (name 'NAME) (url "...") (branch "...") (commit "..."))`. */
export interface Channel {
  readonly kind: "channel";
  readonly name: string;
  readonly url: string;
  readonly branch?: string | undefined;
  readonly commit?: string | undefined;
  readonly introduction?: ChannelIntroduction | undefined;
}

/**
 * Whether `value` is a Scheme node rather than a builder value.
 *
 * @example isScheme(sym("python")) // true; isScheme(pkg({ ... })) // false
 */
export function isScheme(value: unknown): value is Scheme {
  return isNode(value);
}
