import { orThrow, validateManifest } from "@guix-ts/core";
import { readLock, updateLock, writeLock } from "@guix-ts/pinning";
import { CATALOG_FLAG, CATALOG_FLAG_USAGE, knowledgeFrom } from "../catalog-flag.js";
import { parseCommand } from "../args.js";
import { report } from "../errors.js";
import type { CommandIO } from "../io.js";
import { loadBuildFile, lockBeside } from "../load-module.js";

export const usage = `usage: guix-ts lock [--update NAME]... [--update-all] [--frozen] [--lock FILE] MODULE

Pin the git sources and channels of MODULE (a .ts or .js file exporting \`manifest\`
and/or \`channels\`) in guix-ts.lock beside it: each branch or tag resolved to its commit,
each source's hash computed.
  --update NAME   resolve this package's source or this channel again
  --update-all    resolve every entry again
  --frozen        change nothing: fail if an entry is missing, stale, or its branch moved
  --lock FILE     the lock file (default: guix-ts.lock beside MODULE)
${CATALOG_FLAG_USAGE}                        (before anything is fetched)
`;

/** `guix-ts lock`: exit 0, 1 when frozen and the lock is not up to date (or fetching failed), 2 on usage errors. */
export async function run(argv: readonly string[], io: CommandIO): Promise<number> {
  const parsed = parseCommand(
    "lock",
    argv,
    {
      update: { type: "string", multiple: true },
      "update-all": { type: "boolean" },
      frozen: { type: "boolean" },
      lock: { type: "string" },
      ...CATALOG_FLAG,
    },
    usage,
    io,
  );
  if (typeof parsed === "number") return parsed;
  const { values, positionals } = parsed;
  if (positionals.length !== 1 || (values.frozen && (values.update || values["update-all"]))) {
    io.stderr(
      `guix-ts lock: ${positionals.length !== 1 ? "give one MODULE" : "--frozen changes nothing: it does not go with --update"}\n${usage}`,
    );
    return 2;
  }
  const modulePath = positionals[0]!;
  const lockPath = values.lock ?? lockBeside(modulePath);
  try {
    const { manifest, channels } = await loadBuildFile(modulePath);
    // Misspelt names are found before minutes of fetching, not after.
    const lock = await readLock(lockPath);
    const knowledge = await knowledgeFrom(values.catalog, channels, lock);
    if (knowledge && manifest) orThrow(validateManifest(manifest, { knowledge }));
    const updated = await updateLock({
      ...(manifest ? { manifest } : {}),
      ...(channels ? { channels } : {}),
      lock,
      frozen: values.frozen ?? false,
      update: values["update-all"] ? true : (values.update ?? []),
      onChange: (what) => io.stdout(`${what}\n`),
    });
    if (!values.frozen) await writeLock(lockPath, updated);
    io.stdout(values.frozen ? `${lockPath} is up to date\n` : `wrote ${lockPath}\n`);
    return 0;
  } catch (error) {
    return report(error, "lock", usage, io);
  }
}
