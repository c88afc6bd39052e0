/**
 * The build pipeline, one library call for the CLI and the demo alike: check the lock, validate
 * everything at once, write manifest.scm and channels.scm, pack each image with the pinned Guix
 * (`guix time-machine -C channels.scm -- pack -f docker ...`), then set in each archive what
 * `guix pack` cannot. Without a Guix it stops after the files and gives the commands to run by hand.
 */
import { mkdir } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import {
  FileWriteError,
  GuixValidationError,
  channelsFileE,
  manifestFileE,
  validateImage,
  writeFileAtomic,
  type BuildFile,
  type CheckedImage,
  type GuixKnowledge,
  type LockFile,
  type Problem,
} from "@guix-ts/core";
import { updateLock } from "@guix-ts/pinning";
import { copyFile } from "node:fs/promises";
import { packArgv, timeMachineArgv, type PackFormat, type PackOptions } from "../commands/argv.js";
import { imageEditArgv } from "../commands/image-edit-argv.js";
import { editDockerArchive } from "../image/docker-archive.js";
import { GuixNotFound } from "../session/errors.js";
import { openGuix, type GuixSession, type OpenGuixOptions } from "../session/session.js";

/** What `writeBuildFiles()` wrote: where the manifest and channels are, and the checked images. */
export interface BuildFiles {
  readonly manifest: string;
  readonly channels: string | undefined;
  readonly images: readonly { readonly name: string; readonly image: CheckedImage }[];
}

/** What `writeBuildFiles()` takes. */
export interface WriteBuildFilesOptions {
  /** What the build script exports, checked by `buildFileE`. */
  readonly build: BuildFile;
  /** Where manifest.scm and channels.scm are written (made if missing). */
  readonly outputDir: string;
  /** The pins of git sources and channels (`readLock`). */
  readonly lock?: LockFile | undefined;
  /** Fail (LockError) unless the lock holds every pin and no branch it follows has moved. */
  readonly frozen?: boolean;
  /** Which of the images (by name); all by default. */
  readonly only?: readonly string[];
  /** What the targeted Guix provides (a catalogue's `knowledgeOf`): package names and the rest checked against it. */
  readonly knowledge?: GuixKnowledge | undefined;
}

/**
 * Check the lock (when frozen), validate the manifest, channels and images together (every problem
 * of all of them in one `GuixValidationError`), then write manifest.scm and channels.scm.
 *
 * @example const files = await writeBuildFiles({ build, outputDir: "out", lock });
 */
export async function writeBuildFiles(options: WriteBuildFilesOptions): Promise<BuildFiles> {
  const { build, lock } = options;
  const outputDir = resolve(options.outputDir);
  if (options.frozen)
    await updateLock({
      ...(build.manifest ? { manifest: build.manifest } : {}),
      ...(build.channels ? { channels: build.channels } : {}),
      ...(lock ? { lock } : {}),
      frozen: true,
    });
  const problems: Problem[] = [];
  const take = <T>(v: E.Either<readonly Problem[], T>): T | undefined => {
    if (E.isRight(v)) return v.right;
    problems.push(...v.left);
    return undefined;
  };
  if (build.manifest === undefined)
    problems.push({ path: "manifest", value: undefined, message: "missing: a build script exports its manifest" });
  const manifest =
    build.manifest &&
    take(
      manifestFileE({
        manifest: build.manifest,
        lock,
        knowledge: options.knowledge,
        definitions: build.definitions,
      }),
    );
  const channels = build.channels && take(channelsFileE({ channels: build.channels, lock }));
  const images = (options.only ?? Object.keys(build.images)).flatMap((name) => {
    const spec = build.images[name];
    if (spec === undefined) {
      const known = Object.keys(build.images).join(", ") || "none";
      problems.push({ path: `images.${name}`, value: name, message: `no such image; the build script has ${known}` });
      return [];
    }
    const image = take(
      validateImage(spec, { path: name === "default" ? "image" : `images.${name}`, requireName: true }),
    );
    return image === undefined ? [] : [{ name, image }];
  });
  if (problems.length > 0) throw new GuixValidationError(problems);
  await mkdir(outputDir, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    throw new FileWriteError(outputDir, `the output folder cannot be made (${error.code})`);
  });
  const manifestPath = join(outputDir, "manifest.scm");
  await writeFileAtomic(manifestPath, manifest!.text);
  const channelsPath = channels ? join(outputDir, "channels.scm") : undefined;
  if (channelsPath) await writeFileAtomic(channelsPath, channels!.text);
  return { manifest: manifestPath, channels: channelsPath, images };
}

