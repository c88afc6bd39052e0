/** What works here for running Guix, one line per way of running it, and what to do about what does not. */
import { run } from "@guix-ts/process";
import { chooseBackend, surroundings, type Backend } from "./backend.js";

/** One line of `doctor`: a way of running Guix, whether it works, and the fix. */
export interface Check {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
  /** The command that fixes it. */
  readonly fix?: string;
}

/** The first version number a program prints about itself (proot prints a banner around it). */
async function version(command: string, args: readonly string[]): Promise<string> {
  const text = await run(command, args, { timeoutMs: 10_000 }).catch(() => "");
  return /\d+\.\d+(?:\.\d+)?/.exec(text)?.[0] ?? "version unknown";
}

/**
 * Each way of running Guix here (the host's Guix, bubblewrap, proot, a remote daemon), whether it
 * works and how to fix it, then the backend guix-ts would choose.
 *
 * @example for (const c of await doctor()) console.log(c.ok ? "ok" : "--", c.name, c.detail, c.fix ?? "")
 */
export async function doctor(options: { home?: string } = {}): Promise<Check[]> {
  const here = await surroundings(options);
  const line = async (backend: Backend, tool: Promise<string | undefined>): Promise<Check> => {
    const choice = chooseBackend(here, backend);
    const found = await tool;
    if (choice.ok) return { name: backend, ok: true, detail: found ?? "" };
    const missing = `missing: ${choice.missing.join(", ")}`;
    return { name: backend, ok: false, detail: found ? `${found}; ${missing}` : missing, fix: choice.fix };
  };
  const tool = async (path: string | undefined, name: string, where: string): Promise<string | undefined> =>
    path === undefined ? undefined : `${name} ${await version(path, ["--version"])}${where}`;
  const checks = [
    await line("host", tool(here.guix, "guix", ` at ${here.guix}`)),
    await line(
      "bubblewrap",
      tool(here.bwrap, "bwrap", here.userNamespaces ? ", user namespaces work" : ", user namespaces refused"),
    ),
    await line("proot", tool(here.proot, "proot", "")),
    await line("remote", Promise.resolve(here.daemonSocket && `GUIX_DAEMON_SOCKET=${here.daemonSocket}`)),
    {
      name: "guix home",
      ok: here.setUp,
      detail: here.setUp ? `a rootless Guix at ${here.homeRoot}` : `no rootless Guix at ${here.homeRoot}`,
      ...(here.setUp ? {} : { fix: "guix-ts setup --tarball guix-binary-VERSION.x86_64-linux.tar.xz" }),
    },
  ];
  const chosen = chooseBackend(here);
  checks.push(
    chosen.ok
      ? { name: "backend", ok: true, detail: `guix-ts would run Guix with the ${chosen.backend} backend` }
      : { name: "backend", ok: false, detail: "no way to run Guix here", fix: chosen.fix },
  );
  return checks;
}
