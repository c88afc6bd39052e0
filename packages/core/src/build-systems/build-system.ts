import { deepFreeze } from "../deep-freeze.js";
import {
  layoutOf,
  type ArgumentStyle,
  type ArgumentValue,
  type BuildSystem,
  type Expression,
  type PackageRef,
  type Scheme,
} from "../values.js";

/** Text arguments: a list of strings (`'("-k" "not network")`), `flags([...])` computed on the build side, or Scheme. */
export type Flags = readonly string[] | Expression | Scheme;

/** Packages (or output names, as `"out"`) a build may or may not refer to. */
export type References = readonly (string | PackageRef)[] | Scheme;

/** What every build system takes (each keyword Guix's build systems have in common). */
export interface CommonArguments {
  /** `"modern"`: `(list #:key value ...)` with gexps (the default); `"quoted"`: `'(#:key value ...)`. */
  readonly style?: ArgumentStyle;
  /** `#:tests?` */
  readonly tests?: boolean;
  /** `#:test-target` */
  readonly testTarget?: string;
  /** `#:configure-flags` */
  readonly configureFlags?: Flags;
  /** `#:make-flags` */
  readonly makeFlags?: Flags;
  /** `#:phases`: `modifyPhases([...])`, or Scheme. */
  readonly phases?: Expression | Scheme;
  /** `#:modules`: the build side's modules. */
  readonly modules?: Expression | Scheme;
  /** `#:imported-modules` */
  readonly importedModules?: Expression | Scheme;
  /** `#:allowed-references`: what the outputs may refer to, and nothing else. */
  readonly allowedReferences?: References;
  /** `#:disallowed-references`: what the outputs must not refer to. */
  readonly disallowedReferences?: References;
  /** `#:parallel-build?` */
  readonly parallelBuild?: boolean;
  /** `#:parallel-tests?` */
  readonly parallelTests?: boolean;
  /** `#:validate-runpath?` */
  readonly validateRunpath?: boolean;
  /** `#:substitutable?` */
  readonly substitutable?: boolean;
  /** `#:strip-binaries?` */
  readonly stripBinaries?: boolean;
  /** `#:out-of-source?` */
  readonly outOfSource?: boolean;
  /** Any further keyword argument, by its name without `#:`. */
  readonly extra?: Readonly<Record<string, ArgumentValue>>;
  /** Comment lines before a keyword argument, by keyword without `#:`. */
  readonly comments?: Readonly<Record<string, readonly string[]>>;
  /** A comment on the same line after a keyword argument, by keyword. */
  readonly marginComments?: Readonly<Record<string, string>>;
  /** Comment lines between a keyword and its value, by keyword. */
  readonly innerComments?: Readonly<Record<string, readonly string[]>>;
  /** The keywords with a blank line before them (and before their comments). */
  readonly blankLinesBefore?: readonly string[];
}

/** Keyword names for the typed options, in the order they are written. */
export type KeywordNames<T> = { readonly [K in keyof T]?: string };

const COMMON: KeywordNames<CommonArguments> = {
  configureFlags: "configure-flags",
  makeFlags: "make-flags",
  tests: "tests?",
  testTarget: "test-target",
  allowedReferences: "allowed-references",
  disallowedReferences: "disallowed-references",
  parallelBuild: "parallel-build?",
  parallelTests: "parallel-tests?",
  validateRunpath: "validate-runpath?",
  substitutable: "substitutable?",
  stripBinaries: "strip-binaries?",
  outOfSource: "out-of-source?",
  importedModules: "imported-modules",
  modules: "modules",
  phases: "phases",
};

/**
 * A build system with keyword arguments: `NAME-build-system` from `(guix build-system NAME)`.
 * The typed builders (`copyBuildSystem` ...) are this with their keywords named.
 *
 * @example buildSystem("emacs", { tests: false }, {}) // (build-system emacs-build-system) (arguments (list #:tests? #f))
 * // VARIABLE when it is not NAME-build-system: buildSystem("asdf", {}, {}, "asdf-build-system/sbcl")
 */
export function buildSystem<T extends CommonArguments>(
  name: string,
  options: T,
  keywords: KeywordNames<T>,
  variable?: string,
): BuildSystem {
  const args: [string, ArgumentValue][] = [];
  // As Guix code orders them: the flags first, the build system's own keywords, then the rest, phases last.
  const named = {
    configureFlags: COMMON.configureFlags,
    makeFlags: COMMON.makeFlags,
    ...keywords,
    ...COMMON,
  } as Record<string, string>;
  for (const [key, keyword] of Object.entries(named)) {
    const value = (options as Record<string, unknown>)[key];
    if (value !== undefined) args.push([keyword, value as ArgumentValue]);
  }
  for (const [keyword, value] of Object.entries(options.extra ?? {})) args.push([keyword, value]);
  return deepFreeze({
    kind: "build-system",
    name,
    ...(variable === undefined ? {} : { variable }),
    arguments: args,
    style: options.style ?? "modern",
    ...layoutOf(options),
  });
}
