import { deepFreeze } from "../deep-freeze.js";
import { type ArgumentStyle, type ArgumentValue, type BuildSystem, type Scheme } from "../values.js";

/** What every build system takes. */
export interface CommonArguments {
  /** `"modern"`: `(list #:key value ...)` with gexps (the default); `"quoted"`: `'(#:key value ...)`. */
  readonly style?: ArgumentStyle;
  /** `#:tests?` */
  readonly tests?: boolean;
  /** `#:phases`, usually `#~(modify-phases %standard-phases ...)` written with the `scheme` escape hatch. */
  readonly phases?: Scheme;
  /** `#:modules` */
  readonly modules?: Scheme;
  /** Any further keyword argument, by its name without `#:`. */
  readonly extra?: Readonly<Record<string, ArgumentValue>>;
}

/** Keyword names for the typed options, in the order they are written. */
export type KeywordNames<T> = { readonly [K in keyof T]?: string };

const COMMON: KeywordNames<CommonArguments> = { tests: "tests?", modules: "modules", phases: "phases" };

/**
 * A build system with keyword arguments: `NAME-build-system` from `(guix build-system NAME)`.
 * The typed builders (`copyBuildSystem` ...) are this with their keywords named.
 *
 * @example buildSystem("emacs", { tests: false }, {}) // (build-system emacs-build-system) (arguments (list #:tests? #f))
 */
export function buildSystem<T extends CommonArguments>(
  name: string,
  options: T,
  keywords: KeywordNames<T>,
): BuildSystem {
  const args: [string, ArgumentValue][] = [];
  const named = { ...keywords, ...COMMON } as Record<string, string>;
  for (const [key, keyword] of Object.entries(named)) {
    const value = (options as Record<string, unknown>)[key];
    if (value !== undefined) args.push([keyword, value as ArgumentValue]);
  }
  for (const [keyword, value] of Object.entries(options.extra ?? {})) args.push([keyword, value]);
  return deepFreeze({ kind: "build-system", name, arguments: args, style: options.style ?? "modern" });
}
