/**
 * @guix-ts/core: typed builders for Guix code. Builders only build (frozen
 * values); files validate them (every problem at once) and print them.
 */
export type {
  ArgumentStyle,
  ArgumentValue,
  BuildSystem,
  Channel,
  ChannelIntroduction,
  GitReference,
  GuixPackage,
  InstallPlan,
  InstallPlanEntry,
  Manifest,
  Origin,
  Package,
  PackageInput,
  PackageRef,
  Scheme,
  SearchPath,
  TransformationOption,
  Transformed,
} from "./values.js";
export { isScheme } from "./values.js";
export { pkg, guixPackage, searchPath, type PackageOptions } from "./package.js";
export {
  origin,
  gitFetch,
  urlFetch,
  gitFileName,
  packageVersion,
  type GitFetchOptions,
  type OriginOptions,
  type UrlFetchOptions,
} from "./origin.js";
export { buildSystem, type CommonArguments } from "./build-systems/build-system.js";
export { copyBuildSystem, type CopyArguments } from "./build-systems/copy.js";
export * from "./build-systems/others.js";
export {
  LICENSE_NAMES,
  fsfFree,
  nonCopyleft,
  isLicenseName,
  type License,
  type LicenseName,
  type LicenseProcedure,
} from "./licenses.js";
export { NIX_BASE32_ALPHABET, base32Problem } from "./hash.js";
export {
  specificationsToManifest,
  packagesToManifest,
  concatenateManifests,
  packageToDevelopmentManifest,
} from "./manifest.js";
export * from "./transformations.js";
export { channel, guixChannel, GUIX_CHANNEL_INTRODUCTION, type ChannelOptions } from "./channels.js";
export { validateManifest, validateChannels, validatePackage } from "./validate.js";
export { GuixValidationError, formatProblems, orThrow, type Problem, type Validation } from "./validation.js";
export { Lowering, type LowerOptions } from "./lower.js";
export {
  manifestFile,
  manifestFileE,
  channelsFile,
  channelsFileE,
  writeFile,
  type ChannelsFileOptions,
  type ManifestContext,
  type ManifestFileOptions,
  type SchemeFile,
} from "./files/scheme-file.js";
export { scheme } from "./scheme.js";
export { prefetchGit, GitPrefetchError, type PrefetchGitOptions, type PrefetchedGit } from "./pinning/git.js";
export {
  updateLock,
  applyLock,
  applyLockToChannels,
  readLock,
  writeLock,
  lockText,
  lsRemote,
  LockError,
  EMPTY_LOCK,
  type LockFile,
  type LockOptions,
  type SourceLock,
  type ChannelLock,
} from "./pinning/lock.js";
export * from "./pinning/hashes.js";
export { withAtomicFile, writeFileAtomic } from "./files/atomic-write.js";
export { withSortedKeys } from "./files/sorted-keys.js";
export {
  imageSpec,
  imageSpecE,
  imageEditsE,
  packOptionsFor,
  type ImageEdits,
  type ImageEditsOptions,
  type ImageSpec,
  type ImageSpecOptions,
  type ImageSymlink,
} from "./image.js";
export { buildMachine, machinesFileE, type BuildMachine, type BuildMachineOptions } from "./machines.js";
