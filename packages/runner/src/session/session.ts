/**
 * A Guix session: where Guix runs (backend, home), its daemon started once and shared by every
 * command, stopped when the session closes.
 *
 * @example
 * await using guix = await openGuix({ home: "~/.local/share/guix-ts/guix" });
 * const { storePath, hostPath } = await guix.pack({ format: "docker", manifests: ["manifest.scm"] });
 */
import { ProcessError, start } from "@guix-ts/process";
import {
  describeArgv,
  packArgv,
  shellArgv,
  timeMachineArgv,
  type PackOptions,
  type ShellOptions,
  type TimeMachineOptions,
} from "../commands/argv.js";
import { chooseBackend, surroundings, type Backend } from "./backend.js";
import { containerCommand } from "./containers.js";
import { startDaemon, type Daemon, type DaemonOptions } from "./daemon.js";
import { GuixNotFound } from "./errors.js";
import { CURRENT_GUIX, hostPath as toHostPath, type GuixHome } from "./home.js";

/** What `openGuix()` takes: where and how Guix runs. */
export interface OpenGuixOptions extends DaemonOptions {
  /** Where Guix runs; by default a set-up home with bubblewrap (proot without user namespaces), else `guix` on PATH. */
  readonly backend?: Backend;
  /** The rootless Guix home (`guix-ts setup` makes one); default `~/.local/share/guix-ts/guix` or `GUIX_TS_GUIX_HOME`. */
  readonly home?: string;
  /** `guix://host:port` or `ssh://...`: use that daemon (backend "remote"). */
  readonly daemonSocket?: string;
  /** Every line Guix writes on stderr, as it comes. */
  readonly onLog?: (line: string) => void;
}

/** How one command runs: its folder, environment, cancellation, time-out, log lines. */
export interface RunOptions {
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
  /** Every line the command writes on stderr, as it comes (else the session's `onLog`). */
  readonly onLog?: (line: string) => void;
  /** Grace period between SIGTERM and SIGKILL when stopping. */
  readonly killGraceMs?: number;
  /** Give the command the terminal (stdin, stdout): for `guix shell -- COMMAND`. */
  readonly terminal?: boolean;
}

/** What a command printed on stdout, and the command. */
export interface RunResult {
  readonly stdout: string;
  readonly command: readonly string[];
}

/** A pack Guix made: its store path, and where it is on this machine. */
export interface PackResult {
  /** The pack's path in the store: `/gnu/store/...-docker-pack.tar.gz`. */
  readonly storePath: string;
  /** Where that file is on this machine. */
  readonly hostPath: string;
}

/**
 * A Guix session: where Guix runs, its daemon started once and shared by every command.
 *
 * @example
 * await using guix = await openGuix();
 * console.log(await guix.describe());
 */
export class GuixSession {
  private closed = false;

  /** @internal Sessions are made by {@link openGuix}. */
  constructor(
    readonly backend: Backend,
    readonly home: GuixHome | undefined,
    private readonly daemon: Daemon | undefined,
    private readonly env: Readonly<Record<string, string>>,
    private readonly onLog: ((line: string) => void) | undefined,
  ) {}

  /** The pid of the daemon this session started, if it did. */
  get daemonPid(): number | undefined {
    return this.daemon?.owned ? this.daemon.pid : undefined;
  }

  /**
   * Run `guix ARGS...` and return its stdout; stderr lines go to `onLog`. A failure is a
   * `ProcessError` naming `guix ARGS...`.
   *
   * @example (await guix.run(["describe", "--format=channels"])).stdout
   */
  async run(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
    if (this.closed) throw new Error("this Guix session is closed");
    const guix = this.home === undefined ? "guix" : `${CURRENT_GUIX}/bin/guix`;
    const command = ["guix", ...args];
    const cwd = options.cwd ?? process.cwd();
    const { file, args: argv, env } = containerCommand(this.backend, this.home, [guix, ...args], cwd);
    const onLog = options.onLog ?? this.onLog;
    const child = start(file, argv, {
      cwd,
      env: { ...env, ...this.env, ...options.env },
      display: command,
      container: this.backend === "bubblewrap" || this.backend === "proot",
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.killGraceMs !== undefined ? { killGraceMs: options.killGraceMs } : {}),
      ...(onLog ? { onStderrLine: onLog } : {}),
      ...(options.terminal ? { stdin: "inherit" as const, stdout: "inherit" as const } : {}),
    });
    try {
      return { stdout: await child.done, command };
    } catch (error) {
      if (error instanceof ProcessError && error.reason === "not-found") throw new GuixNotFound([file]);
      throw error;
    }
  }

  /** `guix pack`: the pack's store path and its path here. */
  async pack(options: PackOptions, run: RunOptions = {}): Promise<PackResult> {
    return this.storeResult(await this.run(packArgv(options), run));
  }

  /** `guix time-machine -C CHANNELS -- pack ...`: the pack made by the pinned Guix. */
  async timeMachinePack(machine: TimeMachineOptions, options: PackOptions, run: RunOptions = {}): Promise<PackResult> {
    return this.storeResult(await this.run(timeMachineArgv(machine, packArgv(options)), run));
  }

  /** `guix shell -m MANIFEST -- COMMAND` (through time-machine when `machine` is given), on the terminal. */
  async shell(options: ShellOptions, machine?: TimeMachineOptions, run: RunOptions = {}): Promise<void> {
    const argv = shellArgv(options);
    await this.run(machine ? timeMachineArgv(machine, argv) : argv, { terminal: true, ...run });
  }

  /** `guix describe -f channels`: the running Guix as a channels file. */
  async describe(run: RunOptions = {}): Promise<string> {
    return (await this.run(describeArgv(), run)).stdout;
  }

  /**
   * The store path a `guix pack` printed (its last line of stdout), and where it is here.
   *
   * @example guix.storeResult(await guix.run(["pack", "hello"])).hostPath
   */
  storeResult(result: RunResult): PackResult {
    const storePath = result.stdout.trim().split("\n").at(-1) ?? "";
    if (!storePath.startsWith("/gnu/store/"))
      throw new ProcessError(result.command, "exit", {
        exitCode: 0,
        stderrTail: `no store path on stdout: ${JSON.stringify(result.stdout.slice(-200))}`,
      });
    return { storePath, hostPath: this.home ? toHostPath(this.home, storePath) : storePath };
  }

  /** Stop the daemon this session started. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.daemon?.stop();
  }

  /** Stop the daemon this session started, at the end of an `await using` block. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}

/**
 * Open a session: find Guix, choose the backend, start the daemon (once) when the backend needs one.
 * Throws {@link GuixNotFound} saying what is missing and how to get it.
 *
 * @example await using guix = await openGuix({ onLog: console.error });
 */
export async function openGuix(options: OpenGuixOptions = {}): Promise<GuixSession> {
  const here = await surroundings({ ...(options.home ? { home: options.home } : {}) });
  const choice = chooseBackend(here, options.backend, options.daemonSocket);
  if (!choice.ok) throw new GuixNotFound(choice.missing, choice.fix);
  const { backend } = choice;
  if (backend === "remote") {
    const socket = options.daemonSocket ?? here.daemonSocket!;
    return new GuixSession("remote", undefined, undefined, { GUIX_DAEMON_SOCKET: socket }, options.onLog);
  }
  if (backend === "host") return new GuixSession("host", undefined, undefined, {}, options.onLog);
  const daemon = await startDaemon(backend, here.home, options);
  return new GuixSession(backend, here.home, daemon, {}, options.onLog);
}
