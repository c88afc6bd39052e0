import { deepFreeze } from "./deep-freeze.js";
import { type Manifest, type PackageInput, type PackageRef } from "./values.js";

/** A copy of a list given, so the value is the builder's own; anything else as it is, for validation to refuse. */
const copy = <T>(items: readonly T[]): readonly T[] => (Array.isArray(items) ? Array.from(items) : items);

/**
 * Packages of Guix's collection by specification: `"name"`, `"name@version"`,
 * `"name:output"`, `"name@version:output"`.
 *
 * @example specificationsToManifest(["python", "python-uvicorn@0.20", "glib:bin"])
 * // (specifications->manifest (list "python" "python-uvicorn@0.20" "glib:bin"))
 */
export function specificationsToManifest(specifications: readonly string[]): Manifest {
  return deepFreeze({ kind: "specifications-manifest", specifications: copy(specifications) });
}

/**
 * Packages, or `[package, "output"]` pairs.
 *
 * @example packagesToManifest([damnServer, [glib, "bin"]]) // (packages->manifest (list damn-server (list glib "bin")))
 */
export function packagesToManifest(packages: readonly PackageInput[]): Manifest {
  return deepFreeze({ kind: "packages-manifest", packages: copy(packages) });
}

/**
 * `(concatenate-manifests (list ...))`
 *
 * @example concatenateManifests([specificationsToManifest(["python"]), packagesToManifest([app])])
 * // (concatenate-manifests (list (specifications->manifest (list "python")) (packages->manifest (list app))))
 */
export function concatenateManifests(manifests: readonly Manifest[]): Manifest {
  return deepFreeze({ kind: "concatenated-manifest", manifests: copy(manifests) });
}

/**
 * The inputs needed to develop `pkg`: `(package->development-manifest pkg)`.
 *
 * @example packageToDevelopmentManifest(guixPackage("hello", "gnu packages base")) // (package->development-manifest hello)
 */
export function packageToDevelopmentManifest(pkg: PackageRef): Manifest {
  return deepFreeze({ kind: "development-manifest", package: pkg });
}
