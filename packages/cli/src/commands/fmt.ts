import { readFile } from "node:fs/promises";
import type { FileWriteError } from "@guix-ts/core";
import { SchemeSyntaxError, formatChunks } from "@guix-ts/scheme-printer";
import { parseCommand } from "../args.js";
import type { CommandIO } from "../io.js";

// Fatal on malformed bytes; a byte-order mark is kept for the reader, which skips it as Guile does.
const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

export const usage = `usage: guix-ts fmt [--check | --write] [--width N] FILE...

Lay Scheme files out as \`guix style -f\` does (FILE "-" is standard input).
  (no flag)   print the formatted files to standard output
  --check     list the files that would change; exit 1 if any would
  --write     rewrite the files that change, in place and atomically
  --width N   the column to keep within (default 78)
Syntax errors are reported as FILE:LINE:COLUMN: MESSAGE and leave the file alone (exit 2).
`;

/** `guix-ts fmt`: exit 0 when all is well, 1 when --check finds files to change, 2 on errors. */
export async function run(argv: readonly string[], io: CommandIO): Promise<number> {
  const parsed = parseCommand(
    "fmt",
    argv,
    { check: { type: "boolean" }, write: { type: "boolean" }, width: { type: "string" } },
    usage,
    io,
  );
  if (typeof parsed === "number") return parsed;
  const { values, positionals: files } = parsed;
  const width = values.width === undefined ? 78 : Number(values.width);
  const problems: string[] = [];
  if (values.check && values.write) problems.push("--check and --write do not go together");
  if (!Number.isInteger(width) || width < 20)
    problems.push(`--width takes a whole number of at least 20, got ${values.width}`);
  if (files.length === 0) problems.push("no file given");
  if (values.write && files.includes("-")) problems.push("--write cannot rewrite standard input");
  if (problems.length > 0) {
    io.stderr(problems.map((p) => `guix-ts fmt: ${p}\n`).join("") + usage);
    return 2;
  }

  let status = 0;
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = file === "-" ? await io.readStdin() : await readFile(file);
    } catch (error) {
      io.stderr(`${file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
      status = 2;
      continue;
    }
    let text: string;
    try {
      // Guile reads UTF-8 and refuses what is not; a replacement character would change the file.
      text = UTF8.decode(bytes);
    } catch {
      io.stderr(`${file}: not valid UTF-8; left as it is\n`);
      status = 2;
      continue;
    }
    const options = { file: file === "-" ? "<stdin>" : file, width };
    try {
      if (values.check || values.write) {
        // A form at a time, against the text as it is: nothing held but the form at hand.
        if (sameText(text, formatChunks(text, options))) continue;
        if (values.check) {
          io.stdout(`${file}\n`);
          status = Math.max(status, 1);
          continue;
        }
        // Loaded for --write alone: printing and checking need nothing of core.
        const { withAtomicFile } = await import("@guix-ts/core");
        await withAtomicFile(file, async (handle) => {
          for (const chunk of formatChunks(text, options)) await handle.write(chunk);
        });
        io.stdout(`${file}\n`);
      } else {
        // Written in pieces of 64 KiB or more: a write per form cost a tenth of the whole command.
        let pending = "";
        try {
          for (const chunk of formatChunks(text, options)) {
            pending += chunk;
            if (pending.length >= 65536) {
              io.stdout(pending);
              pending = "";
            }
          }
        } finally {
          // The forms before a syntax error are written, as they were when written one by one.
          if (pending !== "") io.stdout(pending);
        }
      }
    } catch (error) {
      if (!(error instanceof SchemeSyntaxError) && (error as Error).name !== "FileWriteError") throw error;
      io.stderr(`${(error as SchemeSyntaxError | FileWriteError).message}\n`);
      status = 2;
    }
  }
  return status;
}

/** Whether the chunks, one after the other, are `text`. */
function sameText(text: string, chunks: Iterable<string>): boolean {
  let at = 0;
  for (const chunk of chunks) {
    if (!text.startsWith(chunk, at)) return false;
    at += chunk.length;
  }
  return at === text.length;
}
