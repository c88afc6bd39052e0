/**
 * Where Guix runs here, chosen in one place for sessions and `doctor` alike: a rootless home with
 * bubblewrap (where user namespaces are allowed) or proot, else the host's `guix`, or a remote daemon.
 */
import { onPath, run } from "@guix-ts/process";
import { defaultHomeRoot, guixHome, isSetUp, type GuixHome } from "./home.js";

/** Where Guix runs: the host, a bubblewrap or proot container, or a remote daemon. */
export type Backend = "host" | "bubblewrap" | "proot" | "remote";
/**
 * Every backend.
 *
 * @example BACKENDS.includes("proot") // true
 */
export const BACKENDS: readonly Backend[] = ["host", "bubblewrap", "proot", "remote"];

/** What this machine has for running Guix, looked at once. */
export interface Surroundings {
  readonly homeRoot: string;
  readonly home: GuixHome;
  readonly setUp: boolean;
  readonly guix: string | undefined;
  readonly bwrap: string | undefined;
  readonly proot: string | undefined;
  readonly userNamespaces: boolean;
  readonly daemonSocket: string | undefined;
}

/** Whether bubblewrap can make a user namespace here. */
export async function userNamespacesWork(): Promise<boolean> {
  return run("bwrap", ["--unshare-user", "--ro-bind", "/", "/", "true"], { timeoutMs: 10_000 }).then(
    () => true,
    () => false,
  );
}

/**
 * Look at what this machine has: the home, `guix`, bwrap and whether it works, proot, a daemon URL.
 *
 * @example (await surroundings({ home: "/srv/guix" })).setUp // whether a Guix is set up there
 */
export async function surroundings(options: { home?: string; daemonSocket?: string } = {}): Promise<Surroundings> {
  const homeRoot = options.home ?? defaultHomeRoot();
  const home = guixHome(homeRoot);
  const bwrap = onPath("bwrap");
  return {
    homeRoot,
    home,
    setUp: isSetUp(home),
    guix: onPath("guix"),
    bwrap,
    proot: onPath("proot"),
    userNamespaces: bwrap !== undefined && (await userNamespacesWork()),
    daemonSocket: options.daemonSocket ?? process.env.GUIX_DAEMON_SOCKET,
  };
}

/** The backend to use, or what is missing for the one asked for (or for any), and how to get it. */
export type BackendChoice =
  | { readonly ok: true; readonly backend: Backend }
  | { readonly ok: false; readonly missing: readonly string[]; readonly fix: string };

const SETUP_FIX = "guix-ts setup --tarball guix-binary-VERSION.x86_64-linux.tar.xz (or install Guix)";

/**
 * Choose the backend: the one asked for if it can run, else the best that can: bubblewrap, then proot,
 * for a set-up home; the host's `guix` otherwise. A daemon URL asked for means the remote backend.
 *
 * @example chooseBackend(await surroundings()) // { ok: true, backend: "bubblewrap" }
 */
export function chooseBackend(s: Surroundings, wanted?: Backend, daemonSocket?: string): BackendChoice {
  const remote = wanted === "remote" || daemonSocket !== undefined;
  if (remote) {
    const missing = [
      ...((daemonSocket ?? s.daemonSocket) ? [] : ["a daemon URL (guix://HOST:PORT or ssh://...)"]),
      ...(s.guix ? [] : ["guix on PATH"]),
    ];
    return missing.length === 0
      ? { ok: true, backend: "remote" }
      : { ok: false, missing, fix: "give --daemon guix://HOST:PORT, and install Guix's client (guix on PATH)" };
  }
  const home = `a Guix home at ${s.homeRoot}`;
  const can: Record<Exclude<Backend, "remote">, { ok: boolean; missing: string[]; fix: string }> = {
    host: { ok: s.guix !== undefined, missing: ["guix on PATH"], fix: "install Guix, or use a rootless home" },
    bubblewrap: {
      ok: s.setUp && s.userNamespaces,
      missing: [
        ...(s.setUp ? [] : [home]),
        ...(s.bwrap ? (s.userNamespaces ? [] : ["user namespaces (bubblewrap cannot make one here)"]) : ["bwrap"]),
      ],
      fix: s.setUp ? "apt-get install bubblewrap (or use proot)" : SETUP_FIX,
    },
    proot: {
      ok: s.setUp && s.proot !== undefined && !s.homeRoot.includes(":"),
      missing: [
        ...(s.setUp ? [] : [home]),
        ...(s.proot ? [] : ["proot"]),
        // proot binds with -b HOST:GUEST: a host path with a colon cannot be said.
        ...(s.homeRoot.includes(":") ? [`a Guix home path without ':' (proot cannot bind ${s.homeRoot})`] : []),
      ],
      fix: s.homeRoot.includes(":")
        ? "move the Guix home to a path without ':' (guix-ts setup --home DIR), or use bubblewrap"
        : s.setUp
          ? "apt-get install proot"
          : SETUP_FIX,
    },
  };
  if (wanted !== undefined) {
    const c = can[wanted as Exclude<Backend, "remote">];
    return c.ok ? { ok: true, backend: wanted } : { ok: false, missing: c.missing, fix: c.fix };
  }
  for (const backend of ["bubblewrap", "proot", "host"] as const) if (can[backend].ok) return { ok: true, backend };
  return {
    ok: false,
    missing: [home, "guix on PATH"],
    fix: s.setUp ? "apt-get install bubblewrap proot" : SETUP_FIX,
  };
}
