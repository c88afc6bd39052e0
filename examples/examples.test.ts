// Every example's files: as expected (expected/*.scm, checked by hand against Guix's conventions),
// fixed points of the formatter, and read by the real Guile as the data built.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { orThrow, type SchemeFile, type Validation } from "@guix-ts/core";
import { formatScheme } from "@guix-ts/scheme-printer";
import { encodeTopLevel, guileReadAll } from "@guix-ts/testing";
import * as cProgram from "./c-program/files.js";
import * as nodeService from "./node-service/files.js";

type Files = { manifestFile: () => Validation<SchemeFile>; channelsFile: () => Validation<SchemeFile> };
const EXAMPLES: [string, Files][] = [
  ["node-service", nodeService],
  ["c-program", cProgram],
];

describe.each(EXAMPLES)("example %s", (name, files) => {
  const made = { "manifest.scm": orThrow(files.manifestFile()), "channels.scm": orThrow(files.channelsFile()) };

  it.each(Object.keys(made) as (keyof typeof made)[])("%s is as expected, and a fixed point of guix style", (file) => {
    const text = made[file].text;
    expect(text).toBe(readFileSync(join(import.meta.dirname, name, "expected", file), "utf8"));
    expect(formatScheme(text)).toBe(text);
  });

  it("reads in Guile as the data built", async () => {
    const files = Object.values(made);
    expect(await guileReadAll(files.map((f) => f.text))).toEqual(files.map((f) => encodeTopLevel(f.nodes)));
  });
});
