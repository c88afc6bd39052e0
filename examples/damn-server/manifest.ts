/**
 * `pnpm demo`: write the damn-server example's manifest.scm and channels.scm to
 * examples/damn-server/out/, then build its Docker image with the pinned Guix when a Guix is
 * here (guix on PATH, or a rootless one set up by `guix-ts setup`), and set in it what
 * `guix pack` cannot. Without Guix, print the commands and what to install.
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { GuixValidationError, packOptionsFor, writeFile } from "@guix-ts/core";
import {
  GuixNotFound,
  editDockerArchive,
  openGuix,
  packArgv,
  timeMachineArgv,
  type PackOptions,
} from "@guix-ts/runner";
import { channelsFile, image, manifestFile } from "./files.js";

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
console.log(`Wrote ${join(out, "manifest.scm")}\nWrote ${join(out, "channels.scm")}`);

const pack: PackOptions = { format: "docker", manifests: ["manifest.scm"], ...packOptionsFor(image) };
const command = ["guix", ...timeMachineArgv({ channels: "channels.scm" }, packArgv(pack))];
const edit = [
  "guix-ts",
  "image",
  "edit",
  "PACK.tar.gz",
  "damn-server.tar.gz",
  `--tag=${image.name}:${image.tag}`,
  `--workdir=${image.workingDir}`,
  ...image.exposedPorts.map((p) => `--expose=${p}`),
  ...(image.cmd ?? []).map((a) => `--cmd=${a}`),
];
const quote = (arg: string): string => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`);

let guix;
try {
  guix = await openGuix({ onLog: (line) => process.stderr.write(`  ${line}\n`) });
} catch (error) {
  if (!(error instanceof GuixNotFound)) throw error;
  console.log(`\nNo Guix here, so the image is not built. ${error.message.split("\n")[0]}`);
  console.log(
    "Set one up with `pnpm exec guix-ts setup --tarball guix-binary-VERSION.x86_64-linux.tar.xz` (or install Guix), then run `pnpm demo` again.",
  );
  console.log(
    `\nThe commands, to run by hand in ${out}:\n  ${command.map(quote).join(" ")}\n  ${edit.map(quote).join(" ")}`,
  );
  process.exit(0);
}
try {
  console.log(
    `\nBuilding the image with ${guix.backend === "host" ? "the host's Guix" : `the Guix in ${guix.home?.root} (${guix.backend})`}...`,
  );
  const result = await guix.timeMachinePack({ channels: "channels.scm" }, pack, { cwd: out });
  const final = join(out, "damn-server.tar.gz");
  const edited = await editDockerArchive(result.hostPath, final, image);
  console.log(`Built ${result.storePath}\nWrote ${final} (${edited.repoTag}); load it with: docker load < ${final}`);
} finally {
  await guix.close();
}
