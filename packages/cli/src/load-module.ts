import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { buildFileE, orThrow, type BuildFile } from "@guix-ts/core";

/** Import a user's script, TypeScript (through tsx) or JavaScript. */
async function loadModule(path: string): Promise<Record<string, unknown>> {
  const url = pathToFileURL(resolve(path)).href;
  if (/\.[mc]?js$/.test(path)) return (await import(url)) as Record<string, unknown>;
  const { tsImport } = await import("tsx/esm/api");
  return (await tsImport(url, import.meta.url)) as Record<string, unknown>;
}

/** A build script's exports, checked: a `GuixValidationError` names each export that is not what it should be. */
export async function loadBuildFile(path: string): Promise<BuildFile> {
  return orThrow(buildFileE(await loadModule(path), path));
}
