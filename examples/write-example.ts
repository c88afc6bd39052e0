/** Write an example's manifest.scm and channels.scm to its out/ folder: `tsx examples/write-example.ts NAME`. */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { GuixValidationError, writeFile, type SchemeFile, type Validation } from "@guix-ts/core";

export async function writeExample(
  dir: string,
  files: { manifestFile: () => Validation<SchemeFile>; channelsFile: () => Validation<SchemeFile> },
): Promise<void> {
  const out = join(dir, "out");
  await mkdir(out, { recursive: true });
  try {
    await writeFile(join(out, "manifest.scm"), files.manifestFile());
    await writeFile(join(out, "channels.scm"), files.channelsFile());
  } catch (error) {
    if (!(error instanceof GuixValidationError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  console.log(`Wrote ${join(out, "manifest.scm")}\nWrote ${join(out, "channels.scm")}`);
}

if (process.argv[1] === import.meta.filename) {
  const name = process.argv[2];
  if (name === undefined) throw new Error("usage: write-example.ts NAME");
  await writeExample(join(import.meta.dirname, name), await import(`./${name}/files.ts`));
}
