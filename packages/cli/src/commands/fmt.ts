import { readFile } from "node:fs/promises";
import type { FileWriteError } from "@guix-ts/core";
import { SchemeSyntaxError, formatUtf8 } from "@guix-ts/scheme-printer";
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
      if (values.check) {
        // A block of forms at a time, against the file's bytes: nothing held but the block at hand.
        if (sameBytes(bytes, formatUtf8(text, options))) continue;
        io.stdout(`${file}\n`);
        status = Math.max(status, 1);
      } else if (values.write) {
        // Formatted once, kept to compare and then to write (no bigger than the text, held anyway).
        const blocks = [...formatUtf8(text, options)];
        if (sameBytes(bytes, blocks)) continue;
        // Loaded for --write alone: printing and checking need nothing of core.
        const { withAtomicFile } = await import("@guix-ts/core");
        await withAtomicFile(file, async (handle) => {
          for (const block of blocks) await handle.write(block);
        });
        io.stdout(`${file}\n`);
      } else {
        // Blocks of 64 KiB or more, as bytes; the forms before a syntax error are written first.
        for (const block of formatUtf8(text, options)) io.stdout(block);
      }
    } catch (error) {
      if (!(error instanceof SchemeSyntaxError) && (error as Error).name !== "FileWriteError") throw error;
      io.stderr(`${(error as SchemeSyntaxError | FileWriteError).message}\n`);
      status = 2;
    }
  }
  return status;
}

/** Whether the blocks, one after the other, are `bytes`. */
function sameBytes(bytes: Uint8Array, blocks: Iterable<Uint8Array>): boolean {
  let at = 0;
  for (const block of blocks) {
    if (Buffer.compare(block, bytes.subarray(at, at + block.length)) !== 0) return false;
    at += block.length;
  }
  return at === bytes.length;
}
