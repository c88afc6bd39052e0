/**
 * Packages made from others by Guix's own procedures: `(package-with-c-toolchain p ...)`,
 * `(package-with-patches p ...)`, `(static-package p)`... each written as the call, its module imported.
 */
import { deepFreeze } from "./deep-freeze.js";
import type { Expression, PackageFromProcedure, PackageRef, Scheme } from "./values.js";

/**
 * `(package-with-c-toolchain PACKAGE `(("toolchain" ,TOOLCHAIN)))`: built with another C toolchain.
 *
 * @example packageWithCToolchain(hello, guixPackage("gcc-toolchain-12", "gnu packages commencement"))
 */
export function packageWithCToolchain(pkg: PackageRef, toolchain: PackageRef): PackageFromProcedure {
  return deepFreeze({
    kind: "package-procedure",
    procedure: "package-with-c-toolchain",
    package: pkg,
    arguments: [toolchain],
  });
}

/**
 * `(package-with-patches PACKAGE PATCHES)`: its source with these patches instead of its own (local
 * files, or `searchPatches(...)`).
 *
 * @example packageWithPatches(hello, ["fix-build.patch"])
 */
export function packageWithPatches(
  pkg: PackageRef,
  patches: readonly string[] | Expression | Scheme,
): PackageFromProcedure {
  return deepFreeze({
    kind: "package-procedure",
    procedure: "package-with-patches",
    package: pkg,
    arguments: [patches],
  });
}

/**
 * `(package-with-extra-patches PACKAGE PATCHES)`: these patches after its own.
 *
 * @example packageWithExtraPatches(guixPackage("curl", "gnu packages curl"), searchPatches("curl-fix.patch"))
 */
export function packageWithExtraPatches(
  pkg: PackageRef,
  patches: readonly string[] | Expression | Scheme,
): PackageFromProcedure {
  return deepFreeze({
    kind: "package-procedure",
    procedure: "package-with-extra-patches",
    package: pkg,
    arguments: [patches],
  });
}

/**
 * `(package-with-extra-configure-variable PACKAGE VARIABLE VALUE)`: a `./configure` variable set.
 *
 * @example packageWithExtraConfigureVariable(hello, "CFLAGS", "-O3")
 */
export function packageWithExtraConfigureVariable(
  pkg: PackageRef,
  variable: string,
  value: string,
): PackageFromProcedure {
  return deepFreeze({
    kind: "package-procedure",
    procedure: "package-with-extra-configure-variable",
    package: pkg,
    arguments: [variable, value],
  });
}

/**
 * `(static-package PACKAGE)`: linked statically.
 *
 * @example staticPackage(guixPackage("zlib", "gnu packages compression"))
 */
export function staticPackage(pkg: PackageRef): PackageFromProcedure {
  return deepFreeze({ kind: "package-procedure", procedure: "static-package", package: pkg, arguments: [] });
}
