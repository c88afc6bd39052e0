import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

/** Import a user's build script, TypeScript or JavaScript. */
export async function loadModule(path: string): Promise<Record<string, unknown>> {
  const url = pathToFileURL(resolve(path)).href;
  if (/\.[mc]?js$/.test(path)) return (await import(url)) as Record<string, unknown>;
  const { tsImport } = await import("tsx/esm/api");
  return (await tsImport(url, import.meta.url)) as Record<string, unknown>;
}
