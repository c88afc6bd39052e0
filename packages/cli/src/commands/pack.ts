import { copyFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { orThrow, validateImage } from "@guix-ts/core";
import { GuixNotFound, archiveName, openGuix, packCommands, packImage } from "@guix-ts/runner";
import { parseCommand } from "../args.js";
import { CATALOG_FLAG, CATALOG_FLAG_USAGE } from "../catalog-flag.js";
import { UsageError, report } from "../errors.js";
import {
  BUILD_FLAGS,
  BUILD_FLAGS_USAGE,
  GUIX_FLAGS,
  GUIX_FLAGS_USAGE,
  PACK_FLAGS,
  PACK_INPUT_FLAGS,
  buildOptions,
  guixOptions,
  load,
  packOptions,
} from "../guix-flags.js";
import { IMAGE_FLAGS, IMAGE_FLAGS_USAGE, PACK_IMAGE_FLAGS, imageFromFlags } from "../image-flags.js";
import type { CommandIO } from "../io.js";
import { buildScript, handSteps, reportBuild } from "./build.js";

export const usage = `usage: guix-ts pack [OPTION]... [MANIFEST.scm | BUILD-SCRIPT | PACKAGE...]

Make a pack with Guix, as \`guix pack\` does and with its options (a Docker image by default), then
set in the image what guix pack cannot. What to pack: -m MANIFEST (or a .scm operand), package
specifications, -e EXPR, or a .ts/.js build script (its manifest, channels, image and lock).
  -f, --format F        docker (default), tarball, squashfs, deb, rpm or appimage
  -m, --manifest FILE   a manifest (repeatable)    -e, --expression EXPR
  --channels FILE       run the Guix these channels pin (guix time-machine -C FILE -- pack)
  -C, --compression C   gzip, zstd, bzip2, xz, lzip or none    --max-layers N
  -R, --relocatable     relocatable binaries (-RR: fully relocatable)
  --save-provenance  --localstatedir  --profile-name NAME  -r, --root FILE  -d, --derivation
  -o, --output FILE     where to write the image (default: NAME-TAG.tar.gz here)
  --load                docker load (or podman load) the result
${CATALOG_FLAG_USAGE}${IMAGE_FLAGS_USAGE}
${BUILD_FLAGS_USAGE}
${GUIX_FLAGS_USAGE}`;

const FLAGS = {
  ...PACK_INPUT_FLAGS,
  ...PACK_FLAGS,
  channels: { type: "string" },
  output: { type: "string", short: "o" },
  load: { type: "boolean" },
  ...CATALOG_FLAG,
  ...PACK_IMAGE_FLAGS,
  ...IMAGE_FLAGS,
  ...BUILD_FLAGS,
  ...GUIX_FLAGS,
} as const;

const isScript = (path: string): boolean => /\.[mc]?[jt]s$/.test(path);

/** `guix-ts pack`: 0, 1 when Guix failed, 2 on usage errors, 3 when no Guix is here (with what to do). */
export async function run(argv: readonly string[], io: CommandIO): Promise<number> {
  const parsed = parseCommand("pack", argv, FLAGS, usage, io);
  if (typeof parsed === "number") return parsed;
  const { values, positionals } = parsed;
  try {
    const flags = imageFromFlags(values);
    const scripts = positionals.filter(isScript);
    if (scripts.length > 0) {
      if (positionals.length > 1 || values.manifest || values.expression !== undefined || values.channels)
        throw new UsageError("a build script is packed alone: it holds the manifest and channels");
      if ((values.format ?? "docker") !== "docker")
        throw new UsageError(`a build script makes docker images; -f ${values.format} takes a .scm manifest`);
      const result = await buildScript(
        {
          file: scripts[0]!,
          output: values.output && dirname(resolve(values.output)),
          image: flags,
          catalog: values.catalog,
        },
        values,
        io,
      );
      if (result.kind === "no-guix") {
        reportBuild(result, io, "pack");
        return 3;
      }
      const built = result.images[0]!;
      const archive = values.output ? resolve(values.output) : built.path;
      if (archive !== built.path) await copyFile(built.path, archive);
      io.stdout(`${built.storePath}\n${archive}: ${built.repoTag}\n`);
      if (values.load) await load(archive);
      return 0;
    }
    const {
      format,
      maxLayers,
      compression,
      extras: { manifests = [], ...extras },
    } = packOptions(values);
    const docker = format === "docker";
    // The image's edits are checked before Guix runs, not after a long build.
    const image = orThrow(
      validateImage({
        ...flags,
        ...(maxLayers !== undefined ? { maxLayers } : {}),
        ...(docker && compression !== undefined ? { compression } : {}),
      }),
    );
    // The first manifest is where Guix runs (its folder), so that it is named as given.
    const [manifest, ...more] = [...positionals.filter((p) => p.endsWith(".scm")).map((p) => resolve(p)), ...manifests];
    const packages = positionals.filter((p) => !p.endsWith(".scm"));
    const output =
      values.output !== undefined ? resolve(values.output) : docker ? resolve(archiveName(image)) : undefined;
    const job = {
      manifest,
      channels: values.channels ? resolve(values.channels) : undefined,
      image,
      output,
      packOptions: {
        ...buildOptions(values),
        ...extras,
        ...(!docker && compression !== undefined ? { compression } : {}),
        ...(more.length > 0 ? { manifests: more } : {}),
        ...(packages.length > 0 ? { packages } : {}),
      },
      format,
      ...(io.signal ? { signal: io.signal } : {}),
    };
    const commands = packCommands(job); // checks the options as Guix would, before anything runs
    let session;
    try {
      session = await openGuix(guixOptions(values, io));
    } catch (error) {
      if (!(error instanceof GuixNotFound)) throw error;
      const steps = handSteps(commands, docker).map((step) => `  ${step}\n`);
      io.stderr(`guix-ts pack: ${error.message}\nThe commands it would run:\n${steps.join("")}`);
      return 3;
    }
    try {
      const built = await packImage(session, job);
      io.stdout(`${built.storePath}\n${built.path}${built.repoTag ? `: ${built.repoTag}` : ""}\n`);
      if (values.load) await load(built.path);
    } finally {
      await session.close();
    }
    return 0;
  } catch (error) {
    return report(error, "pack", usage, io);
  }
}
