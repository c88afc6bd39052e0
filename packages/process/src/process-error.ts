/** Why a command did not succeed. */
export type ProcessFailure = "exit" | "signal" | "timeout" | "aborted" | "not-found" | "output-too-large";

/** How a command ended: its exit code or signal, the end of its stderr, the time-out it passed. */
export interface ProcessErrorDetails {
  readonly exitCode?: number | undefined;
  readonly signal?: string | undefined;
  /** The last lines the command wrote on stderr. */
  readonly stderrTail?: string | undefined;
  readonly timeoutMs?: number | undefined;
}

/**
 * The one error of a child process: the command, how it ended, and the end of what it wrote on
 * stderr, said in a line (then the stderr tail).
 *
 * @example
 * try { await run("git", ["fetch"]) } catch (e) { if (e instanceof ProcessError && e.reason === "exit") console.error(e.exitCode) }
 */
export class ProcessError extends Error {
  override readonly name = "ProcessError";
  readonly exitCode: number | undefined;
  readonly signal: string | undefined;
  readonly stderrTail: string;

  constructor(
    /** The command as it would be typed (`["git", "ls-remote", "--", URL]`). */
    readonly command: readonly string[],
    readonly reason: ProcessFailure,
    details: ProcessErrorDetails = {},
  ) {
    super(`${command.join(" ")}: ${describe(command, reason, details)}${tail(details.stderrTail)}`);
    this.exitCode = details.exitCode;
    this.signal = details.signal;
    this.stderrTail = details.stderrTail ?? "";
  }
}

function describe(command: readonly string[], reason: ProcessFailure, details: ProcessErrorDetails): string {
  switch (reason) {
    case "exit":
      return `failed (exit code ${details.exitCode})`;
    case "signal":
      return `was killed by ${details.signal}`;
    case "timeout":
      return `did not finish within ${details.timeoutMs} ms; it was stopped`;
    case "aborted":
      return "was aborted; it was stopped";
    case "not-found":
      return `${command[0]} is not installed or not on PATH`;
    case "output-too-large":
      return "wrote more output than is kept; it was stopped";
  }
}

const tail = (text: string | undefined): string => (text?.trim() ? `\n${text.trim()}` : "");
