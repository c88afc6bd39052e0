/** The packages a manifest is built from, for the stages that need them before validation (the lock). */
import { isScheme, type Manifest, type Package, type PackageInput, type PackageRef } from "./values.js";

const refOf = (input: PackageInput): PackageRef =>
  Array.isArray(input) ? (input as readonly [PackageRef, string])[0] : (input as PackageRef);

/**
 * Every `pkg()` the manifest uses, each after the packages it depends on, each once. Values that are
 * not what they should be are passed over: validation reports them.
 *
 * @example packagesOf(packagesToManifest([app])) // [dependencies of app..., app]
 */
export function packagesOf(manifest: Manifest): Package[] {
  const ordered: Package[] = [];
  const seen = new Set<Package>();
  const isObject = (v: unknown): v is { kind?: unknown } => typeof v === "object" && v !== null;
  const visitRef = (ref: PackageRef): void => {
    if (!isObject(ref) || isScheme(ref)) return;
    if (ref.kind === "transformed") return visitRef(ref.package);
    if (ref.kind !== "package" || seen.has(ref)) return;
    seen.add(ref);
    for (const field of [ref.nativeInputs, ref.inputs, ref.propagatedInputs])
      if (Array.isArray(field)) field.forEach((input: PackageInput) => visitRef(refOf(input)));
    ordered.push(ref);
  };
  const visit = (m: Manifest): void => {
    if (!isObject(m) || isScheme(m)) return;
    if (m.kind === "packages-manifest" && Array.isArray(m.packages)) m.packages.forEach((i) => visitRef(refOf(i)));
    else if (m.kind === "concatenated-manifest" && Array.isArray(m.manifests)) m.manifests.forEach(visit);
    else if (m.kind === "development-manifest") visitRef(m.package);
  };
  visit(manifest);
  return ordered;
}
