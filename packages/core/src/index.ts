/** @guix-ts/core: typed builders for Guix manifests (see issue 3). */
export {};
