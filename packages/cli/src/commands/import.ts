import { readFile } from "node:fs/promises";
import { writeFileAtomic } from "@guix-ts/core";
import { parseCommand } from "../args.js";
import { UsageError, report } from "../errors.js";
import type { CommandIO } from "../io.js";

export const usage = `usage: guix-ts import FILE.scm [-o OUT.ts]

Turn a Guix file (a manifest, a channels file, a package module) into a guix-ts module whose default
export is the whole file: package definitions as builder code wherever the builders write them back
exactly, the rest kept as Scheme, comments and all. \`guix-ts print OUT.ts\` prints the file again.
  -o, --output OUT.ts   write the module there (default: standard output)
A summary goes to standard error: forms, packages, how many typed, and why the others are not.
`;

/** `guix-ts import`: 0, 1 when the output cannot be written, 2 on usage errors and files that do not read. */
export async function run(argv: readonly string[], io: CommandIO): Promise<number> {
  const parsed = parseCommand("import", argv, { output: { type: "string", short: "o" } }, usage, io);
  if (typeof parsed === "number") return parsed;
  const { values, positionals } = parsed;
  try {
    if (positionals.length !== 1) throw new UsageError("give one FILE.scm");
    const file = positionals[0]!;
    const text = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(`cannot read ${file} (${error.code})`);
    });
    const { importGuixFile } = await import("@guix-ts/import");
    const { code, summary } = await importGuixFile(text, file);
    if (values.output !== undefined) await writeFileAtomic(values.output, code);
    else io.stdout(code);
    const top = (counts: readonly (readonly [string, number])[]): string =>
      counts
        .slice(0, 5)
        .map(([what, n]) => `${what} (${n})`)
        .join(", ");
    io.stderr(
      `guix-ts import: ${file}: ${summary.forms} forms, ${summary.packages} packages, ${summary.typed} typed` +
        ` (${summary.fullyTyped} fully, ${summary.withBuildCode} with build-side code as templates)` +
        (summary.untyped.length > 0 ? `; kept as Scheme: ${top(summary.untyped)}` : "") +
        (summary.rawParts.length > 0 ? `; parts kept as Scheme: ${top(summary.rawParts)}` : "") +
        "\n",
    );
    return 0;
  } catch (error) {
    return report(error, "import", usage, io);
  }
}
