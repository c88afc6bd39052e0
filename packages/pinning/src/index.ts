/**
 * @guix-ts/pinning: what makes a build reproducible. Hashes as Guix writes them (nix-base32, hex,
 * SRI), the NAR hash of a tree (`guix hash -r`), git sources resolved and hashed with the real
 * `git`, and `guix-ts.lock` kept up to date.
 *
 * @packageDocumentation
 */
export * from "./hashing.js";
export { prefetchGit, GitPrefetchError, type PrefetchGitOptions, type PrefetchedGit } from "./git.js";
export { updateLock, readLock, writeLock, LockError, type LockOptions } from "./lock.js";
