import { deepFreeze } from "./deep-freeze.js";
/**
 * Package transformations, as `guix build --with-commit=...` and friends
 * apply them: `(options->transformation '((with-commit . "guile=v3.0.9")))`.
 */
import { type PackageRef, type TransformationOption, type Transformed } from "./values.js";

const option = (name: string, value: string): TransformationOption =>
  deepFreeze({ kind: "transformation", option: name, value });

/** `--with-source=PACKAGE=SOURCE` */
export const withSource = (pkg: string, source: string): TransformationOption =>
  option("with-source", `${pkg}=${source}`);
/** `--with-input=PACKAGE=REPLACEMENT` */
export const withInput = (pkg: string, replacement: string): TransformationOption =>
  option("with-input", `${pkg}=${replacement}`);
/** `--with-graft=PACKAGE=REPLACEMENT` */
export const withGraft = (pkg: string, replacement: string): TransformationOption =>
  option("with-graft", `${pkg}=${replacement}`);
/** `--with-branch=PACKAGE=BRANCH` */
export const withBranch = (pkg: string, branch: string): TransformationOption =>
  option("with-branch", `${pkg}=${branch}`);
/** `--with-commit=PACKAGE=COMMIT` */
export const withCommit = (pkg: string, commit: string): TransformationOption =>
  option("with-commit", `${pkg}=${commit}`);
/** `--with-git-url=PACKAGE=URL` */
export const withGitUrl = (pkg: string, url: string): TransformationOption => option("with-git-url", `${pkg}=${url}`);
/** `--with-c-toolchain=PACKAGE=TOOLCHAIN` */
export const withCToolchain = (pkg: string, toolchain: string): TransformationOption =>
  option("with-c-toolchain", `${pkg}=${toolchain}`);
/** `--with-configure-flag=PACKAGE=FLAG` */
export const withConfigureFlag = (pkg: string, flag: string): TransformationOption =>
  option("with-configure-flag", `${pkg}=${flag}`);
/** `--with-patch=PACKAGE=FILE` */
export const withPatch = (pkg: string, file: string): TransformationOption => option("with-patch", `${pkg}=${file}`);
/** `--with-version=PACKAGE=VERSION` */
export const withVersion = (pkg: string, version: string): TransformationOption =>
  option("with-version", `${pkg}=${version}`);
/** `--with-latest=PACKAGE` */
export const withLatest = (pkg: string): TransformationOption => option("with-latest", pkg);
/** `--with-debug-info=PACKAGE` */
export const withDebugInfo = (pkg: string): TransformationOption => option("with-debug-info", pkg);
/** `--without-tests=PACKAGE` */
export const withoutTests = (pkg: string): TransformationOption => option("without-tests", pkg);
/** `--tune[=CPU]` */
export const tune = (cpu = "native"): TransformationOption => option("tune", cpu);

/** The names that take `PACKAGE=VALUE` and those that take a package name alone. */
export const TRANSFORMATIONS_WITH_VALUE: ReadonlySet<string> = new Set([
  "with-source",
  "with-input",
  "with-graft",
  "with-branch",
  "with-commit",
  "with-git-url",
  "with-c-toolchain",
  "with-configure-flag",
  "with-patch",
  "with-version",
]);

/**
 * A package with transformations applied.
 *
 * @example transform(guixPackage("guile", "gnu packages guile"), [withCommit("guile", "v3.0.9")])
 * // ((options->transformation '((with-commit . "guile=v3.0.9"))) guile)
 */
export function transform(pkg: PackageRef, options: readonly TransformationOption[]): Transformed {
  return deepFreeze({ kind: "transformed", package: pkg, options: [...options] });
}
