/**
 * `pnpm demo`: write the damn-server example's manifest.scm and channels.scm
 * to examples/damn-server/out/ and show the `guix pack` command that builds
 * the Docker image from them.
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { GuixValidationError, writeFile } from "@guix-ts/core";
import { PACK_ARGV, channelsFile, manifestFile } from "./files.js";

const out = join(import.meta.dirname, "out");
await mkdir(out, { recursive: true });
try {
  await writeFile(join(out, "manifest.scm"), manifestFile());
  await writeFile(join(out, "channels.scm"), channelsFile());
} catch (error) {
  if (!(error instanceof GuixValidationError)) throw error;
  console.error(error.message);
  process.exit(1);
}

const quote = (arg: string): string => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`);
console.log(`Wrote ${join(out, "manifest.scm")}`);
console.log(`Wrote ${join(out, "channels.scm")}`);
console.log(`\nBuild the image (in ${out}) with:\n  ${PACK_ARGV.map(quote).join(" ")}`);
console.log(
  "\nRunning that command for you needs Guix and guix-ts's runner (not written yet): install Guix, then run it by hand.",
);
