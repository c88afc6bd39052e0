/**
 * What a build script exports (`build.ts`): a manifest, optionally channels, and one image
 * (`image`) or several (`images: { api, worker }`). Checked here before anything trusts its shape.
 */
import { isScheme, type Channel, type Definition, type Manifest } from "./values.js";
import type { ImageSpec } from "./image.js";
import { check, problem, type Validation } from "./validation.js";
import * as E from "fp-ts/lib/Either.js";

/** What a build script exports, its shape checked: the manifest, the channels, and its images by name. */
export interface BuildFile {
  readonly manifest: Manifest | undefined;
  readonly channels: readonly Channel[] | undefined;
  /** By name: `image` is `{ default: image }`. */
  readonly images: Readonly<Record<string, ImageSpec>>;
  /** Top-level `(define NAME VALUE)`s of the manifest file (`export const definitions = [define(...)]`). */
  readonly definitions?: readonly Definition[] | undefined;
}

const MANIFEST_KINDS = new Set([
  "specifications-manifest",
  "packages-manifest",
  "concatenated-manifest",
  "development-manifest",
]);
const kindOf = (value: unknown): unknown =>
  typeof value === "object" && value !== null ? (value as { kind?: unknown }).kind : undefined;

/**
 * The exports of a build script as a {@link BuildFile}, or every problem with what it exports.
 * Each value is checked in depth later, by the validation of what it is.
 *
 * @example buildFileE(await import("./build.ts"), "build.ts") // Right({ manifest, channels, images: { default: image } })
 */
export function buildFileE(exports: Readonly<Record<string, unknown>>, file: string): Validation<BuildFile> {
  const { manifest, channels, image, images, definitions } = exports;
  const at = (name: string): string => `${file}: export ${name}`;
  const problems = [
    check(
      manifest !== undefined || channels !== undefined,
      `${file}`,
      Object.keys(exports),
      "exports neither `manifest` nor `channels` (export const manifest = ...)",
    ),
    check(
      manifest === undefined || isScheme(manifest) || MANIFEST_KINDS.has(kindOf(manifest) as string),
      at("manifest"),
      manifest,
      "expected a manifest: specificationsToManifest(...), packagesToManifest(...), concatenateManifests(...)",
    ),
    check(
      channels === undefined || (Array.isArray(channels) && channels.every((c) => kindOf(c) === "channel")),
      at("channels"),
      channels,
      "expected a list of channels: [guixChannel({ commit }), channel({ ... })]",
    ),
    check(
      image === undefined || images === undefined,
      at("images"),
      images,
      "export either `image` or `images`, not both",
    ),
    check(image === undefined || kindOf(image) === "image-spec", at("image"), image, "expected imageSpec({ ... })"),
    check(
      definitions === undefined || (Array.isArray(definitions) && definitions.every((d) => kindOf(d) === "definition")),
      at("definitions"),
      definitions,
      "expected a list of definitions: [define(name, value), ...]",
    ),
    images === undefined ||
    (typeof images === "object" &&
      images !== null &&
      !Array.isArray(images) &&
      Object.values(images).every((i) => kindOf(i) === "image-spec"))
      ? check(true, at("images"), images, "")
      : problem(at("images"), images, "expected { NAME: imageSpec({ ... }), ... }"),
  ];
  const failed = problems.filter(E.isLeft).flatMap((p) => p.left);
  if (failed.length > 0) return E.left(failed as [(typeof failed)[number], ...typeof failed]);
  return E.right({
    manifest: manifest as Manifest | undefined,
    channels: channels as readonly Channel[] | undefined,
    images: image !== undefined ? { default: image as ImageSpec } : ((images ?? {}) as Record<string, ImageSpec>),
    ...(definitions !== undefined ? { definitions: definitions as readonly Definition[] } : {}),
  });
}