/** `guix pack`'s options besides the format and the image: what else to pack, how to build it. */
export type PackExtras = Omit<PackOptions, "format" | "image">;

/** What `packImage()` takes: the files, the image, where to write it. */
export interface PackImageOptions {
  /** The manifest file; more manifests, packages or an expression may come in `packOptions`. */
  readonly manifest?: string | undefined;
  /** A channels file: the pack is made by the Guix it pins (`guix time-machine -C`). */
  readonly channels?: string | undefined;
  readonly image: CheckedImage;
  /** Where the edited archive is written (default `NAME-TAG.tar.gz` here); a pack of another format stays in the store unless given. */
  readonly output?: string | undefined;
  /** More `guix pack` options: transformations, substitutes, system, relocation... */
  readonly packOptions?: PackExtras | undefined;
  /** `docker` (the default) is edited; another format's pack is copied to `output` as Guix made it. */
  readonly format?: PackFormat | undefined;
  readonly signal?: AbortSignal | undefined;
}

/** An image built: the archive written, its name and tag, the pack in the store. */
export interface BuiltImage {
  /** The archive written. */
  readonly path: string;
  readonly repoTag: string;
  /** The pack Guix made, in its store. */
  readonly storePath: string;
}

/** The argv of `guix pack` for an image, through time-machine when channels are pinned; paths relative to `from` if given. */
function guixPackArgv(o: PackImageOptions, from?: string): string[] {
  const relative = (path: string): string =>
    from !== undefined && dirname(resolve(path)) === resolve(from) ? basename(path) : resolve(path);
  const manifests = [...(o.manifest ? [o.manifest] : []), ...(o.packOptions?.manifests ?? [])].map(relative);
  const pack: PackOptions = {
    ...o.packOptions,
    format: o.format ?? "docker",
    ...(manifests.length > 0 ? { manifests } : {}),
    image: o.image,
  };
  return o.channels ? timeMachineArgv({ channels: relative(o.channels) }, packArgv(pack)) : packArgv(pack);
}

/**
 * Pack one image with Guix and set in the archive what `guix pack` cannot.
 *
 * @example await packImage(guix, { manifest: "out/manifest.scm", channels: "out/channels.scm", image, output: "out/app-1.tar.gz" })
 */
export async function packImage(guix: GuixSession, o: PackImageOptions): Promise<BuiltImage> {
  const cwd = o.manifest ? dirname(resolve(o.manifest)) : process.cwd();
  const pack = await guix.run(guixPackArgv(o, cwd), { cwd, ...(o.signal ? { signal: o.signal } : {}) });
  const { storePath, hostPath } = guix.storeResult(pack);
  if ((o.format ?? "docker") !== "docker") {
    if (o.output !== undefined) await copyFile(hostPath, o.output);
    return { path: o.output !== undefined ? resolve(o.output) : hostPath, repoTag: "", storePath };
  }
  const output = resolve(o.output ?? archiveName(o.image));
  const edited = await editDockerArchive(hostPath, output, o.image);
  return { path: output, repoTag: edited.repoTag, storePath };
}

/** The commands that build one image by hand. */
export interface PackCommands {
  /** `guix [time-machine -C channels.scm --] pack ...`: prints the pack's store path. */
  readonly pack: string[];
  /** `guix-ts image edit PACK OUTPUT FLAGS...`, PACK being what `pack` printed. */
  readonly edit: (pack: string) => string[];
}

