/** @guix-ts/runner: running Guix in rootless containers, and what is done with what it makes. */
export * from "./commands/argv.js";
export {
  openGuix,
  GuixSession,
  userNamespacesWork,
  type OpenGuixOptions,
  type PackResult,
  type RunOptions,
  type RunResult,
} from "./session/session.js";
export { startDaemon, type Daemon, type DaemonOptions } from "./session/daemon.js";
export { containerCommand, type Backend } from "./session/containers.js";
export {
  guixHome,
  defaultHomeRoot,
  isSetUp,
  hostPath,
  CURRENT_GUIX,
  DAEMON_SOCKET,
  type GuixHome,
} from "./session/home.js";
export { Aborted, DaemonStartFailed, GuixCommandFailed, GuixNotFound, Timeout } from "./session/errors.js";
export {
  editDockerArchive,
  editConfig,
  DockerArchiveError,
  type EditOptions,
  type EditResult,
} from "./image/docker-archive.js";
export { detectCompression, type Compression } from "./image/compression.js";
export { setupGuix, SetupError, type SetupOptions } from "./session/setup.js";
export { doctor, type Check } from "./session/doctor.js";
