/**
 * The channels a `channels.scm` pins, read as data (never run): every `(channel ...)` form with its
 * name, URL and commit. A catalogue is of commits, so a channel that follows a branch is an error.
 */
import { readDatums, type ListNode, type Node } from "@guix-ts/scheme-printer";
import type { PinnedChannel } from "./cache.js";
import { CatalogError } from "./read-tree.js";

/** The field `(key value)` of a `(channel ...)` form: a string, or a quoted symbol for `name`. */
function field(form: ListNode, key: string): string | undefined {
  for (const item of form.items) {
    if (item.kind !== "list" || item.items[0]?.kind !== "symbol" || item.items[0].name !== key) continue;
    const value = item.items[1];
    if (value?.kind === "string") return value.value;
    if (value?.kind === "prefixed" && value.datum.kind === "symbol") return value.datum.name;
    if (value?.kind === "list" && value.items[0]?.kind === "symbol" && value.items[0].name === "quote") {
      const quoted = value.items[1];
      if (quoted?.kind === "symbol") return quoted.name;
    }
  }
  return undefined;
}

/**
 * The channels of a channels file, each at its commit. Throws CatalogError naming file:line:column
 * for a file that does not read, a channel without a name, URL or commit, or no channel at all.
 *
 * @example pinnedChannelsOf('(list (channel (name \'guix) (url "https://git.guix.gnu.org/guix.git") (commit "4fd3…")))', "channels.scm")
 */
export function pinnedChannelsOf(text: string, file: string): PinnedChannel[] {
  let forms: Node[];
  try {
    forms = readDatums(text, { file });
  } catch (error) {
    throw new CatalogError((error as Error).message.split("\n")[0]!);
  }
  const channels: PinnedChannel[] = [];
  let followsDefault = false;
  const visit = (node: Node): void => {
    if (node.kind === "symbol" && node.name === "%default-channels") followsDefault = true;
    if (node.kind !== "list") return;
    if (node.items[0]?.kind === "symbol" && node.items[0].name === "channel") {
      const at = `${file}:${node.loc?.line ?? 0}:${node.loc?.column ?? 0}`;
      const name = field(node, "name");
      const url = field(node, "url");
      const commit = field(node, "commit");
      if (name === undefined || url === undefined) throw new CatalogError(`${at}: a channel needs a name and a url`);
      if (commit === undefined)
        throw new CatalogError(
          `${at}: channel ${name} follows a branch, not a commit: pin it (guix-ts lock, or guix describe -f channels)`,
        );
      channels.push({ name, url, commit });
      return;
    }
    node.items.forEach(visit);
  };
  forms.forEach(visit);
  if (followsDefault && !channels.some((c) => c.name === "guix"))
    throw new CatalogError(
      `${file}: the guix channel comes from %default-channels, which follow a branch: pin it (guix describe -f channels)`,
    );
  if (channels.length === 0) throw new CatalogError(`${file}: no channel in it`);
  return channels;
}