/**
 * The commands that do what {@link packImage} does, by hand: `guix ... pack ...` prints the pack's
 * store path, `guix-ts image edit PACK OUTPUT FLAGS...` edits it; paths relative to `from`, if given.
 *
 * @example packCommands({ manifest, channels, image, output }, "out") // { pack: ["guix", "time-machine", "--channels=channels.scm", ...], edit }
 */
export function packCommands(o: PackImageOptions, from?: string): PackCommands {
  const path = o.output ?? archiveName(o.image);
  const output = from !== undefined && dirname(resolve(path)) === resolve(from) ? basename(path) : resolve(path);
  return {
    pack: ["guix", ...guixPackArgv(o, from)],
    edit: (pack) => ["guix-ts", "image", "edit", pack, output, ...imageEditArgv(o.image)],
  };
}

/** What `buildImages()` takes: the build script's values, the output folder, how to reach Guix. */
export interface BuildImagesOptions extends WriteBuildFilesOptions {
  /** How to reach Guix; a session given is used (and not closed). */
  readonly guix?: OpenGuixOptions | GuixSession;
  /** More `guix pack` options: transformations, substitutes, system, relocation... */
  readonly packOptions?: Omit<PackExtras, "manifests" | "packages" | "expression">;
  readonly signal?: AbortSignal;
}

/** The images built, or, without a Guix, the files written and the commands to run by hand. */
export type BuildImagesResult =
  | {
      readonly kind: "built";
      readonly files: BuildFiles;
      readonly images: readonly (BuiltImage & { readonly name: string })[];
    }
  | {
      readonly kind: "no-guix";
      readonly files: BuildFiles;
      /** What is missing and how to get it. */
      readonly reason: GuixNotFound;
      /** Per image, the commands to run by hand in the output folder. */
      readonly commands: readonly ({ readonly name: string } & PackCommands)[];
    };

/**
 * The archive name of an image: `NAME-TAG.tar.gz`, the name's slashes made `_`.
 *
 * @example archiveName(image) // "damn-server-latest.tar.gz"
 */
export const archiveName = (image: CheckedImage): string =>
  `${(image.name ?? "image").replace(/\//g, "_")}-${image.tag}.tar.gz`;

/**
 * Build every image a build script declares, or, without a Guix here, write the files and say how.
 * Throws `LockError` (frozen and stale), `GuixValidationError` (every problem of the manifest,
 * channels and images), `ProcessError` (Guix failed), `DockerArchiveError`.
 *
 * @example
 * const result = await buildImages({ build: orThrow(buildFileE(await import("./build.ts"), "build.ts")), outputDir: "out" });
 * if (result.kind === "built") for (const i of result.images) console.log(i.path, i.repoTag);
 */
export async function buildImages(options: BuildImagesOptions): Promise<BuildImagesResult> {
  const files = await writeBuildFiles(options);
  const outputDir = dirname(files.manifest);
  const jobs = files.images.map(({ name, image }) => ({
    name,
    pack: {
      manifest: files.manifest,
      channels: files.channels,
      image,
      output: join(outputDir, archiveName(image)),
      packOptions: options.packOptions,
      signal: options.signal,
    } satisfies PackImageOptions,
  }));
  let guix: GuixSession;
  const given = options.guix !== undefined && "run" in options.guix;
  try {
    guix = given ? (options.guix as GuixSession) : await openGuix(options.guix as OpenGuixOptions | undefined);
  } catch (error) {
    if (!(error instanceof GuixNotFound)) throw error;
    const commands = jobs.map(({ name, pack }) => ({ name, ...packCommands(pack, outputDir) }));
    return { kind: "no-guix", files, reason: error, commands };
  }
  try {
    const images = [];
    for (const { name, pack } of jobs) images.push({ name, ...(await packImage(guix, pack)) });
    return { kind: "built", files, images };
  } finally {
    if (!given) await guix.close();
  }
}
