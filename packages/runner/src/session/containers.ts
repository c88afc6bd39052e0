/**
 * Where Guix runs: on the host, or in a rootless container that binds the
 * Guix home to /gnu, /var/guix and /etc/guix (bubblewrap with user
 * namespaces; proot where those are not allowed), as the guix-base image does.
 */
import { existsSync, lstatSync, readdirSync, readlinkSync } from "node:fs";
import { join } from "node:path";
import type { Backend } from "./backend.js";
import type { GuixHome } from "./home.js";

/** The mounts that give a container `mounts` (container path -> host path) over the host's own tree. */
function bubblewrapMounts(mounts: Readonly<Record<string, string>>): string[] {
  const args: string[] = [];
  // bwrap starts from an empty root: bind the host's entries, except where ours go.
  // A parent of one of ours that exists on the host is rebuilt entry by entry, so no
  // mount point has to be created on the host (which needs root).
  const rebuild = (dir: string): void => {
    const ours = Object.keys(mounts).filter((m) => m.startsWith(dir === "/" ? "/" : `${dir}/`));
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (path === "/proc" || path === "/dev") continue;
      if (Object.hasOwn(mounts, path)) continue;
      if (ours.some((m) => m.startsWith(`${path}/`))) {
        if (lstatSync(path).isDirectory()) {
          args.push("--dir", path);
          rebuild(path);
          continue;
        }
      }
      const stat = lstatSync(path);
      if (stat.isSymbolicLink()) args.push("--symlink", readlinkSync(path), path);
      else args.push("--bind", path, path);
    }
    for (const m of ours) {
      const parent = m.slice(0, m.lastIndexOf("/")) || "/";
      if (parent === dir && !existsSync(m)) args.push("--dir", m);
    }
  };
  rebuild("/");
  for (const [inside, outside] of Object.entries(mounts)) args.push("--bind", outside, inside);
  return args;
}

/**
 * The command that runs `argv` for this backend, and the environment it needs: in a container,
 * Guix's logs go under /var/guix (the home), not to the host's /var/log/guix, and /etc/guix is
 * the home's etc/guix.
 */
export function containerCommand(
  backend: Backend,
  home: GuixHome | undefined,
  argv: readonly string[],
  cwd = process.cwd(),
): { file: string; args: string[]; env: Record<string, string> } {
  if (backend === "host" || backend === "remote" || home === undefined)
    return { file: argv[0]!, args: argv.slice(1), env: {} };
  const env = {
    GUIX_LOG_DIRECTORY: "/var/guix/log",
    GUIX_CONFIGURATION_DIRECTORY: backend === "bubblewrap" ? home.etcGuix : "/etc/guix",
  };
  if (backend === "bubblewrap") {
    // /etc/guix is reached through GUIX_CONFIGURATION_DIRECTORY (the host path is visible inside), so
    // /etc is bound whole: rebuilding it entry by entry to add a mount point cost 40 ms a command.
    // (The environment goes to bwrap, which hands it on.)
    const mounts = { "/gnu": home.gnu, "/var/guix": home.varGuix };
    return {
      file: "bwrap",
      args: [
        "--die-with-parent",
        ...bubblewrapMounts(mounts),
        "--dev-bind",
        "/dev",
        "/dev",
        "--proc",
        "/proc",
        "--chdir",
        cwd,
        "--",
        ...argv,
      ],
      env,
    };
  }
  const mounts = { "/gnu": home.gnu, "/var/guix": home.varGuix, "/etc/guix": home.etcGuix };
  return {
    file: "proot",
    args: [...Object.entries(mounts).flatMap(([inside, outside]) => ["-b", `${outside}:${inside}`]), ...argv],
    env,
  };
}
