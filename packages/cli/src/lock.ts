import { dirname, join } from "node:path";
import {
  GitPrefetchError,
  LockError,
  readLock,
  updateLock,
  writeLock,
  type Channel,
  type Manifest,
} from "@guix-ts/core";
import { parseCommand } from "./args.js";
import type { CommandIO } from "./io.js";
import { loadModule } from "./load-module.js";

export const LOCK_USAGE = `usage: guix-ts lock [--update NAME]... [--update-all] [--frozen] [--lock FILE] MODULE

Pin the git sources and channels of MODULE (a .ts or .js file exporting \`manifest\`
and/or \`channels\`) in guix-ts.lock beside it: each branch or tag resolved to its commit,
each source's hash computed.
  --update NAME   resolve this package's source or this channel again
  --update-all    resolve every entry again
  --frozen        change nothing: fail if an entry is missing, stale, or its branch moved
  --lock FILE     the lock file (default: guix-ts.lock beside MODULE)
`;

/** `guix-ts lock`: exit 0, 1 when frozen and the lock is not up to date (or fetching failed), 2 on usage errors. */
export async function lock(argv: readonly string[], io: CommandIO): Promise<number> {
  const parsed = parseCommand(
    "lock",
    argv,
    {
      update: { type: "string", multiple: true },
      "update-all": { type: "boolean" },
      frozen: { type: "boolean" },
      lock: { type: "string" },
    },
    LOCK_USAGE,
    io,
  );
  if (typeof parsed === "number") return parsed;
  const { values, positionals } = parsed;
  if (positionals.length !== 1 || (values.frozen && (values.update || values["update-all"]))) {
    io.stderr(
      `guix-ts lock: ${positionals.length !== 1 ? "give one MODULE" : "--frozen changes nothing: it does not go with --update"}\n${LOCK_USAGE}`,
    );
    return 2;
  }
  const modulePath = positionals[0]!;
  const lockPath = values.lock ?? join(dirname(modulePath), "guix-ts.lock");
  const module = await loadModule(modulePath);
  const manifest = module.manifest as Manifest | undefined;
  const channels = module.channels as readonly Channel[] | undefined;
  if (manifest === undefined && channels === undefined) {
    io.stderr(`guix-ts lock: ${modulePath} exports neither \`manifest\` nor \`channels\`\n`);
    return 2;
  }
  try {
    const old = await readLock(lockPath);
    const updated = await updateLock({
      ...(manifest ? { manifest } : {}),
      ...(channels ? { channels } : {}),
      lock: old,
      frozen: values.frozen ?? false,
      update: values["update-all"] ? true : (values.update ?? []),
      onChange: (what) => io.stdout(`${what}\n`),
    });
    if (!values.frozen) await writeLock(lockPath, updated);
    io.stdout(values.frozen ? `${lockPath} is up to date\n` : `wrote ${lockPath}\n`);
    return 0;
  } catch (error) {
    if (error instanceof LockError || error instanceof GitPrefetchError) {
      io.stderr(`guix-ts lock: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
