/** `--catalog FILE`: what the targeted Guix provides, for validation to check names against. */
import type { GuixKnowledge } from "@guix-ts/core";

export const CATALOG_FLAG = { catalog: { type: "string" } } as const;

export const CATALOG_FLAG_USAGE = `  --catalog FILE        check package names, versions, outputs, modules and build-system keywords
                        against a catalogue (guix-ts catalog build)
`;

/** The knowledge in the catalogue file given, if any (loaded only then). */
export async function knowledgeFrom(path: string | undefined): Promise<GuixKnowledge | undefined> {
  if (path === undefined) return undefined;
  const { knowledgeOf, readCatalog } = await import("@guix-ts/catalog");
  return knowledgeOf(await readCatalog(path));
}
