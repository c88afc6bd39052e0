/** @guix-ts/core: typed builders for Guix manifests, and the files they go to. */
export { writeFileAtomic } from "./files/atomic-write.js";
