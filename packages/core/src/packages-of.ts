/** The packages a manifest is built from, for the stages that need them before validation (the lock). */
import {
  isScheme,
  type Manifest,
  type Package,
  type LabeledInput,
  type PackageInput,
  type PackageRef,
  type PackageVariant,
  type VariantInputs,
} from "./values.js";

const refOf = (input: PackageInput): PackageRef =>
  Array.isArray(input)
    ? (input as readonly [PackageRef, string])[0]
    : ["labeled-input", "quasiquoted-output"].includes((input as { kind?: string }).kind ?? "")
      ? (input as LabeledInput).package
      : (input as PackageRef);

/** The inputs a field names: its list, or what its `modify-inputs` clauses add. */
function inputsOf(field: VariantInputs | undefined): PackageInput[] {
  if (Array.isArray(field)) return [...field];
  if (typeof field !== "object" || field === null || !Array.isArray((field as { clauses?: unknown }).clauses))
    return [];
  return (field as Extract<VariantInputs, { kind: "modify-inputs" }>).clauses.flatMap((c) =>
    c.kind === "prepend" || c.kind === "append"
      ? Array.isArray(c.inputs)
        ? [...c.inputs]
        : []
      : c.kind === "replace"
        ? [c.input]
        : [],
  );
}

/**
 * Every `pkg()` and variant the manifest uses, each after the packages it depends on, each once.
 * Values that are not what they should be are passed over: validation reports them.
 *
 * @example packagesOf(packagesToManifest([app])) // [dependencies of app..., app]
 */
export function packagesOf(manifest: Manifest): (Package | PackageVariant)[] {
  const ordered: (Package | PackageVariant)[] = [];
  const seen = new Set<Package | PackageVariant>();
  const isObject = (v: unknown): v is { kind?: unknown } => typeof v === "object" && v !== null;
  const visitRef = (ref: PackageRef): void => {
    if (!isObject(ref) || isScheme(ref)) return;
    if (ref.kind === "transformed" || ref.kind === "package-procedure") return visitRef(ref.package);
    if ((ref.kind !== "package" && ref.kind !== "package-variant") || seen.has(ref)) return;
    seen.add(ref);
    if (ref.kind === "package-variant") {
      visitRef(ref.parent);
      if (isObject(ref.replacement)) visitRef(ref.replacement as PackageRef);
    }
    for (const field of [ref.nativeInputs, ref.inputs, ref.propagatedInputs])
      inputsOf(field).forEach((input) => visitRef(refOf(input)));
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
