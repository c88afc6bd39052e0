/** Walking a manifest's builder tree: the packages it uses, in dependency order, and Guix's variables. */
import { isScheme, type Manifest, type Package, type PackageInput, type PackageRef } from "./values.js";

/** The package of an input (`[pkg, "out"]` or `pkg`). */
export function inputRef(input: PackageInput): PackageRef {
  return Array.isArray(input) ? (input as readonly [PackageRef, string])[0] : (input as PackageRef);
}

/** A package's inputs of every kind. */
export function allInputs(p: Package): readonly PackageInput[] {
  return [...p.nativeInputs, ...p.inputs, ...p.propagatedInputs];
}

/** The packages a manifest names directly, in order. */
export function manifestRefs(m: Manifest): PackageRef[] {
  if (isScheme(m)) return [];
  switch (m.kind) {
    case "packages-manifest":
      return m.packages.map(inputRef);
    case "concatenated-manifest":
      return m.manifests.flatMap(manifestRefs);
    case "development-manifest":
      return [m.package];
    case "specifications-manifest":
      return [];
  }
}

/** Every `pkg()` the manifest uses, each after the packages it depends on. */
export function packagesInDependencyOrder(manifest: Manifest): Package[] {
  const ordered: Package[] = [];
  const seen = new Set<Package>();
  const visit = (ref: PackageRef): void => {
    if (isScheme(ref)) return;
    if (ref.kind === "transformed") return visit(ref.package);
    if (ref.kind !== "package" || seen.has(ref)) return;
    seen.add(ref);
    allInputs(ref).forEach((input) => visit(inputRef(input)));
    ordered.push(ref);
  };
  manifestRefs(manifest).forEach(visit);
  return ordered;
}

/** The variables of Guix's packages (`guixPackage(...)`) that the manifest and `packages` use. */
export function guixVariablesUsed(manifest: Manifest, packages: readonly Package[]): Set<string> {
  const names = new Set<string>();
  const visit = (ref: PackageRef): void => {
    if (isScheme(ref) || ref.kind === "package") return;
    if (ref.kind === "guix-package") names.add(ref.variable);
    else visit(ref.package);
  };
  manifestRefs(manifest).forEach(visit);
  for (const p of packages) allInputs(p).forEach((input) => visit(inputRef(input)));
  return names;
}
