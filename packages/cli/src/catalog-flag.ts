/**
 * `--catalog FILE`: what the targeted Guix provides, for validation to check names against; without
 * it, the catalogue cached for the channels the build script pins, when there is one.
 */
import type { PinnedChannel } from "@guix-ts/catalog";
import { orThrow, validateChannels, type Channel, type GuixKnowledge, type LockFile } from "@guix-ts/core";
import { ScriptError } from "./load-module.js";

export const CATALOG_FLAG = { catalog: { type: "string" } } as const;

export const CATALOG_FLAG_USAGE = `  --catalog FILE        check package names, versions, outputs, modules and build-system keywords
                        against a catalogue (default: the one cached for the pinned channels, if any;
                        guix-ts catalog build makes it)
`;

/**
 * The channels at the commits they are pinned to (the lock's for those given a branch). Throws a
 * UsageError for a channel with no commit, or no guix channel among them.
 */
export function pinnedChannels(
  channels: readonly Channel[],
  lock: LockFile | undefined,
  where: string,
): PinnedChannel[] {
  const checked = orThrow(validateChannels(channels, { lock, path: `${where}: channels` }));
  const pinned = checked.map((c) => {
    if (c.commit === undefined)
      throw new ScriptError(
        `${where}: channel ${c.name} follows ${c.branch ?? "a branch"} and the lock has no commit for it: run guix-ts lock`,
      );
    return { name: c.name, url: c.url, commit: c.commit };
  });
  if (!pinned.some((c) => c.name === "guix")) throw new ScriptError(`${where}: no guix channel among its channels`);
  return pinned;
}

/**
 * The knowledge in the catalogue file given; else in the catalogue cached for `channels` (at the
 * lock's commits), when they are all pinned and it was built; else none (names are checked for
 * their form only). Loaded only when needed.
 */
export async function knowledgeFrom(
  path: string | undefined,
  channels?: readonly Channel[],
  lock?: LockFile,
): Promise<GuixKnowledge | undefined> {
  if (path === undefined && (channels === undefined || channels.length === 0)) return undefined;
  const { cachedCatalog, knowledgeOf, readCatalog } = await import("@guix-ts/catalog");
  if (path !== undefined) return knowledgeOf(await readCatalog(path));
  let pinned: PinnedChannel[];
  try {
    pinned = pinnedChannels(channels!, lock, "");
  } catch {
    return undefined; // not all pinned: no catalogue can be of them
  }
  const cached = await cachedCatalog(pinned);
  return cached && knowledgeOf(cached);
}
