import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { buildFileE, orThrow, type BuildFile } from "@guix-ts/core";
import { UsageError } from "./errors.js";

/** Import a user's script, TypeScript (through tsx) or JavaScript. */
async function loadModule(path: string): Promise<Record<string, unknown>> {
  const url = pathToFileURL(resolve(path)).href;
  if (/\.[mc]?js$/.test(path)) return (await import(url)) as Record<string, unknown>;
  const { tsImport } = await import("tsx/esm/api");
  return (await tsImport(url, import.meta.url)) as Record<string, unknown>;
}

/** A build script that does not load: it does not exist, does not compile, or throws while it runs. */
export class ScriptError extends Error {
  override readonly name = "ScriptError";
}

/** The lock a build script uses unless told otherwise: guix-ts.lock beside it. */
export const lockBeside = (script: string): string => join(dirname(resolve(script)), "guix-ts.lock");

/**
 * A build script's exports, checked: a `GuixValidationError` names each export that is not what it
 * should be; a UsageError says there is no such file.
 */
export async function loadBuildFile(path: string): Promise<BuildFile> {
  return orThrow(buildFileE(await loadExports(path), path));
}

/**
 * A module's exports, unchecked: a UsageError says there is no such file, a ScriptError (one line,
 * file:line:column where the compiler says it) that it does not load.
 */
export async function loadExports(path: string): Promise<Record<string, unknown>> {
  if (!existsSync(path)) throw new UsageError(`no build script at ${path}`);
  try {
    return await loadModule(path);
  } catch (error) {
    const lines = (error instanceof Error ? error.message : String(error)).split("\n").filter((l) => l.trim() !== "");
    // A compiler's message names file:line:column on a line of its own; that line says it all.
    const located = lines.find((line) => /:\d+:\d+/.test(line));
    throw new ScriptError(located ?? `${path}: ${lines[0] ?? "cannot be loaded"}`);
  }
}
