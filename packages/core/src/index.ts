/**
 * @guix-ts/core: Guix code as typed values. Builders only build (frozen values); validation checks
 * a whole tree in one pass (every problem at once, each with its path) and gives the checked tree;
 * lowering turns that into Scheme data; files print it as `guix style` does. No process, no network.
 *
 * @packageDocumentation
 */

// ---------------------------------------------------------------------------
// model
export type {
  ArgumentStyle,
  ArgumentValue,
  BuildSystem,
  Channel,
  ChannelIntroduction,
  GitReference,
  GuixPackage,
  InstallPlan,
  InputClause,
  InstallPlanEntry,
  Bindings,
  LabeledInput,
  QuasiquotedOutput,
  KeywordArguments,
  Layout,
  KeywordSubstitution,
  Manifest,
  ModifyInputs,
  Origin,
  Package,
  PackageInput,
  PackageRef,
  PackageVariant,
  PackageVariable,
  PackageFromProcedure,
  Properties,
  PropertyValue,
  Scheme,
  SubstituteKeywordArguments,
  VariantInputs,
  SearchPath,
  AnySearchPath,
  Definition,
  PredefinedSearchPath,
  TransformationOption,
  Transformed,
} from "./values.js";
export { isScheme, layoutOf, PACKAGE_PROCEDURES, PACKAGE_REF_KINDS, PREDEFINED_SEARCH_PATHS } from "./values.js";
export type {
  CheckedArgument,
  CheckedBuildSystem,
  CheckedChannel,
  CheckedGitReference,
  CheckedInput,
  CheckedManifest,
  CheckedManifestNode,
  CheckedOrigin,
  CheckedDefinition,
  CheckedInputClause,
  CheckedPackage,
  CheckedPackageFromProcedure,
  CheckedPackageRef,
  CheckedSubstitution,
  CheckedTransformed,
  CheckedVariant,
  CheckedKeywordArguments,
  CheckedLabeledInput,
  CheckedQuasiquotedOutput,
  CheckedVariantInputs,
} from "./checked.js";
export type { Expression } from "./values.js";

// ---------------------------------------------------------------------------
// builders
export {
  pkg,
  guixPackage,
  packageVariable,
  labeledInput,
  quasiquotedOutput,
  properties,
  searchPath,
  predefinedSearchPath,
  type PackageOptions,
} from "./package.js";
export {
  origin,
  gitFetch,
  urlFetch,
  gitFileName,
  packageHomePage,
  inheritOrigin,
  gitReference,
  gitFetchMethod,
  urlFetchMethod,
  packageSource,
  type InheritOriginOptions,
  type OriginFields,
  packageVersion,
  type GitFetchOptions,
  type OriginOptions,
  type UrlFetchOptions,
} from "./origin.js";
export {
  buildSystem,
  type CommonArguments,
  type Flags,
  type KeywordNames,
  type References,
} from "./build-systems/build-system.js";
export { copyBuildSystem, type CopyArguments } from "./build-systems/copy.js";
export {
  gnuBuildSystem,
  cmakeBuildSystem,
  mesonBuildSystem,
  pythonBuildSystem,
  pyprojectBuildSystem,
  nodeBuildSystem,
  goBuildSystem,
  cargoBuildSystem,
  trivialBuildSystem,
  type GnuArguments,
  type CmakeArguments,
  type MesonArguments,
  type PythonArguments,
  type PyprojectArguments,
  type NodeArguments,
  type GoArguments,
  type CargoArguments,
  type TrivialArguments,
} from "./build-systems/others.js";
export {
  antBuildSystem,
  asdfBuildSystem,
  duneBuildSystem,
  emacsBuildSystem,
  fontBuildSystem,
  glibOrGtkBuildSystem,
  guileBuildSystem,
  haskellBuildSystem,
  juliaBuildSystem,
  mavenBuildSystem,
  ocamlBuildSystem,
  perlBuildSystem,
  qtBuildSystem,
  rBuildSystem,
  rubyBuildSystem,
  texliveBuildSystem,
  zigBuildSystem,
  type AntArguments,
  type AsdfArguments,
  type DuneArguments,
  type EmacsArguments,
  type FontArguments,
  type GlibOrGtkArguments,
  type GuileArguments,
  type HaskellArguments,
  type JuliaArguments,
  type MavenArguments,
  type OcamlArguments,
  type PerlArguments,
  type QtArguments,
  type RArguments,
  type RubyArguments,
  type TexliveArguments,
  type ZigArguments,
  type OcamlCommonArguments,
} from "./build-systems/more.js";
export {
  LICENSE_NAMES,
  fsfFree,
  nonCopyleft,
  packageLicense,
  isLicenseName,
  type License,
  type LicenseName,
  type LicenseProcedure,
} from "./licenses.js";
export {
  specificationsToManifest,
  packagesToManifest,
  concatenateManifests,
  packageToDevelopmentManifest,
} from "./manifest.js";
export {
  transform,
  withSource,
  withInput,
  withGraft,
  withBranch,
  withCommit,
  withGitUrl,
  withCToolchain,
  withConfigureFlag,
  withPatch,
  withVersion,
  withLatest,
  withDebugInfo,
  withoutTests,
  tune,
  TRANSFORMATIONS_WITH_VALUE,
  TRANSFORMATION_OPTIONS,
} from "./transformations.js";
export { channel, guixChannel, GUIX_CHANNEL_INTRODUCTION, type ChannelOptions } from "./channels.js";
export { scheme, schemeOf, schemeForms, type Hole } from "./scheme.js";
export {
  blankLine,
  definePackage,
  guixFile,
  guixFileE,
  isGuixFile,
  type GuixFile,
  type PackageDefinition,
} from "./guix-file.js";
export {
  imageSpec,
  validateImage,
  PACK_COMPRESSIONS,
  type CheckedImage,
  type ImageSpec,
  type ImageSpecOptions,
  type ImageSymlink,
  type PackCompression,
  type ValidateImageOptions,
} from "./image.js";
export { buildMachine, machinesFileE, type BuildMachine, type BuildMachineOptions } from "./machines.js";
export { buildFileE, type BuildFile } from "./build-file.js";
export { freeVariables } from "./free-variables.js";
export {
  keywordProblem,
  preferredExporter,
  specificationProblem,
  specificationTextProblem,
  variableProblem,
  type GuixKnowledge,
} from "./knowledge.js";

