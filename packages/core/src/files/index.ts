/** `@guix-ts/core/files`: writing files atomically and deterministically, without the rest of core. */
export { withAtomicFile, writeFileAtomic } from "./atomic-write.js";
export { withSortedKeys } from "./sorted-keys.js";
