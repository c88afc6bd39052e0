/**
 * A rootless Guix home, laid out as the binary release tarball unpacks:
 * HOME/gnu/store, HOME/var/guix, and HOME/etc for /etc/guix. The container
 * binds them to /gnu, /var/guix and /etc/guix.
 */
import { existsSync, lstatSync } from "node:fs";
import { homedir } from "node:os";
import { isAbsolute, join } from "node:path";

export const CURRENT_GUIX = "/var/guix/profiles/per-user/root/current-guix";
export const DAEMON_SOCKET = "/var/guix/daemon-socket/socket";

/** A rootless Guix home and where its parts are: the container binds them to /gnu, /var/guix and /etc/guix. */
export interface GuixHome {
  readonly root: string;
  readonly gnu: string;
  readonly varGuix: string;
  readonly etcGuix: string;
}

/**
 * Where the rootless Guix home is by default: `GUIX_TS_GUIX_HOME`, else `~/.local/share/guix-ts/guix`.
 *
 * @example defaultHomeRoot() // "/home/me/.local/share/guix-ts/guix"
 */
export function defaultHomeRoot(): string {
  const given = process.env.GUIX_TS_GUIX_HOME;
  if (given !== undefined && given !== "") {
    if (!isAbsolute(given)) throw new EnvironmentError(`GUIX_TS_GUIX_HOME=${given} is not an absolute path`);
    return given;
  }
  // A relative XDG_DATA_HOME is to be ignored (XDG Base Directory specification).
  const xdg = process.env.XDG_DATA_HOME;
  if (xdg !== undefined && isAbsolute(xdg)) return join(xdg, "guix-ts", "guix");
  const home = homedir();
  if (!isAbsolute(home))
    throw new EnvironmentError(
      `HOME is ${home === "" ? "empty" : `relative (${home})`}: set HOME, or GUIX_TS_GUIX_HOME, to an absolute path`,
    );
  return join(home, ".local", "share", "guix-ts", "guix");
}

/**
 * The environment does not say where things are (HOME empty, a relative path): what, and what to set.
 *
 * @example try { defaultHomeRoot() } catch (e) { if (e instanceof EnvironmentError) console.error(e.message) } // HOME is empty: ...
 */
export class EnvironmentError extends Error {
  override readonly name = "EnvironmentError";
}

export function guixHome(root: string): GuixHome {
  return { root, gnu: join(root, "gnu"), varGuix: join(root, "var", "guix"), etcGuix: join(root, "etc", "guix") };
}

/** Whether `root` holds a set-up Guix: a store and a current-guix profile. */
export function isSetUp(home: GuixHome): boolean {
  try {
    // The profile link is absolute (/gnu/store/...): it resolves in the container, not here.
    return existsSync(join(home.gnu, "store")) && lstatSync(join(home.root, CURRENT_GUIX.slice(1))) !== undefined;
  } catch {
    return false;
  }
}

/** A path inside the container, as seen from the host. */
export function hostPath(home: GuixHome, containerPath: string): string {
  if (containerPath.startsWith("/gnu/")) return join(home.gnu, containerPath.slice("/gnu/".length));
  if (containerPath.startsWith("/var/guix/")) return join(home.varGuix, containerPath.slice("/var/guix/".length));
  if (containerPath.startsWith("/etc/guix/")) return join(home.etcGuix, containerPath.slice("/etc/guix/".length));
  return containerPath;
}
