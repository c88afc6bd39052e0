/** @guix-ts/runner: running Guix, and what is done with what it makes. */
export {
  editDockerArchive,
  editConfig,
  DockerArchiveError,
  type EditOptions,
  type EditResult,
} from "./image/docker-archive.js";
export { detectCompression, type Compression } from "./image/compression.js";
