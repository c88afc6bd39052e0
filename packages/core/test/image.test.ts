import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import * as G from "@guix-ts/core";

const problems = (spec: G.ImageSpecOptions, options?: G.ValidateImageOptions): string[] => {
  const result = G.validateImage(spec, options);
  return E.isLeft(result) ? result.left.map((p) => `${p.path}: ${p.message}`) : [];
};

describe("one image type, checked once", () => {
  it("imageSpec only builds: a frozen value, checked later", () => {
    const spec = G.imageSpec({ name: "Bad Name", exposedPorts: ["http"] });
    expect(Object.isFrozen(spec)).toBe(true);
    expect(spec).toMatchObject({ kind: "image-spec", name: "Bad Name" });
  });

  it("fills in the defaults and normalises ports", () => {
    const checked = G.orThrow(G.validateImage(G.imageSpec({ name: "app", exposedPorts: [80, "53/udp"] })));
    expect(checked).toMatchObject({ kind: "checked-image", tag: "latest", exposedPorts: ["80/tcp", "53/udp"] });
    expect(checked).toMatchObject({ entryPointArgs: [], env: {}, labels: {}, volumes: [], symlinks: [] });
  });

  it("refuses what guix pack would refuse, each with its path", () => {
    expect(
      problems({
        entryPoint: "/bin/sh",
        symlinks: [
          { target: "bin/sh", source: "bin/bash" },
          { target: "/bin/sh", source: "/bin/bash" },
        ],
        maxLayers: 0,
        compression: "rar" as G.PackCompression,
      }),
    ).toEqual([
      "image.entryPoint: expected a program relative to the profile, such as bin/uvicorn",
      "image.symlinks[0].target: expected an absolute path in the image",
      "image.symlinks[1].source: expected a path relative to the profile",
      "image.maxLayers: expected a positive whole number",
      "image.compression: expected one of gzip, lzip, xz, zstd, bzip2, none",
    ]);
  });

  it("needs a name only for a new image", () => {
    expect(problems({ tag: "1" })).toEqual([]);
    expect(problems({ tag: "1" }, { requireName: true, path: "images.api" })).toEqual([
      "images.api.name: missing: an image needs a repository name",
    ]);
  });
});