// ---------------------------------------------------------------------------
// validation
export { validateDefinition, validateManifest, validatePackage } from "./validate.js";
export { validateChannels } from "./validate-channels.js";
export { validateUrl, validatePackageName, validateSpecification } from "./validate-fields.js";
export { GuixValidationError, formatProblems, orThrow, type Problem, type Validation } from "./validation.js";
export { NIX_BASE32_ALPHABET, base32Problem } from "./nix-base32.js";
export { packagesOf } from "./packages-of.js";
export { define } from "./definitions.js";
export {
  packageWithCToolchain,
  packageWithExtraConfigureVariable,
  packageWithExtraPatches,
  packageWithPatches,
  staticPackage,
} from "./package-procedures.js";
export {
  cargoInputs,
  concat,
  crateUri,
  bioconductorUri,
  boundVariable,
  gitVersion,
  gitFileNameOf,
  versionOf,
  cranUri,
  expression,
  goVersionToGitRef,
  hackageUri,
  hexpmUri,
  inputComment,
  isExpression,
  mirror,
  packageName,
  pypiUri,
  quoted,
  rubygemsUri,
  searchPatches,
  versionMajor,
  versionMajorMinor,
  versionMajorMinorPoint,
  versionWithUnderscores,
  type Part,
} from "./expressions.js";
export {
  addAfter,
  addBefore,
  buildModules,
  deletePhase,
  flags,
  modifyPhases,
  replacePhase,
  type ModifyPhasesOptions,
  type ModuleSpec,
  type PhaseOptions,
  type PhaseClause,
  type Quoting,
} from "./build-code.js";
export {
  append,
  deleteInputs,
  inherit,
  keywordArguments,
  keywordSubstitution,
  modifyInputs,
  packageInherit,
  prepend,
  replaceInput,
  substituteKeywordArguments,
  type VariantFields,
} from "./variant.js";
export { closest, didYouMean } from "./suggest.js";
export { deepFreeze } from "./deep-freeze.js";
export {
  EMPTY_LOCK,
  sourceKey,
  sourcePin,
  type SourceHolder,
  type ChannelLock,
  type LockFile,
  type SourceLock,
  type SourcePin,
} from "./lock.js";

// ---------------------------------------------------------------------------
// files
export {
  MANIFEST_CONTEXT_MODULES,
  manifestFile,
  manifestFileE,
  channelsFile,
  channelsFileE,
  packageModuleFile,
  packageModuleFileE,
  schemeFile,
  writeFile,
  type ChannelsFileOptions,
  type ManifestContext,
  type ManifestFileOptions,
  type PackageModuleOptions,
  type SchemeFile,
} from "./files/scheme-file.js";
export type { LowerOptions } from "./lower.js";
export { withAtomicFile, writeFileAtomic, removeTemporaries, FileWriteError } from "./files/atomic-write.js";
export { withSortedKeys } from "./files/sorted-keys.js";
