/** What works here for running Guix, and what to do about what does not. */
import { execFileSync } from "node:child_process";
import { defaultHomeRoot, guixHome, isSetUp } from "./home.js";
import { onPath, userNamespacesWork } from "./session.js";

export interface Check {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
  /** The command that fixes it. */
  readonly fix?: string;
}

function version(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] })
      .split("\n")[0]!
      .trim();
  } catch {
    return "installed";
  }
}

export function doctor(options: { home?: string } = {}): Check[] {
  const homeRoot = options.home ?? defaultHomeRoot();
  const guix = onPath("guix");
  const bwrap = onPath("bwrap");
  const proot = onPath("proot");
  const userns = bwrap !== undefined && userNamespacesWork();
  const setUp = isSetUp(guixHome(homeRoot));
  const checks: Check[] = [
    guix
      ? { name: "host", ok: true, detail: `guix on PATH: ${guix}` }
      : {
          name: "host",
          ok: false,
          detail: "no guix on PATH",
          fix: "install Guix (https://guix.gnu.org/manual/en/html_node/Binary-Installation.html)",
        },
    setUp
      ? { name: "guix home", ok: true, detail: `a rootless Guix at ${homeRoot}` }
      : {
          name: "guix home",
          ok: false,
          detail: `no rootless Guix at ${homeRoot}`,
          fix: "guix-ts setup --tarball guix-binary-VERSION.x86_64-linux.tar.xz",
        },
    bwrap
      ? {
          name: "bubblewrap",
          ok: userns,
          detail: userns
            ? `${version("bwrap", ["--version"])}, user namespaces work`
            : "installed, but user namespaces are not allowed here",
          ...(userns ? {} : { fix: "sysctl -w kernel.unprivileged_userns_clone=1 (or use proot)" }),
        }
      : { name: "bubblewrap", ok: false, detail: "not installed", fix: "apt-get install bubblewrap" },
    proot
      ? {
          name: "proot",
          ok: true,
          detail: version("proot", ["--version"]).replace(/\s+/g, " ").slice(0, 60) || "installed",
        }
      : { name: "proot", ok: false, detail: "not installed", fix: "apt-get install proot" },
    process.env.GUIX_DAEMON_SOCKET
      ? { name: "remote daemon", ok: true, detail: `GUIX_DAEMON_SOCKET=${process.env.GUIX_DAEMON_SOCKET}` }
      : {
          name: "remote daemon",
          ok: false,
          detail: "GUIX_DAEMON_SOCKET is not set (optional: guix://host:port or ssh://...)",
        },
  ];
  const backend = setUp && userns ? "bubblewrap" : setUp && proot ? "proot" : guix ? "host" : undefined;
  checks.push(
    backend
      ? { name: "backend", ok: true, detail: `guix-ts would run Guix with the ${backend} backend` }
      : {
          name: "backend",
          ok: false,
          detail: "no way to run Guix here",
          fix: setUp ? "apt-get install bubblewrap proot" : "guix-ts setup --tarball FILE|URL, or install Guix",
        },
  );
  return checks;
}
