import { deepFreeze } from "./deep-freeze.js";
import { type Channel, type ChannelIntroduction } from "./values.js";

/** What `channel()` takes. */
export interface ChannelOptions {
  /** The channel's name: `guix`, `nonguix`, ... */
  readonly name: string;
  readonly url: string;
  readonly branch?: string;
  /** Pin the channel to this commit (40 hex digits). */
  readonly commit?: string;
  /** The channel's signed introduction, so that `guix pull` and `time-machine` authenticate it. */
  readonly introduction?: ChannelIntroduction;
}

/**
 * `(channel (name 'NAME) (url "...") (branch "...") (commit "...") (introduction ...))`
 *
 * @example channel({ name: "nonguix", url: "https://gitlab.com/nonguix/nonguix", branch: "master" })
 * // (channel (name 'nonguix) (url "https://gitlab.com/nonguix/nonguix") (branch "master"))
 */
export function channel(options: ChannelOptions): Channel {
  return deepFreeze({ kind: "channel", ...options });
}

/**
 * The introduction of the `guix` channel itself.
 *
 * @example channel({ name: "guix", url, introduction: GUIX_CHANNEL_INTRODUCTION })
 */
export const GUIX_CHANNEL_INTRODUCTION: ChannelIntroduction = deepFreeze({
  commit: "9edb3f66fd807b096b48283debdcddccfea34bad",
  signer: "BBB0 2DDF 2CEA F6A8 0D1D E643 A2A0 6DF2 A33A 54FA",
});

/**
 * The `guix` channel (Savannah, `master`), pinned to `commit` when given, with its introduction.
 *
 * @example guixChannel({ commit: "287aec56a53fbd66492711c375d0b39ccb6c1590" })
 */
export function guixChannel(options: { commit?: string; branch?: string; url?: string } = {}): Channel {
  return channel({
    name: "guix",
    url: options.url ?? "https://git.savannah.gnu.org/git/guix.git",
    branch: options.branch ?? "master",
    ...(options.commit === undefined ? {} : { commit: options.commit }),
    introduction: GUIX_CHANNEL_INTRODUCTION,
  });
}
