/** What can go wrong running Guix, each saying what to do. */
export class GuixNotFound extends Error {
  override readonly name = "GuixNotFound";
  constructor(readonly looked: readonly string[]) {
    super(
      `no Guix found; looked at: ${looked.join(", ")}.\n` +
        "Install Guix (guix on PATH), or set up a rootless one: guix-ts setup --tarball guix-binary-VERSION.x86_64-linux.tar.xz",
    );
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

export class GuixCommandFailed extends Error {
  override readonly name = "GuixCommandFailed";
  constructor(
    readonly command: readonly string[],
    readonly exitCode: number | undefined,
    readonly signal: string | undefined,
    readonly stderrTail: string,
  ) {
    super(
      `${command.join(" ")} failed (${exitCode !== undefined ? `exit code ${exitCode}` : `signal ${signal}`})${stderrTail ? `\n${stderrTail}` : ""}`,
    );
  }
}

export class Timeout extends Error {
  override readonly name = "Timeout";
  constructor(
    readonly command: readonly string[],
    readonly ms: number,
  ) {
    super(`${command.join(" ")} did not finish within ${ms} ms; it was stopped`);
  }
}

export class Aborted extends Error {
  override readonly name = "Aborted";
  constructor(readonly command: readonly string[]) {
    super(`${command.join(" ")} was aborted; it was stopped`);
  }
}
