import { existsSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import type { BuildFile, ImageSpecOptions } from "@guix-ts/core";
import { readLock } from "@guix-ts/pinning";
import { buildImages, shellQuote, type BuildImagesResult, type PackCommands } from "@guix-ts/runner";
import { parseCommand } from "../args.js";
import { CATALOG_FLAG, CATALOG_FLAG_USAGE, knowledgeFrom } from "../catalog-flag.js";
import { UsageError, report } from "../errors.js";
import {
  BUILD_FLAGS,
  BUILD_FLAGS_USAGE,
  GUIX_FLAGS,
  GUIX_FLAGS_USAGE,
  PACK_FLAGS,
  buildOptions,
  guixOptions,
  load,
  packOptions,
} from "../guix-flags.js";
import { IMAGE_FLAGS, IMAGE_FLAGS_USAGE, PACK_IMAGE_FLAGS, imageFromFlags } from "../image-flags.js";
import type { CommandIO } from "../io.js";
import { loadBuildFile, lockBeside } from "../load-module.js";

export const usage = `usage: guix-ts build [FILE] [OPTION]...

Build the Docker images a build script declares (FILE, default ./build.ts): check the lock, write
manifest.scm and channels.scm, run \`guix time-machine -C channels.scm -- pack -f docker ...\`, set
what guix pack cannot (working directory, env, ports...), write NAME-TAG.tar.gz. Without a Guix it
writes the files and prints the commands to run by hand (exit 0).
  -o, --output DIR      where the files and images go (default: out/ beside FILE)
  --image NAME          build only this image of the script's \`images\` (repeatable)
  --lock FILE           the lock (default: guix-ts.lock beside FILE)
  --frozen              fail unless the lock pins every source and channel (for CI)
  --load                docker load (or podman load) each image built
${CATALOG_FLAG_USAGE}  -R, -RR, -C, --max-layers, --save-provenance, --localstatedir    as guix pack takes them
${IMAGE_FLAGS_USAGE}
${BUILD_FLAGS_USAGE}
${GUIX_FLAGS_USAGE}`;

export const FLAGS = {
  output: { type: "string", short: "o" },
  image: { type: "string", multiple: true },
  lock: { type: "string" },
  frozen: { type: "boolean" },
  load: { type: "boolean" },
  ...CATALOG_FLAG,
  ...PACK_FLAGS,
  ...PACK_IMAGE_FLAGS,
  ...IMAGE_FLAGS,
  ...BUILD_FLAGS,
  ...GUIX_FLAGS,
} as const;

/** What `buildScript()` takes: the script, where to write, which images, what the flags add. */
export interface BuildScriptOptions {
  readonly file: string;
  readonly output?: string | undefined;
  readonly only?: readonly string[] | undefined;
  readonly lock?: string | undefined;
  readonly frozen?: boolean | undefined;
  /** From flags: set over the image built (only one may be built then). */
  readonly image?: ImageSpecOptions | undefined;
  /** A catalogue file to check names against. */
  readonly catalog?: string | undefined;
}

/**
 * Run the build pipeline on a script and say what came of it: each image's archive and name, or
 * without a Guix the files written and the commands to run by hand from the output folder.
 */
export async function buildScript(
  o: BuildScriptOptions,
  values: Parameters<typeof buildOptions>[0],
  io: CommandIO,
): Promise<BuildImagesResult> {
  const build = await loadBuildFile(o.file);
  const outputDir = resolve(o.output ?? join(dirname(resolve(o.file)), "out"));
  const lockPath = resolve(o.lock ?? lockBeside(o.file));
  if (o.lock !== undefined && !existsSync(lockPath)) throw new UsageError(`no lock at ${o.lock}`);
  const { maxLayers, compression, extras } = packOptions(values);
  const lock = await readLock(lockPath);
  return buildImages({
    build: withFlags(build, o),
    outputDir,
    lock,
    ...(o.frozen ? { frozen: true } : {}),
    ...(o.only ? { only: o.only } : {}),
    knowledge: await knowledgeFrom(o.catalog, build.channels, lock),
    guix: guixOptions(values, io),
    packOptions: { ...buildOptions(values), ...extras },
    ...(io.signal ? { signal: io.signal } : {}),
  });

  /** The image flags (and -C, --max-layers) set over the one image built. */
  function withFlags(build: BuildFile, o: BuildScriptOptions): BuildFile {
    const flags = {
      ...o.image,
      ...(maxLayers !== undefined ? { maxLayers } : {}),
      ...(compression !== undefined ? { compression } : {}),
    };
    if (Object.keys(flags).length === 0) return build;
    const names = o.only ?? Object.keys(build.images);
    if (names.length !== 1)
      throw new UsageError(
        `image options apply to one image; ${o.file} has ${names.join(", ")}: choose one with --image NAME`,
      );
    const name = names[0]!;
    return { ...build, images: { ...build.images, [name]: { ...build.images[name]!, ...flags, kind: "image-spec" } } };
  }
}

/**
 * The shell lines that make one pack by hand: `PACK=$(guix ... pack ...)`, then for a docker image
 * `guix-ts image edit "$PACK" OUTPUT FLAGS...`.
 */
export function handSteps({ pack, edit }: PackCommands, docker = true): string[] {
  const packing = `PACK=$(${pack.map(shellQuote).join(" ")})`;
  if (!docker) return [packing];
  return [
    packing,
    edit("$PACK")
      .map((arg) => (arg === "$PACK" ? '"$PACK"' : shellQuote(arg)))
      .join(" "),
  ];
}

/** What a build came to, in lines: stdout gets what was made, stderr how to go on without a Guix. */
export function reportBuild(result: BuildImagesResult, io: CommandIO, command: string): void {
  const out = dirname(result.files.manifest);
  if (result.kind === "built") {
    for (const image of result.images) io.stdout(`${image.storePath}\n${image.path}: ${image.repoTag}\n`);
    return;
  }
  const here = relative(process.cwd(), out) || ".";
  const steps = result.commands.flatMap((commands) => handSteps(commands));
  io.stderr(
    `guix-ts ${command}: ${result.reason.message}\n` +
      `Wrote ${[result.files.manifest, result.files.channels]
        .filter(Boolean)
        .map((f) => relative(process.cwd(), f!))
        .join(" and ")}.\n` +
      `To build by hand with Guix, from that folder:\n  cd ${shellQuote(here)}\n${steps.map((s) => `  ${s}\n`).join("")}`,
  );
}

/** `guix-ts build`: 0 (also without a Guix, after writing the files), 1 when the build failed, 2 on usage errors. */
export async function run(argv: readonly string[], io: CommandIO): Promise<number> {
  const parsed = parseCommand("build", argv, FLAGS, usage, io);
  if (typeof parsed === "number") return parsed;
  const { values, positionals } = parsed;
  try {
    if (positionals.length > 1) throw new UsageError(`give one build script, not ${positionals.length}`);
    const result = await buildScript(
      {
        file: positionals[0] ?? "build.ts",
        output: values.output,
        only: values.image,
        lock: values.lock,
        frozen: values.frozen,
        image: imageFromFlags(values),
        catalog: values.catalog,
      },
      values,
      io,
    );
    reportBuild(result, io, "build");
    if (values.load && result.kind === "built") for (const image of result.images) await load(image.path);
    return 0;
  } catch (error) {
    return report(error, "build", usage, io);
  }
}
