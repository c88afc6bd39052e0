/**
 * `pnpm demo`: build the damn-server example's image with the one pipeline guix-ts has
 * (`buildImages`): write out/manifest.scm and out/channels.scm, pack with the pinned Guix when a
 * Guix is here (guix on PATH, or a rootless one set up by `guix-ts setup`), and set in the image what
 * `guix pack` cannot. Without Guix, print the commands to run by hand and what to install.
 */
import { join, relative } from "node:path";
import { buildFileE, orThrow } from "@guix-ts/core";
import { buildImages, shellQuote } from "@guix-ts/runner";
import * as build from "./build.js";

const outputDir = join(import.meta.dirname, "out");
const result = await buildImages({
  build: orThrow(buildFileE(build, "examples/damn-server/build.ts")),
  outputDir,
  guix: { onLog: (line) => process.stderr.write(`  ${line}\n`) },
});
for (const file of [result.files.manifest, result.files.channels]) if (file) console.log(`Wrote ${file}`);
if (result.kind === "built") {
  for (const image of result.images)
    console.log(
      `Built ${image.storePath}\nWrote ${image.path} (${image.repoTag}); load it with: docker load < ${image.path}`,
    );
} else {
  console.log(`\nNo Guix here, so the image is not built. ${result.reason.message}`);
  console.log(`\nThe commands, to run by hand in ${relative(process.cwd(), outputDir) || "."}:`);
  for (const { pack, edit } of result.commands) {
    const packing = pack.map(shellQuote).join(" ");
    console.log(
      `  ${edit(`"$(${packing})"`)
        .map((a, i) => (i === 3 ? a : shellQuote(a)))
        .join(" ")}`,
    );
  }
}
