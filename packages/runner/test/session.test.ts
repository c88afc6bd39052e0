// The runner with real containers (Debian's bubblewrap and proot), real sockets and real processes;
// only guix and guix-daemon are STAND-INs (test/fixtures/stand-in-guix), since Guix cannot be installed here.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, onTestFinished } from "vitest";
import { orThrow, validateImage } from "@guix-ts/core";
import { ProcessError } from "@guix-ts/process";
import * as R from "@guix-ts/runner";
import { makeStandInHome } from "../../../test/fixtures/stand-in-guix/home.js";

const root = mkdtempSync(join(tmpdir(), "guix-ts-runner-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const newHome = (config = {}): string => makeStandInHome(join(root, `home-${n++}`), config);
const calls = (home: string): { argv: string[]; cwd: string; pid: number; env: Record<string, string | null> }[] =>
  readFileSync(join(home, "var/guix/stand-in-calls.jsonl"), "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
/** Whether a process runs (a zombie waiting to be reaped does not). */
const running = (pid: number): boolean => {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
};
/** Wait (up to 3 s) for processes that were sent SIGTERM or SIGKILL to be gone; return those still running. */
async function survivors(pids: number[]): Promise<number[]> {
  for (let i = 0; i < 60 && pids.some(running); i++) await new Promise((r) => setTimeout(r, 50));
  return pids.filter(running);
}
const alive = running;

describe.each<R.Backend>(["bubblewrap", "proot"])("the %s backend, with stand-in guix and guix-daemon", (backend) => {
  it("starts the daemon once, runs several commands through it, and stops it on close", async () => {
    const home = newHome();
    const logs: string[] = [];
    const guix = await R.openGuix({ backend, home, onLog: (l) => logs.push(l) });
    const daemonPid = guix.daemonPid!;
    expect(alive(daemonPid)).toBe(true);
    const cwd = mkdtempSync(join(root, "cwd-"));
    const pack = await guix.pack(
      {
        format: "docker",
        manifests: ["manifest.scm"],
        image: orThrow(validateImage({ entryPoint: "bin/uvicorn", entryPointArgs: ["app"], name: "damn" })),
      },
      { cwd, env: { EXTRA: "x" } },
    );
    expect(pack.storePath).toMatch(/^\/gnu\/store\/[0-9a-f]{32}-docker-pack\.tar\.gz$/);
    expect(pack.hostPath).toBe(join(home, pack.storePath.slice(1)));
    expect(readFileSync(pack.hostPath, "utf8")).toContain(
      "pack --format=docker --manifest=manifest.scm --entry-point=bin/uvicorn --entry-point-argument=app --image-tag=damn",
    );
    expect(await guix.describe()).toContain("(channel (name 'guix)");
    const recorded = calls(home);
    expect(recorded[0]).toMatchObject({
      argv: [
        "pack",
        "--format=docker",
        "--manifest=manifest.scm",
        "--entry-point=bin/uvicorn",
        "--entry-point-argument=app",
        "--image-tag=damn",
      ],
      cwd,
      env: { EXTRA: "x" },
    });
    expect(recorded[1]!.argv).toEqual(["describe", "--format=channels"]);
    // /etc/guix: bound by proot, given by its host path to bubblewrap's Guix.
    expect(recorded[0]!.env.GUIX_CONFIGURATION_DIRECTORY).toBe(
      backend === "bubblewrap" ? join(home, "etc/guix") : "/etc/guix",
    );
    expect(logs.some((l) => l.startsWith("building /gnu/store/"))).toBe(true);
    expect(readFileSync(join(home, "var/guix/stand-in-daemon.log"), "utf8").match(/started/g)).toHaveLength(1);
    await guix.close();
    expect(await survivors([daemonPid])).toEqual([]);
    expect(readFileSync(join(home, "var/guix/stand-in-daemon.log"), "utf8")).toContain(`stopped`);
  });

  it("runs time-machine with a channels file", async () => {
    const home = newHome();
    await using guix = await R.openGuix({ backend, home });
    await guix.timeMachinePack({ channels: "channels.scm" }, { format: "docker", manifests: ["manifest.scm"] });
    expect(calls(home)[0]!.argv).toEqual([
      "time-machine",
      "--channels=channels.scm",
      "--",
      "pack",
      "--format=docker",
      "--manifest=manifest.scm",
    ]);
  });

  it("reports a failing command with its exit code and stderr", async () => {
    const home = newHome({ failWith: { code: 3, message: "guix pack: error: package `nosuch' not found" } });
    await using guix = await R.openGuix({ backend, home });
    const error = await guix.pack({ packages: ["nosuch"] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProcessError);
    expect(error).toMatchObject({ exitCode: 3, command: ["guix", "pack", "--", "nosuch"] });
    expect((error as Error).message).toContain("package `nosuch' not found");
  });

  it("stops a command when aborted, leaving none of its processes behind", async () => {
    const home = newHome({ sleepMs: 20_000 });
    await using guix = await R.openGuix({ backend, home });
    const controller = new AbortController();
    const packing = guix.pack({ packages: ["hello"] }, { signal: controller.signal, killGraceMs: 500 });
    const pidFile = join(home, "var/guix/stand-in-pids");
    while (!existsSync(pidFile)) await new Promise((r) => setTimeout(r, 20));
    const pids = readFileSync(pidFile, "utf8").trim().split(" ").map(Number);
    controller.abort();
    await expect(packing).rejects.toMatchObject({ name: "ProcessError", reason: "aborted" });
    expect(await survivors(pids)).toEqual([]);
  });

  it("stops a command at its timeout, leaving none of its processes behind", async () => {
    const home = newHome({ sleepMs: 20_000 });
    await using guix = await R.openGuix({ backend, home });
    const packing = guix.pack({ packages: ["hello"] }, { timeoutMs: 1500, killGraceMs: 500 });
    await expect(packing).rejects.toMatchObject({ name: "ProcessError", reason: "timeout" });
    const pids = readFileSync(join(home, "var/guix/stand-in-pids"), "utf8").trim().split(" ").map(Number);
    expect(await survivors(pids)).toEqual([]);
  });

  it("says why when the daemon never accepts connections, with its log, and stops it", async () => {
    const home = newHome({ daemonNeverReady: true });
    const error = await R.openGuix({ backend, home, readyTimeoutMs: 1500, stopGraceMs: 500 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(R.DaemonStartFailed);
    expect((error as Error).message).toContain("accepted no connection within 1500 ms");
    expect((error as R.DaemonStartFailed).logTail).toContain("never listening");
    const pid = Number(/started (\d+)/.exec(readFileSync(join(home, "var/guix/stand-in-daemon.log"), "utf8"))![1]);
    expect(await survivors([pid])).toEqual([]);
  });

  it("says why when the daemon exits at start", async () => {
    const home = newHome({ daemonExits: true });
    await expect(R.openGuix({ backend, home })).rejects.toThrow(
      /exited \(1\) before accepting connections[\s\S]*cannot open the store database/,
    );
  });
});

describe.each<R.Backend>(["bubblewrap", "proot"])("the %s backend when its owner is killed", (backend) => {
  // The owner is a Node process of its own, killed with SIGKILL: no exit hook of it runs.
  it("takes the container, the daemon and the running command (and its children) with it", async () => {
    const home = newHome({ sleepMs: 60_000 });
    const script = `
      import { openGuix } from "@guix-ts/runner";
      const guix = await openGuix({ backend: ${JSON.stringify(backend)}, home: ${JSON.stringify(home)} });
      console.log(guix.daemonPid);
      guix.pack({ packages: ["hello"] }).catch(() => undefined);
      setInterval(() => undefined, 1000);
    `;
    const owner = spawn(
      process.execPath,
      ["--conditions=development", "--import", "tsx", "--input-type=module", "-e", script],
      {
        cwd: import.meta.dirname,
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    onTestFinished(() => void owner.kill("SIGKILL"));
    const daemonPid = Number(
      await new Promise<string>((r) => owner.stdout.once("data", (d: Buffer) => r(d.toString()))),
    );
    const pidFile = join(home, "var/guix/stand-in-pids");
    // The stand-in writes "PID CHILD" in one go, but the file exists (empty) a moment before.
    const written = (): boolean => existsSync(pidFile) && /^\d+ \d+\n$/.test(readFileSync(pidFile, "utf8"));
    while (!written()) await new Promise((r) => setTimeout(r, 20));
    const pids = [daemonPid, ...readFileSync(pidFile, "utf8").trim().split(" ").map(Number)];
    expect(pids.filter((pid) => !running(pid))).toEqual([]);
    owner.kill("SIGKILL");
    expect(await survivors(pids)).toEqual([]);
  }, 30_000);
});

describe("sessions", () => {
  it("refuses clearly a proot home whose path has a colon (proot binds HOST:GUEST), and runs it with bubblewrap", async () => {
    const home = makeStandInHome(join(root, "with:colon"));
    await expect(R.openGuix({ backend: "proot", home })).rejects.toThrow(
      /a Guix home path without ':' \(proot cannot bind/,
    );
    await using guix = await R.openGuix({ backend: "bubblewrap", home });
    expect(await guix.describe()).toContain("channel");
  });

  it("two sessions with different homes run at once, each with its own daemon and store", async () => {
    const [a, b] = [newHome(), newHome()];
    const [ga, gb] = await Promise.all([
      R.openGuix({ backend: "bubblewrap", home: a }),
      R.openGuix({ backend: "proot", home: b }),
    ]);
    try {
      const [pa, pb] = await Promise.all([ga.pack({ packages: ["a"] }), gb.pack({ packages: ["b"] })]);
      expect(pa.hostPath.startsWith(a)).toBe(true);
      expect(pb.hostPath.startsWith(b)).toBe(true);
      expect(existsSync(join(b, pa.storePath.slice(1)))).toBe(false);
      expect(ga.daemonPid).not.toBe(gb.daemonPid);
    } finally {
      await Promise.all([ga.close(), gb.close()]);
    }
  });

  it("a closed session refuses commands", async () => {
    const guix = await R.openGuix({ backend: "proot", home: newHome() });
    await guix.close();
    await expect(guix.describe()).rejects.toThrow("closed");
  });

  it("says what is missing when there is no Guix at all", async () => {
    const saved = process.env.PATH;
    process.env.PATH = "/nonexistent";
    try {
      await expect(R.openGuix({ home: join(root, "no-home") })).rejects.toThrow(R.GuixNotFound);
      await expect(R.openGuix({ home: join(root, "no-home") })).rejects.toThrow(/guix-ts setup --tarball/);
    } finally {
      process.env.PATH = saved;
    }
  });
});

describe("the remote backend", () => {
  it("uses the daemon at GUIX_DAEMON_SOCKET, with guix from PATH, and starts none", async () => {
    const { spawn } = await import("node:child_process");
    const { chmodSync, copyFileSync, mkdirSync } = await import("node:fs");
    const state = join(root, "remote-state");
    const bin = join(root, "remote-bin");
    mkdirSync(state);
    mkdirSync(bin);
    copyFileSync(join(import.meta.dirname, "../../../test/fixtures/stand-in-guix/guix.stand-in.py"), join(bin, "guix"));
    chmodSync(join(bin, "guix"), 0o755);
    const env = { ...process.env, GUIX_STAND_IN_STATE: state };
    // A daemon elsewhere: here a STAND-IN started by the test on a socket of its own.
    const daemon = spawn(
      "/usr/bin/python3",
      [join(import.meta.dirname, "../../../test/fixtures/stand-in-guix/guix-daemon.stand-in.py"), "--disable-chroot"],
      { env, stdio: "ignore" },
    );
    const socket = join(state, "daemon-socket/socket");
    for (let i = 0; i < 100 && !existsSync(socket); i++) await new Promise((r) => setTimeout(r, 20));
    const saved = { path: process.env.PATH, state: process.env.GUIX_STAND_IN_STATE };
    process.env.PATH = `${bin}:${process.env.PATH}`;
    process.env.GUIX_STAND_IN_STATE = state;
    try {
      await using guix = await R.openGuix({ daemonSocket: socket });
      expect(guix.backend).toBe("remote");
      expect(guix.daemonPid).toBeUndefined();
      expect(await guix.describe()).toContain("channel");
    } finally {
      process.env.PATH = saved.path;
      if (saved.state === undefined) delete process.env.GUIX_STAND_IN_STATE;
      daemon.kill();
    }
    const recorded = readFileSync(join(state, "stand-in-calls.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(recorded[0]).toMatchObject({ argv: ["describe", "--format=channels"], env: { GUIX_DAEMON_SOCKET: socket } });
  });
});
