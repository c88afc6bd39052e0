/**
 * Editing the Docker archive `guix pack -f docker` writes (the `docker save`
 * layout: manifest.json, the config JSON, one folder a layer): set what
 * `guix pack` cannot — working directory, environment, ports, labels, user,
 * volumes, command, tag — and write a new archive. Layers are streamed
 * through unchanged; everything else is written with fixed headers, keys in
 * order and fixed compression settings, so the same input and edits give the
 * same bytes. The output appears atomically or not at all.
 */
import { createHash } from "node:crypto";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import tar from "tar-stream";
import { withAtomicFile, withSortedKeys, type CheckedImage } from "@guix-ts/core";
import { detectCompression, openCompressed, openDecompressed, type Compression } from "./compression.js";

/**
 * An archive that is not a Docker image archive, or is damaged: the path and why.
 *
 * @example await editDockerArchive("x.tar", "y.tar", image).catch((e: DockerArchiveError) => e.reason)
 */
export class DockerArchiveError extends Error {
  override readonly name = "DockerArchiveError";
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

/** How `editDockerArchive()` writes: the output's compression. */
export interface EditOptions {
  /** The output's compression; the input's by default. */
  readonly compression?: Compression;
}

/** What `editDockerArchive()` wrote: the new config's name, the name and tag, the layers. */
export interface EditResult {
  /** `<sha256>.json`, the new config's name in the archive. */
  readonly config: string;
  readonly repoTag: string;
  readonly layers: readonly string[];
  readonly compression: Compression;
}

interface ManifestEntry {
  Config: string;
  RepoTags?: string[] | null;
  Layers: string[];
  [key: string]: unknown;
}

// Guix dates its images 1970-01-01T00:00:01Z; so are the entries written here.
const MTIME = new Date(1000);
const MAX_JSON = 16 * 1024 * 1024;

const normalize = (name: string): string => name.replace(/^(?:\.\/|\/)+/, "");

/** JSON with object keys sorted, for bytes that depend only on the data. */
const canonicalJson = (value: unknown): string => JSON.stringify(withSortedKeys(value));

// Docker's keys inside `config`; Guix writes some in lower case (`env`, `entrypoint`).
const CANONICAL_KEYS = ["Env", "Entrypoint", "Cmd", "WorkingDir", "ExposedPorts", "Labels", "User", "Volumes"];

/** The image config with the edits applied. */
function editConfig(config: Record<string, unknown>, edits: CheckedImage): Record<string, unknown> {
  const inner: Record<string, unknown> = {};
  for (const [key, value] of Object.entries((config.config ?? config.Config ?? {}) as Record<string, unknown>)) {
    inner[CANONICAL_KEYS.find((k) => k.toLowerCase() === key.toLowerCase()) ?? key] = value;
  }
  const given = Array.isArray(inner.Env) ? inner.Env.filter((e): e is string => typeof e === "string") : [];
  const env = new Map(given.map((e): [string, string] => [e.split("=", 1)[0]!, e]));
  for (const [k, v] of Object.entries(edits.env)) env.set(k, `${k}=${v}`);
  if (env.size > 0) inner.Env = [...env.values()];
  if (edits.cmd !== undefined) inner.Cmd = [...edits.cmd];
  if (edits.workingDir !== undefined) inner.WorkingDir = edits.workingDir;
  if (edits.user !== undefined) inner.User = edits.user;
  const set = (key: string, names: readonly string[]): void => {
    if (names.length > 0)
      inner[key] = { ...((inner[key] as object | undefined) ?? {}), ...Object.fromEntries(names.map((n) => [n, {}])) };
  };
  set("ExposedPorts", edits.exposedPorts);
  set("Volumes", edits.volumes);
  if (Object.keys(edits.labels).length > 0)
    inner.Labels = { ...((inner.Labels as object | undefined) ?? {}), ...edits.labels };
  // Docker writes the inner config as `config`; drop any capitalised twin so only the edited one remains.
  const rest = Object.fromEntries(Object.entries(config).filter(([key]) => key !== "Config"));
  return { ...rest, config: inner };
}

async function readAll(stream: Readable, path: string, name: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > MAX_JSON)
      throw new DockerArchiveError(path, `${name} is larger than ${MAX_JSON} bytes: not an image archive`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function parseJson<T>(bytes: Buffer | undefined, path: string, name: string): T {
  if (bytes === undefined) throw new DockerArchiveError(path, `no ${name} in the archive: not a Docker image archive`);
  try {
    return JSON.parse(bytes.toString("utf8")) as T;
  } catch (error) {
    throw new DockerArchiveError(path, `${name} is not valid JSON (${(error as Error).message})`);
  }
}

/**
 * Apply a checked image's edits to the Docker archive `input`, writing `output`.
 *
 * @example
 * const image = orThrow(validateImage({ name: "damn-server", tag: "1.0", workingDir: "/damn_server", exposedPorts: [80] }));
 * await editDockerArchive("pack.tar.gz", "image.tar.gz", image);
 */
export async function editDockerArchive(
  input: string,
  output: string,
  edits: CheckedImage,
  editOptions: EditOptions = {},
): Promise<EditResult> {
  let kind: Compression | undefined;
  try {
    kind = await detectCompression(input);
  } catch (error) {
    throw new DockerArchiveError(
      input,
      `cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
  if (kind === undefined) throw new DockerArchiveError(input, "not a tar archive (nor gzip, zstd or xz)");
  const outKind = editOptions.compression ?? kind;

  return withAtomicFile(output, async (handle) => {
    const source = openDecompressed(input, kind);
    const sink = openCompressed(handle.fd, outKind);
    const pack = tar.pack();
    const packed = pipeline(pack, sink.stream);
    packed.catch(() => undefined);
    sink.done.catch(() => undefined);
    try {
      const json = new Map<string, Buffer>();
      const written = new Set<string>();
      const extract = tar.extract();
      const extracted = (async () => {
        for await (const entry of extract) {
          const name = normalize(entry.header.name);
          // Nothing outside the archive's own folder: an entry climbing out (`../x`) is refused.
          if (name.split("/").includes("..") || entry.header.name.startsWith("/"))
            throw new DockerArchiveError(
              input,
              `unsafe entry name ${JSON.stringify(entry.header.name)}: it points outside the archive`,
            );
          if (entry.header.type === "symlink" || entry.header.type === "link") {
            const target = entry.header.linkname ?? "";
            if (entry.header.type === "link" && (target.startsWith("/") || normalize(target).split("/").includes("..")))
              throw new DockerArchiveError(
                input,
                `unsafe hard link ${JSON.stringify(name)} -> ${JSON.stringify(target)}`,
              );
          }
          if (entry.header.type === "directory" || name === "") {
            entry.resume();
            continue;
          }
          if (!name.includes("/") && (name.endsWith(".json") || name === "repositories")) {
            json.set(name, await readAll(entry as unknown as Readable, input, name));
            continue;
          }
          const header = { name, mtime: MTIME, uid: 0, gid: 0, uname: "", gname: "", mode: 0o644 };
          if (entry.header.type === "symlink" || entry.header.type === "link") {
            pack.entry({ ...header, type: entry.header.type, linkname: entry.header.linkname ?? "" });
            entry.resume();
          } else if (entry.header.type === "file" || entry.header.type === "contiguous-file") {
            await pipeline(entry as unknown as Readable, pack.entry({ ...header, size: entry.header.size ?? 0 }));
          } else {
            throw new DockerArchiveError(input, `unexpected ${entry.header.type} entry ${name}`);
          }
          written.add(name);
        }
      })();
      const corrupt = (error: Error): never => {
        throw error instanceof DockerArchiveError
          ? error
          : new DockerArchiveError(input, `corrupt archive: ${error.message}`);
      };
      await Promise.all([
        pipeline(source.stream, extract).catch(corrupt),
        extracted.catch(corrupt),
        source.done.catch(corrupt),
      ]);

      const manifests = parseJson<ManifestEntry[]>(json.get("manifest.json"), input, "manifest.json");
      if (!Array.isArray(manifests) || manifests.length !== 1) {
        throw new DockerArchiveError(
          input,
          `manifest.json lists ${Array.isArray(manifests) ? manifests.length : "no"} images; one is expected`,
        );
      }
      const image = manifests[0] as ManifestEntry;
      const strings = (value: unknown): value is string[] =>
        Array.isArray(value) && value.every((v) => typeof v === "string");
      if (typeof image !== "object" || image === null || Array.isArray(image))
        throw new DockerArchiveError(input, "manifest.json: its entry is not an object");
      if (typeof image.Config !== "string")
        throw new DockerArchiveError(input, "manifest.json: Config is not the name of a file");
      if (!strings(image.Layers) || image.Layers.length === 0)
        throw new DockerArchiveError(input, "manifest.json: Layers is not a list of file names");
      if (image.RepoTags !== undefined && image.RepoTags !== null && !strings(image.RepoTags))
        throw new DockerArchiveError(input, "manifest.json: RepoTags is not a list of names");
      const missing = image.Layers.map(normalize).filter((layer) => !written.has(layer));
      if (missing.length > 0)
        throw new DockerArchiveError(input, `layer ${missing.join(", ")} listed in manifest.json is missing`);
      const configName = normalize(image.Config);
      const config = parseJson<Record<string, unknown>>(json.get(configName), input, configName);
      if (typeof config !== "object" || config === null || Array.isArray(config))
        throw new DockerArchiveError(input, `${configName}: the image config is not a JSON object`);
      const inner = config.config ?? config.Config;
      if (inner !== undefined && (typeof inner !== "object" || inner === null || Array.isArray(inner)))
        throw new DockerArchiveError(input, `${configName}: its config is not a JSON object`);

      const configBytes = Buffer.from(canonicalJson(editConfig(config, edits)));
      const newConfigName = `${createHash("sha256").update(configBytes).digest("hex")}.json`;
      const oldRepo = image.RepoTags?.[0]?.replace(/:[^:/]*$/, "");
      const name = edits.name ?? oldRepo ?? "guix";
      const repoTag = `${name}:${edits.tag}`;
      const newManifest = [{ ...image, Config: newConfigName, RepoTags: [repoTag] }];
      const add = (entryName: string, bytes: Buffer): void => {
        pack.entry({ name: entryName, mtime: MTIME, uid: 0, gid: 0, uname: "", gname: "", mode: 0o644 }, bytes);
      };
      for (const [other, bytes] of [...json].sort(([a], [b]) => (a < b ? -1 : 1))) {
        if (other !== configName && other !== "manifest.json" && other !== "repositories") add(other, bytes);
      }
      add(newConfigName, configBytes);
      add("manifest.json", Buffer.from(canonicalJson(newManifest)));
      const top = image.Layers.at(-1);
      if (json.has("repositories") && top !== undefined && top.includes("/")) {
        add("repositories", Buffer.from(canonicalJson({ [name]: { [edits.tag]: normalize(top).split("/")[0] } })));
      }
      pack.finalize();
      await packed;
      await sink.done;
      return { config: newConfigName, repoTag, layers: image.Layers, compression: outKind };
    } catch (error) {
      source.stop();
      sink.stop();
      pack.destroy();
      throw error;
    }
  });
}
