/**
 * @guix-ts/pinning/hashing: hashes alone (nix-base32, hex, SRI; the NAR hash of a tree), an entry of
 * its own so that what only hashes (`guix-ts hash`) loads neither git nor the lock's dependencies.
 *
 * @packageDocumentation
 */
export { toNixBase32, fromNixBase32, toHex, fromHex, toSri, fromSri } from "./nix-base32.js";
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
