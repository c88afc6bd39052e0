/**
 * Validated values: what validation gives back and lowering takes. They are the builder values
 * with every gap the builders allow filled (a git source's commit and hash, from the lock), so
 * lowering needs no guess, and nothing unvalidated can be lowered by mistake.
 */
import type {
  ArgumentValue,
  Expression,
  BuildSystem,
  Channel,
  GitReference,
  GuixPackage,
  KeywordArguments,
  LabeledInput,
  QuasiquotedOutput,
  KeywordSubstitution,
  Origin,
  Package,
  PackageFromProcedure,
  PackageVariable,
  PackageVariant,
  Scheme,
  Transformed,
} from "./values.js";

/** A git reference once checked: its commit is known (given, or from the lock). */
export interface CheckedGitReference extends Omit<GitReference, "commit" | "ref"> {
  readonly commit: string | Expression | Scheme;
}

/** An origin once checked: its hash is known, its URL valid. */
export interface CheckedOrigin extends Omit<Origin, "uri" | "sha256"> {
  readonly uri: Exclude<Origin["uri"], GitReference> | CheckedGitReference;
  /** Known, unless the origin inherits another's. */
  readonly sha256: string | undefined;
}

/** A transformed package once checked. */
export interface CheckedTransformed extends Omit<Transformed, "package"> {
  readonly package: CheckedPackageRef;
}

/** A package made by a procedure, once checked. */
export interface CheckedPackageFromProcedure extends Omit<PackageFromProcedure, "package" | "arguments"> {
  readonly package: CheckedPackageRef;
  readonly arguments: readonly CheckedArgument[];
}

/** Anything that stands for a package, once checked. */
export type CheckedPackageRef =
  | CheckedPackage
  | CheckedVariant
  | GuixPackage
  | PackageVariable
  | CheckedTransformed
  | CheckedPackageFromProcedure
  | Scheme;
/** What a file defines with `(define NAME ...)`: a package, or a variant of one. */
export type CheckedDefinition = CheckedPackage | CheckedVariant;
/** A package input once checked: a package, or a package and one of its outputs. */
export type CheckedInput =
  | CheckedPackageRef
  | readonly [CheckedPackageRef, string]
  | Expression
  | CheckedLabeledInput
  | CheckedQuasiquotedOutput;

/** A quasiquoted output once checked. */
export interface CheckedQuasiquotedOutput extends Omit<QuasiquotedOutput, "package"> {
  readonly package: CheckedPackageRef;
}

/** A labeled input once checked. */
export interface CheckedLabeledInput extends Omit<LabeledInput, "package"> {
  readonly package: CheckedPackageRef;
}
/** A build-system keyword argument once checked. */
export type CheckedArgument =
  | Exclude<ArgumentValue, Package | PackageVariant | Transformed | PackageFromProcedure>
  | CheckedPackage
  | CheckedVariant
  | CheckedTransformed
  | CheckedPackageFromProcedure;

/** A build system once checked. */
export interface CheckedBuildSystem extends Omit<BuildSystem, "arguments"> {
  readonly arguments: readonly (readonly [string, CheckedArgument])[];
}

/** A variant's own keyword arguments once checked. */
export interface CheckedKeywordArguments extends Omit<KeywordArguments, "arguments"> {
  readonly arguments: readonly (readonly [string, CheckedArgument])[];
}

/** A package once checked: the only kind of package lowering takes. */
export interface CheckedPackage extends Omit<
  Package,
  "source" | "buildSystem" | "inputs" | "nativeInputs" | "propagatedInputs"
> {
  readonly source: CheckedOrigin | Scheme | undefined;
  readonly buildSystem: CheckedBuildSystem;
  readonly inputs: readonly CheckedInput[];
  readonly nativeInputs: readonly CheckedInput[];
  readonly propagatedInputs: readonly CheckedInput[];
}

/** A `modify-inputs` clause once checked. */
export type CheckedInputClause =
  | { readonly kind: "prepend" | "append"; readonly inputs: readonly CheckedInput[] }
  | { readonly kind: "delete"; readonly names: readonly string[] }
  | { readonly kind: "replace"; readonly name: string; readonly input: CheckedInput };

/** A variant's inputs once checked: its own list, or the parent's modified. */
export type CheckedVariantInputs =
  readonly CheckedInput[] | { readonly kind: "modify-inputs"; readonly clauses: readonly CheckedInputClause[] };

/** A `substitute-keyword-arguments` clause once checked. */
export interface CheckedSubstitution extends Omit<KeywordSubstitution, "value" | "default"> {
  readonly value: CheckedArgument;
  readonly default?: CheckedArgument | undefined;
}

/** A package variant once checked. */
export interface CheckedVariant extends Omit<
  PackageVariant,
  "parent" | "source" | "buildSystem" | "arguments" | "inputs" | "nativeInputs" | "propagatedInputs" | "replacement"
> {
  readonly parent: CheckedPackageRef;
  readonly source?: CheckedOrigin | Scheme | undefined;
  readonly buildSystem?: CheckedBuildSystem | undefined;
  readonly arguments?:
    | { readonly kind: "substitute-keyword-arguments"; readonly clauses: readonly CheckedSubstitution[] }
    | CheckedKeywordArguments
    | Scheme
    | undefined;
  readonly inputs?: CheckedVariantInputs | undefined;
  readonly nativeInputs?: CheckedVariantInputs | undefined;
  readonly propagatedInputs?: CheckedVariantInputs | undefined;
  readonly replacement?: CheckedPackageRef | false | undefined;
}

/** A manifest node once checked. */
export type CheckedManifestNode =
  | { readonly kind: "specifications-manifest"; readonly specifications: readonly string[] }
  | { readonly kind: "packages-manifest"; readonly packages: readonly CheckedInput[] }
  | { readonly kind: "concatenated-manifest"; readonly manifests: readonly CheckedManifestNode[] }
  | { readonly kind: "development-manifest"; readonly package: CheckedPackageRef }
  | Scheme;

/** A validated manifest, with what its file needs, found in the same pass. */
export interface CheckedManifest {
  readonly manifest: CheckedManifestNode;
  /** Every `pkg()` and variant it uses, each after the packages it depends on, each once. */
  readonly packages: readonly CheckedDefinition[];
  /** The variables of Guix's packages (`guixPackage(...)`) it names. */
  readonly guixVariables: ReadonlySet<string>;
}

/** A validated channel: a channel given a branch has its commit from the lock, when the lock holds one. */
export type CheckedChannel = Channel;
