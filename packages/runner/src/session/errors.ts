/** What can go wrong finding or starting Guix, each saying what to do. A command that fails is a `ProcessError`. */
export class GuixNotFound extends Error {
  override readonly name = "GuixNotFound";
  constructor(
    readonly looked: readonly string[],
    readonly fix = "install Guix (guix on PATH), or set up a rootless one: guix-ts setup --tarball guix-binary-VERSION.x86_64-linux.tar.xz",
  ) {
    super(`no way to run Guix here; missing: ${looked.join(", ")}.\nTo fix: ${fix}`);
  }
}

export class DaemonStartFailed extends Error {
  override readonly name = "DaemonStartFailed";
  constructor(
    readonly reason: string,
    readonly logTail: string,
  ) {
    super(`guix-daemon did not start: ${reason}${logTail ? `\n--- daemon log (last lines) ---\n${logTail}` : ""}`);
  }
}
