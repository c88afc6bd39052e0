/** @guix-ts/runner: runs guix in rootless containers (see issue 5). */
export {};
