/**
 * @guix-ts/process: the one way guix-ts runs programs. execa spawns them; each runs in its own
 * process group, stopped as a whole on abort, time-out or exit; output is bounded; every failure is
 * one {@link ProcessError}.
 */
export { run, start, type Child, type ProcessOptions } from "./run.js";
export { ProcessError, type ProcessErrorDetails, type ProcessFailure } from "./process-error.js";
export { onPath } from "./on-path.js";
