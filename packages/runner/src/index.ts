/**
 * @guix-ts/runner: running Guix rootless and doing something with what it makes. Sessions start
 * Guix in a container (bubblewrap, or proot) with its daemon managed, or use the host's Guix or a
 * remote daemon; typed options become `guix` command lines; Docker archives get what `guix pack`
 * cannot set; `buildImages` is the whole pipeline from a build script's values to images.
 *
 * @packageDocumentation
 */

// the pipeline
export {
  buildImages,
  writeBuildFiles,
  packImage,
  packCommands,
  archiveName,
  type BuildFiles,
  type BuildImagesOptions,
  type BuildImagesResult,
  type BuiltImage,
  type PackCommands,
  type PackExtras,
  type PackImageOptions,
  type WriteBuildFilesOptions,
} from "./build/build-images.js";

// sessions
export {
  openGuix,
  GuixSession,
  type OpenGuixOptions,
  type PackResult,
  type RunOptions,
  type RunResult,
} from "./session/session.js";
export {
  chooseBackend,
  surroundings,
  BACKENDS,
  type Backend,
  type BackendChoice,
  type Surroundings,
} from "./session/backend.js";
export { type DaemonOptions } from "./session/daemon.js";
export { defaultHomeRoot, EnvironmentError, type GuixHome } from "./session/home.js";
export { DaemonStartFailed, GuixNotFound } from "./session/errors.js";
export { setupGuix, SetupError, type SetupOptions, type SetupProgress } from "./session/setup.js";
export { doctor, type Check } from "./session/doctor.js";

// command lines
export {
  packArgv,
  timeMachineArgv,
  buildArgv,
  shellArgv,
  describeArgv,
  RunnerUsageError,
  PACK_FORMATS,
  type BuildOptions,
  type PackFormat,
  type PackOptions,
  type ShellOptions,
  type TimeMachineOptions,
  type Transformation,
} from "./commands/argv.js";
export { imageEditArgv, shellQuote } from "./commands/image-edit-argv.js";

// Docker archives
export { editDockerArchive, DockerArchiveError, type EditOptions, type EditResult } from "./image/docker-archive.js";
export { detectCompression, type Compression } from "./image/compression.js";
