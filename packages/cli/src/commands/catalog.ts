import { resolve } from "node:path";
import {
  listLine,
  readCatalog,
  readTree,
  searchPackages,
  showRecord,
  visiblePackages,
  writeCatalog,
} from "@guix-ts/catalog";
import { didYouMean } from "@guix-ts/core";
import { run as runProcess } from "@guix-ts/process";
import { parseCommand } from "../args.js";
import { UsageError, report } from "../errors.js";
import type { CommandIO } from "../io.js";

export const usage = `usage: guix-ts catalog build --from DIR [--output FILE]
       guix-ts catalog list [--catalog FILE]
       guix-ts catalog show NAME... [--catalog FILE]
       guix-ts catalog search REGEXP... [--catalog FILE]

What one Guix provides: every package (name, version, outputs, location, module, variable), every
module's public names, every build system and the keywords it accepts.
  build     read a checkout of the channel (DIR, e.g. a clone of Guix at the pinned commit) statically
  list      one line per package, tab-separated as \`guix package -A\` prints them, then module and variable
  show      the packages of that name, as \`guix show\` does
  search    the packages whose name or synopsis match every REGEXP, as \`guix search\` does
  --catalog FILE, --output FILE   the catalogue file (default: guix-catalog.json here)
`;

const DEFAULT = "guix-catalog.json";

/** The commit a checkout is at, when it is a git checkout. */
async function commitOf(dir: string): Promise<string | undefined> {
  return runProcess("git", ["-C", dir, "rev-parse", "HEAD"]).then(
    (out) => out.trim() || undefined,
    () => undefined,
  );
}

/** `guix-ts catalog`: 0, 1 when nothing matches or the catalogue cannot be read or written, 2 on usage errors. */
export async function run(argv: readonly string[], io: CommandIO): Promise<number> {
  const parsed = parseCommand(
    "catalog",
    argv,
    { from: { type: "string" }, output: { type: "string", short: "o" }, catalog: { type: "string" } },
    usage,
    io,
  );
  if (typeof parsed === "number") return parsed;
  const { values, positionals } = parsed;
  const [sub, ...rest] = positionals;
  try {
    switch (sub) {
      case "build": {
        if (values.from === undefined)
          throw new UsageError("catalog build needs --from DIR, a checkout of the channel");
        const from = resolve(values.from);
        const started = Date.now();
        const catalog = readTree(from, { channels: { guix: await commitOf(from) } });
        const output = values.output ?? DEFAULT;
        await writeCatalog(output, catalog);
        for (const problem of catalog.problems) io.stderr(`guix-ts catalog: skipped ${problem}\n`);
        io.stdout(
          `${output}: ${visiblePackages(catalog).length} packages, ${Object.keys(catalog.modules).length} modules, ` +
            `${Object.keys(catalog.buildSystems).length} build systems (${Date.now() - started} ms)\n`,
        );
        return 0;
      }
      case "list":
      case "show":
      case "search": {
        const catalog = await readCatalog(values.catalog ?? DEFAULT);
        if (sub === "list") {
          io.stdout(
            visiblePackages(catalog)
              .map((p) => `${listLine(p)}\n`)
              .join(""),
          );
          return 0;
        }
        if (rest.length === 0) throw new UsageError(`catalog ${sub} needs ${sub === "show" ? "a NAME" : "a REGEXP"}`);
        if (sub === "search") {
          const patterns = rest.map((r) => {
            try {
              return new RegExp(r, "i");
            } catch {
              throw new UsageError(`not a regular expression: ${r}`);
            }
          });
          const found = searchPackages(catalog, patterns);
          io.stdout(found.map((p) => showRecord(p)).join("\n"));
          return found.length > 0 ? 0 : 1;
        }
        const all = catalog.packages.filter((p) => p.name !== undefined);
        let code = 0;
        const records: string[] = [];
        for (const name of rest) {
          const [base, version] = name.split("@") as [string, string | undefined];
          const found = all.filter((p) => p.name === base && (version === undefined || p.version?.startsWith(version)));
          if (found.length === 0) {
            io.stderr(
              `guix-ts catalog: ${name}: package not found${didYouMean(base, new Set(all.map((p) => p.name!)))}\n`,
            );
            code = 1;
          }
          records.push(...found.map(showRecord));
        }
        io.stdout(records.join("\n"));
        return code;
      }
      default:
        throw new UsageError(
          sub === undefined ? "give a subcommand: build, list, show or search" : `unknown subcommand ${sub}`,
        );
    }
  } catch (error) {
    return report(error, "catalog", usage, io);
  }
}
