/** `@guix-ts/core/hash`: hash encodings and file hashes, without git, the lock or the builders. */
export { toNixBase32, fromNixBase32, toHex, fromHex, toSri, fromSri } from "./base32.js";
export {
  narHash,
  narSha256,
  narSha256Sync,
  fileHash,
  fileSha256Sync,
  NarHashError,
  VCS_DIRECTORIES,
  type NarHashOptions,
} from "./nar.js";
