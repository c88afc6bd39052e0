import { NarHashError, fileSha256Sync, narSha256Sync, toHex, toNixBase32, toSri } from "@guix-ts/pinning/hashing";
import { parseCommand } from "../args.js";
import type { CommandIO } from "../io.js";

export const usage = `usage: guix-ts hash [-r] [-x] [-f FORMAT] PATH...

Print the sha256 of each PATH as \`guix hash\` does.
  -r, --recursive     hash the NAR serialisation of a file or folder (guix hash -r)
  -x, --exclude-vcs   leave out .git, .hg, .svn and CVS (implies -r)
  -f, --format FMT    nix-base32 (default), base16 (hex), base64 or sri
`;

const FORMATS: Record<string, (bytes: Uint8Array) => string> = {
  "nix-base32": toNixBase32,
  base16: toHex,
  hex: toHex,
  hexadecimal: toHex,
  base64: (b) => Buffer.from(b).toString("base64"),
  sri: (b) => toSri(b),
};

/** `guix-ts hash`: exit 0, or 1 when a path cannot be hashed, 2 on usage errors. */
export async function run(argv: readonly string[], io: CommandIO): Promise<number> {
  const parsed = parseCommand(
    "hash",
    argv,
    {
      recursive: { type: "boolean", short: "r" },
      "exclude-vcs": { type: "boolean", short: "x" },
      format: { type: "string", short: "f", default: "nix-base32" },
    },
    usage,
    io,
  );
  if (typeof parsed === "number") return parsed;
  const { values, positionals } = parsed;
  const encode = FORMATS[values.format];
  if (encode === undefined || positionals.length === 0) {
    io.stderr(`guix-ts hash: ${encode === undefined ? `unknown format ${values.format}` : "no file given"}\n${usage}`);
    return 2;
  }
  let status = 0;
  for (const path of positionals) {
    try {
      const excludeVcs = values["exclude-vcs"] ?? false;
      const bytes = values.recursive || excludeVcs ? narSha256Sync(path, { excludeVcs }) : fileSha256Sync(path);
      io.stdout(`${encode(bytes)}\n`);
    } catch (error) {
      const message =
        error instanceof NarHashError
          ? error.message
          : `${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
      io.stderr(`guix-ts hash: ${message}\n`);
      status = 1;
    }
  }
  return status;
}
