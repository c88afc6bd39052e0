/** Validation of channels files: every problem of every channel, names given twice, the lock's commits. */
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import type { CheckedChannel } from "./checked.js";
import type { LockFile } from "./lock.js";
import {
  CHANNEL_NAME,
  COMMIT,
  TAG,
  duplicates,
  eachOf,
  isObject,
  isText,
  kindOf,
  matches,
  validateUrl,
} from "./validate-fields.js";
import { all, andKeep, check, optional, problem, show, type Validation } from "./validation.js";
import type { Channel } from "./values.js";

function validateChannel(c: Channel, path: string, lock: LockFile | undefined): Validation<CheckedChannel> {
  if (kindOf(c) !== "channel") return problem(path, c, "expected a channel: channel(...) or guixChannel(...)");
  const pinned = c.commit === undefined && isText(c.name) ? lock?.channels[c.name]?.commit : undefined;
  const channel = pinned === undefined ? c : { ...c, commit: pinned };
  const intro: Record<string, unknown> = isObject(c.introduction) ? c.introduction : {};
  const fingerprint = intro.signer;
  return andKeep(
    channel,
    check(
      matches(CHANNEL_NAME, c.name),
      `${path}.name`,
      c.name,
      "expected a channel name: lower-case letters, digits and -",
    ),
    validateUrl(c.url, `${path}.url`),
    optional(c.branch, (b) => check(matches(TAG, b), `${path}.branch`, b, "expected a branch name")),
    optional(channel.commit, (commit) =>
      check(matches(COMMIT, commit), `${path}.commit`, commit, "expected a full commit id: 40 hex digits"),
    ),
    optional(c.introduction, (given) =>
      isObject(given)
        ? all({
            commit: check(
              matches(COMMIT, intro.commit),
              `${path}.introduction.commit`,
              intro.commit,
              "expected a full commit id: 40 hex digits",
            ),
            signer: check(
              isText(fingerprint) && /^[0-9A-Fa-f]{40}$/.test(fingerprint.replace(/ /g, "")),
              `${path}.introduction.signer`,
              fingerprint,
              "expected an OpenPGP fingerprint: 40 hex digits, spaces allowed",
            ),
          })
        : problem(`${path}.introduction`, given, "expected { commit, signer }"),
    ),
  );
}

/**
 * Every problem of a list of channels (and names given twice), or the channels with the lock's
 * commits for those given a branch.
 *
 * @example validateChannels([guixChannel({ commit })]) // Right([...])
 */
export function validateChannels(
  channels: readonly Channel[],
  options: { readonly lock?: LockFile | undefined; readonly path?: string } = {},
): Validation<readonly CheckedChannel[]> {
  const path = options.path ?? "channels";
  const names = Array.isArray(channels)
    ? Array.from(channels).map((c, i): [string, string] => [show(isObject(c) ? c.name : c), `${path}[${i}]`])
    : [];
  return pipe(
    all({
      checked: eachOf(channels, path, (c: Channel, p) => validateChannel(c, p, options.lock)),
      unique: andKeep(
        channels,
        ...duplicates(
          names,
          (name, first) => `channel ${name} is already at ${first}`,
          (where) => `${where}.name`,
        ),
      ),
    }),
    E.map(({ checked }) => checked),
  );
}
