/**
 * A Guix session: where Guix runs (backend, home), its daemon started once
 * and shared by every command, stopped when the session closes.
 *
 * @example
 * await using guix = await openGuix({ home: "~/.local/share/guix-ts/guix" });
 * const { storePath, hostPath } = await guix.pack({ format: "docker", manifests: ["manifest.scm"] });
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { containerCommand, type Backend } from "./containers.js";
import { startDaemon, type Daemon, type DaemonOptions } from "./daemon.js";
import { Aborted, GuixCommandFailed, GuixNotFound, Timeout } from "./errors.js";
import { CURRENT_GUIX, defaultHomeRoot, guixHome, hostPath as toHostPath, isSetUp, type GuixHome } from "./home.js";
import { spawnGroup, stopGroup } from "./processes.js";
import {
  describeArgv,
  packArgv,
  timeMachineArgv,
  type PackOptions,
  type TimeMachineOptions,
} from "../commands/argv.js";

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

export interface RunOptions {
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
  readonly onLog?: (line: string) => void;
  /** Grace period between SIGTERM and SIGKILL when stopping. */
  readonly killGraceMs?: number;
}

export interface RunResult {
  readonly stdout: string;
  readonly command: readonly string[];
}

export interface PackResult {
  /** The pack's path in the store: `/gnu/store/...-docker-pack.tar.gz`. */
  readonly storePath: string;
  /** Where that file is on this machine. */
  readonly hostPath: string;
}

/** Whether bubblewrap can make a user namespace here. */
export function userNamespacesWork(): boolean {
  try {
    execFileSync("bwrap", ["--unshare-user", "--ro-bind", "/", "/", "true"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** The path of `command` on PATH, if it is there. */
export function onPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(":")) {
    if (dir && existsSync(join(dir, command))) return join(dir, command);
  }
  return undefined;
}

export class GuixSession {
  private closed = false;

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

  /** Run `guix ARGS...` and return its stdout; stderr lines go to `onLog`. */
  async run(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
    if (this.closed) throw new Error("this Guix session is closed");
    const guix = this.home === undefined ? "guix" : `${CURRENT_GUIX}/bin/guix`;
    const command = ["guix", ...args];
    const cwd = options.cwd ?? process.cwd();
    const { file, args: argv, env: containerEnv } = containerCommand(this.backend, this.home, [guix, ...args], cwd);
    if (options.signal?.aborted) throw new Aborted(command);
    const child = spawnGroup(file, argv, {
      cwd,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, ...containerEnv, ...this.env, ...options.env },
    });
    let stdout = "";
    let stderrTail: string[] = [];
    child.stdout!.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    const lines = createInterface({ input: child.stderr!, crlfDelay: Infinity });
    lines.on("line", (line) => {
      stderrTail = [...stderrTail.slice(-29), line];
      (options.onLog ?? this.onLog)?.(line);
    });
    let stopped: "aborted" | "timeout" | undefined;
    const stop = (why: "aborted" | "timeout"): void => {
      stopped ??= why;
      void stopGroup(child, options.killGraceMs ?? 3000, this.backend === "bubblewrap" || this.backend === "proot");
    };
    const onAbort = (): void => stop("aborted");
    options.signal?.addEventListener("abort", onAbort, { once: true });
    const timer = options.timeoutMs === undefined ? undefined : setTimeout(() => stop("timeout"), options.timeoutMs);
    try {
      const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
        child.once("error", reject);
        child.once("close", (c, s) => resolve([c, s]));
      });
      if (stopped === "aborted") throw new Aborted(command);
      if (stopped === "timeout") throw new Timeout(command, options.timeoutMs!);
      if (code !== 0)
        throw new GuixCommandFailed(command, code ?? undefined, signal ?? undefined, stderrTail.join("\n"));
      return { stdout, command };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new GuixNotFound([file]);
      throw error;
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", onAbort);
      if (child.exitCode === null && child.signalCode === null) await stopGroup(child, 0);
    }
  }

  /** `guix pack`: the pack's store path and its path here. */
  async pack(options: PackOptions, run: RunOptions = {}): Promise<PackResult> {
    return this.packResult(await this.run(packArgv(options), run));
  }

  /** `guix time-machine -C CHANNELS -- pack ...`: the pack made by the pinned Guix. */
  async timeMachinePack(machine: TimeMachineOptions, options: PackOptions, run: RunOptions = {}): Promise<PackResult> {
    return this.packResult(await this.run(timeMachineArgv(machine, packArgv(options)), run));
  }

  /** `guix describe -f channels`: the running Guix as a channels file. */
  async describe(run: RunOptions = {}): Promise<string> {
    return (await this.run(describeArgv(), run)).stdout;
  }

  private packResult(result: RunResult): PackResult {
    const storePath = result.stdout.trim().split("\n").at(-1) ?? "";
    if (!storePath.startsWith("/gnu/store/"))
      throw new GuixCommandFailed(
        result.command,
        0,
        undefined,
        `no store path on stdout: ${JSON.stringify(result.stdout)}`,
      );
    return { storePath, hostPath: this.home ? toHostPath(this.home, storePath) : storePath };
  }

  /** Stop the daemon this session started. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.daemon?.stop();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}

/** Open a session: find Guix, choose the backend, start the daemon (once) when the backend needs one. */
export async function openGuix(options: OpenGuixOptions = {}): Promise<GuixSession> {
  if (options.daemonSocket !== undefined || options.backend === "remote") {
    if (options.daemonSocket === undefined)
      throw new Error('backend "remote" needs daemonSocket (guix://host:port or ssh://...)');
    if (!onPath("guix")) throw new GuixNotFound(["guix on PATH"]);
    return new GuixSession("remote", undefined, undefined, { GUIX_DAEMON_SOCKET: options.daemonSocket }, options.onLog);
  }
  const homeRoot = options.home ?? defaultHomeRoot();
  const home = guixHome(homeRoot);
  let backend = options.backend;
  if (backend === undefined) {
    if (isSetUp(home)) backend = onPath("bwrap") && userNamespacesWork() ? "bubblewrap" : "proot";
    else if (onPath("guix")) backend = "host";
    else throw new GuixNotFound([`a Guix home at ${homeRoot}`, "guix on PATH"]);
  }
  if (backend === "host") {
    if (!onPath("guix")) throw new GuixNotFound(["guix on PATH"]);
    return new GuixSession("host", undefined, undefined, {}, options.onLog);
  }
  if (!isSetUp(home)) throw new GuixNotFound([`a Guix home at ${homeRoot} (no gnu/store or current-guix profile)`]);
  const tool = backend === "bubblewrap" ? "bwrap" : "proot";
  if (!onPath(tool))
    throw new Error(
      `backend ${backend} needs ${tool}: apt-get install ${backend === "bubblewrap" ? "bubblewrap" : "proot"}`,
    );
  const daemon = await startDaemon(backend, home, options);
  return new GuixSession(backend, home, daemon, {}, options.onLog);
}
