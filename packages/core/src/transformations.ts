/**
 * Package transformations, as `guix build --with-commit=...` and friends
 * apply them: `(options->transformation '((with-commit . "guile=v3.0.9")))`.
 */
import { deepFreeze } from "./deep-freeze.js";
import type { PackageRef, TransformationOption, Transformed } from "./values.js";

const option = (name: string, value: string): TransformationOption =>
  deepFreeze({ kind: "transformation", option: name, value });

/** `PACKAGE=VALUE`; for anything but two strings, the values as given, for validation to refuse (builders never throw). */
const pair = (pkg: string, value: string): string =>
  typeof pkg === "string" && typeof value === "string" ? `${pkg}=${value}` : ([pkg, value] as unknown as string);

/**
 * `--with-source=PACKAGE=SOURCE`
 *
 * @example transform(guixPackage("hello", "gnu packages base"), [withSource("hello", "/tmp/hello.tar.gz")]) // ((options->transformation '((with-source . "hello=/tmp/hello.tar.gz"))) hello)
 */
export const withSource = (pkg: string, source: string): TransformationOption =>
  option("with-source", pair(pkg, source));
/**
 * `--with-input=PACKAGE=REPLACEMENT`
 *
 * @example transform(guixPackage("hello", "gnu packages base"), [withInput("openssl", "libressl")]) // ((options->transformation '((with-input . "openssl=libressl"))) hello)
 */
export const withInput = (pkg: string, replacement: string): TransformationOption =>
  option("with-input", pair(pkg, replacement));
/**
 * `--with-graft=PACKAGE=REPLACEMENT`
 *
 * @example transform(guixPackage("hello", "gnu packages base"), [withGraft("openssl", "openssl@3")]) // ((options->transformation '((with-graft . "openssl=openssl@3"))) hello)
 */
export const withGraft = (pkg: string, replacement: string): TransformationOption =>
  option("with-graft", pair(pkg, replacement));
/**
 * `--with-branch=PACKAGE=BRANCH`
 *
 * @example transform(guixPackage("hello", "gnu packages base"), [withBranch("guile", "main")]) // ((options->transformation '((with-branch . "guile=main"))) hello)
 */
export const withBranch = (pkg: string, branch: string): TransformationOption =>
  option("with-branch", pair(pkg, branch));
/**
 * `--with-commit=PACKAGE=COMMIT`
 *
 * @example transform(guixPackage("hello", "gnu packages base"), [withCommit("guile", "v3.0.9")]) // ((options->transformation '((with-commit . "guile=v3.0.9"))) hello)
 */
export const withCommit = (pkg: string, commit: string): TransformationOption =>
  option("with-commit", pair(pkg, commit));
/**
 * `--with-git-url=PACKAGE=URL`
 *
 * @example transform(guixPackage("hello", "gnu packages base"), [withGitUrl("guile", "https://git.example.org/guile.git")]) // ((options->transformation '((with-git-url . "guile=https://git.example.org/guile.git"))) hello)
 */
export const withGitUrl = (pkg: string, url: string): TransformationOption => option("with-git-url", pair(pkg, url));
/**
 * `--with-c-toolchain=PACKAGE=TOOLCHAIN`
 *
 * @example transform(guixPackage("hello", "gnu packages base"), [withCToolchain("hello", "gcc-toolchain@12")]) // ((options->transformation '((with-c-toolchain . "hello=gcc-toolchain@12"))) hello)
 */
export const withCToolchain = (pkg: string, toolchain: string): TransformationOption =>
  option("with-c-toolchain", pair(pkg, toolchain));
/**
 * `--with-configure-flag=PACKAGE=FLAG`
 *
 * @example transform(guixPackage("hello", "gnu packages base"), [withConfigureFlag("hello", "--disable-nls")]) // ((options->transformation '((with-configure-flag . "hello=--disable-nls"))) hello)
 */
export const withConfigureFlag = (pkg: string, flag: string): TransformationOption =>
  option("with-configure-flag", pair(pkg, flag));
/**
 * `--with-patch=PACKAGE=FILE`
 *
 * @example transform(guixPackage("hello", "gnu packages base"), [withPatch("hello", "fix.patch")]) // ((options->transformation '((with-patch . "hello=fix.patch"))) hello)
 */
export const withPatch = (pkg: string, file: string): TransformationOption => option("with-patch", pair(pkg, file));
/**
 * `--with-version=PACKAGE=VERSION`
 *
 * @example transform(guixPackage("hello", "gnu packages base"), [withVersion("hello", "2.12")]) // ((options->transformation '((with-version . "hello=2.12"))) hello)
 */
export const withVersion = (pkg: string, version: string): TransformationOption =>
  option("with-version", pair(pkg, version));
/**
 * `--with-latest=PACKAGE`
 *
 * @example transform(guixPackage("hello", "gnu packages base"), [withLatest("hello")]) // ((options->transformation '((with-latest . "hello"))) hello)
 */
export const withLatest = (pkg: string): TransformationOption => option("with-latest", pkg);
/**
 * `--with-debug-info=PACKAGE`
 *
 * @example transform(guixPackage("hello", "gnu packages base"), [withDebugInfo("hello")]) // ((options->transformation '((with-debug-info . "hello"))) hello)
 */
export const withDebugInfo = (pkg: string): TransformationOption => option("with-debug-info", pkg);
/**
 * `--without-tests=PACKAGE`
 *
 * @example transform(guixPackage("hello", "gnu packages base"), [withoutTests("python")]) // ((options->transformation '((without-tests . "python"))) hello)
 */
export const withoutTests = (pkg: string): TransformationOption => option("without-tests", pkg);
/**
 * `--tune[=CPU]`
 *
 * @example transform(guixPackage("hello", "gnu packages base"), [tune("skylake")]) // ((options->transformation '((tune . "skylake"))) hello)
 */
export const tune = (cpu = "native"): TransformationOption => option("tune", cpu);

/**
 * The names that take `PACKAGE=VALUE` and those that take a package name alone.
 *
 * @example TRANSFORMATIONS_WITH_VALUE.has("with-commit") // true; TRANSFORMATIONS_WITH_VALUE.has("without-tests") // false
 */
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
 * Every transformation option, as `guix build --help-transform` lists them (a command line takes each as `--NAME=VALUE`).
 *
 * @example TRANSFORMATION_OPTIONS.includes("without-tests") // true
 */
export const TRANSFORMATION_OPTIONS: readonly string[] = [
  ...TRANSFORMATIONS_WITH_VALUE,
  "with-latest",
  "with-debug-info",
  "without-tests",
  "tune",
];

/**
 * A package with transformations applied.
 *
 * @example transform(guixPackage("guile", "gnu packages guile"), [withCommit("guile", "v3.0.9")])
 * // ((options->transformation '((with-commit . "guile=v3.0.9"))) guile)
 */
export function transform(pkg: PackageRef, options: readonly TransformationOption[]): Transformed {
  return deepFreeze({
    kind: "transformed",
    package: pkg,
    options: Array.isArray(options) ? Array.from(options) : options,
  });
}
