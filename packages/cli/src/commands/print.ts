import { buildFileE, channelsFileE, didYouMean, guixFileE, isGuixFile, manifestFileE, orThrow } from "@guix-ts/core";
import { readLock } from "@guix-ts/pinning";
import { parseCommand } from "../args.js";
import { CATALOG_FLAG, CATALOG_FLAG_USAGE, knowledgeFrom } from "../catalog-flag.js";
import { UsageError, report } from "../errors.js";
import type { CommandIO } from "../io.js";
import { loadExports, lockBeside } from "../load-module.js";

export const usage = `usage: guix-ts print [FILE] [EXPORT]...

Print the Scheme a build script (default ./build.ts) exports, as manifest.scm and channels.scm
would hold it, the lock beside it applied; write nothing. EXPORT: manifest, channels (default: both),
or the name of an export that is a whole file (guixFile(...)); a module whose default export is one
(what guix-ts import writes) prints it by default.
  --lock FILE           the lock (default: guix-ts.lock beside FILE)
${CATALOG_FLAG_USAGE}`;

const EXPORTS = ["manifest", "channels"] as const;

/** `guix-ts print`: 0, 2 when the script or an export is wrong. */
export async function run(argv: readonly string[], io: CommandIO): Promise<number> {
  const parsed = parseCommand("print", argv, { lock: { type: "string" }, ...CATALOG_FLAG }, usage, io);
  if (typeof parsed === "number") return parsed;
  const [file = "build.ts", ...wanted] = parsed.positionals;
  try {
    const exports = await loadExports(file);
    // Whole files: the default export, or the exports named that are files.
    const files = wanted.length > 0 ? wanted.filter((name) => isGuixFile(exports[name])) : ["default"];
    if (
      files.every((name) => isGuixFile(exports[name])) &&
      (wanted.length > 0 ? files.length === wanted.length : true)
    ) {
      io.stdout(files.map((name) => orThrow(guixFileE(exports[name] as never)).text).join("\n"));
      return 0;
    }
    for (const name of wanted)
      if (!(EXPORTS as readonly string[]).includes(name))
        throw new UsageError(
          `${name} is not an export print knows${didYouMean(name, [...EXPORTS, ...Object.keys(exports)])}; give manifest or channels, or an export that is a file`,
        );
    const build = orThrow(buildFileE(exports, file));
    const lock = await readLock(parsed.values.lock ?? lockBeside(file));
    const knowledge = await knowledgeFrom(parsed.values.catalog, build.channels, lock);
    const names = wanted.length > 0 ? wanted : EXPORTS.filter((name) => build[name] !== undefined);
    const texts = names.map((name) => {
      if (name === "manifest") {
        if (build.manifest === undefined) throw new UsageError(`${file} exports no manifest`);
        return orThrow(manifestFileE({ manifest: build.manifest, lock, knowledge, definitions: build.definitions }))
          .text;
      }
      if (build.channels === undefined) throw new UsageError(`${file} exports no channels`);
      return orThrow(channelsFileE({ channels: build.channels, lock })).text;
    });
    io.stdout(texts.map((text, i) => (names.length > 1 ? `;;; ${names[i]}\n${text}` : text)).join("\n"));
    return 0;
  } catch (error) {
    return report(error, "print", usage, io);
  }
}
