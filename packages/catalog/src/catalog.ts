/** What one Guix provides, as data: its packages, each module's public names, its build systems. */

/**
 * The version of the catalogue file format; a file of another version is refused, not guessed at.
 *
 * @example (await readCatalog("guix-catalog.json")).format === CATALOG_FORMAT // true
 */
export const CATALOG_FORMAT = 3;

/** One package, as `guix package -A` and `guix show` describe it. */
export interface CatalogPackage {
  /** Undefined when the static reading could not tell (a procedure makes the package). */
  readonly name: string | undefined;
  readonly version: string | undefined;
  readonly outputs: readonly string[];
  readonly synopsis: string | undefined;
  /** `gnu/packages/base.scm:95:2`: where its `(package` form starts (line from 1, column from 0, as Guix says). */
  readonly location: string;
  /** `gnu packages base` */
  readonly module: string;
  /** The public variables bound to it in that module. */
  readonly variables: readonly string[];
  /** `fold-packages` skips it (`hidden-package`). */
  readonly hidden?: true;
  /** A deprecated alias: the variable of the package that replaces it. */
  readonly supersededBy?: string;
}

/** A build system variable and the keyword arguments its `lower` (and the build procedure it hands them to) accept. */
export interface CatalogBuildSystem {
  readonly module: string;
  readonly keywords: readonly string[];
}

/** What one Guix provides. */
export interface Catalog {
  readonly format: typeof CATALOG_FORMAT;
  /** The channels it was built from, by name: their commits when known. */
  readonly channels: Readonly<Record<string, string | undefined>>;
  readonly packages: readonly CatalogPackage[];
  /** Each module's public interface: `gnu packages base` -> the names it exports. */
  readonly modules: Readonly<Record<string, readonly string[]>>;
  readonly buildSystems: Readonly<Record<string, CatalogBuildSystem>>;
  /**
   * How many of its modules import each module: where several export a name, the one Guix's own
   * code imports most is the one to import it from (`(guix git-download)` for `git-fetch`, not
   * `(guix build git)`).
   */
  readonly uses: Readonly<Record<string, number>>;
  /** Modules that did not read: `file:line:column: message`; the rest is catalogued. */
  readonly problems: readonly string[];
}
