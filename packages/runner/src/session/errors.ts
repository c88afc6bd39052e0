/**
 * No way to run Guix here: what is missing, and how to get it.
 *
 * @example await openGuix().catch((e: GuixNotFound) => console.error(e.looked, e.fix))
 */
export class GuixNotFound extends Error {
  override readonly name = "GuixNotFound";
  constructor(
    readonly looked: readonly string[],
    readonly fix = "install Guix (guix on PATH), or set up a rootless one: guix-ts setup --tarball guix-binary-VERSION.x86_64-linux.tar.xz",
  ) {
    super(`no way to run Guix here; missing: ${looked.join(", ")}.\nTo fix: ${fix}`);
  }
}

/**
 * guix-daemon did not start: why, and the end of its log.
 *
 * @example await openGuix().catch((e: DaemonStartFailed) => console.error(e.logTail))
 */
export class DaemonStartFailed extends Error {
  override readonly name = "DaemonStartFailed";
  constructor(
    readonly reason: string,
    readonly logTail: string,
  ) {
    super(`guix-daemon did not start: ${reason}${logTail ? `\n--- daemon log (last lines) ---\n${logTail}` : ""}`);
  }
}
