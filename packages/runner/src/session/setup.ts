/**
 * Setting up a rootless Guix from the binary release tarball
 * (`guix-binary-VERSION.x86_64-linux.tar.xz`: ./gnu/store, ./var/guix), as the
 * guix-base image's Dockerfile does by hand: unpack into the Guix home, check
 * the hash, make /etc/guix, keep the current-guix profile link.
 */
import {
  closeSync,
  createWriteStream,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readlinkSync,
  symlinkSync,
} from "node:fs";
import { mkdtemp, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileSha256Sync, toHex, toNixBase32 } from "@guix-ts/pinning";
import { ProcessError, run } from "@guix-ts/process";
import { userNamespacesWork } from "./backend.js";
import { containerCommand } from "./containers.js";
import { CURRENT_GUIX, defaultHomeRoot, guixHome, hostPath, isSetUp } from "./home.js";

/**
 * Guix cannot be set up from that tarball: why.
 *
 * @example await setupGuix({ tarball }).catch((e: SetupError) => console.error(e.message))
 */
export class SetupError extends Error {
  override readonly name = "SetupError";
}

/** What `setupGuix()` takes: the tarball, its hash, where the home goes. */
export interface SetupOptions {
  /** A path or an http(s) URL of the binary tarball. */
  readonly tarball: string;
  /** Its sha256, hex or nix-base32: checked before anything is unpacked. */
  readonly sha256?: string;
  readonly home?: string;
  readonly signal?: AbortSignal;
  /**
   * Authorize the substitute servers' keys that come with Guix (share/guix/*.pub in the
   * current-guix profile), as the installation instructions do with `guix archive --authorize`,
   * so that substitutes are used instead of building everything. True by default.
   */
  readonly authorizeSubstitutes?: boolean;
  /** Where to run `guix archive --authorize`: bubblewrap where user namespaces work, else proot. */
  readonly backend?: "bubblewrap" | "proot";
}

/** The keys in the current Guix's share/guix, authorized with that Guix's `guix archive --authorize`. */
async function authorizeSubstitutes(root: string, backend: "bubblewrap" | "proot"): Promise<string[]> {
  const home = guixHome(root);
  const profile = readlinkSync(join(root, CURRENT_GUIX.slice(1)));
  const keysDir = join(hostPath(home, profile), "share", "guix");
  const keys = existsSync(keysDir) ? readdirSync(keysDir).filter((f) => f.endsWith(".pub")) : [];
  for (const key of keys) {
    const { file, args, env } = containerCommand(backend, home, [`${CURRENT_GUIX}/bin/guix`, "archive", "--authorize"]);
    const keyFd = openSync(join(keysDir, key), "r");
    try {
      await run(file, args, { stdin: keyFd, env });
    } catch (error) {
      throw new SetupError(
        `Guix is set up at ${root}, but authorizing ${key} failed: ${error instanceof ProcessError ? error.stderrTail || error.message : (error as Error).message}\nRun it by hand: guix archive --authorize < ${join(keysDir, key)}`,
      );
    } finally {
      closeSync(keyFd);
    }
  }
  return keys;
}

/**
 * Unpack a Guix binary tarball into a Guix home; returns the home's path. Nothing is left behind on failure.
 *
 * @example await setupGuix({ tarball: "guix-binary-1.4.0.x86_64-linux.tar.xz", sha256: "..." }) // "~/.local/share/guix-ts/guix"
 */
export async function setupGuix(options: SetupOptions): Promise<string> {
  const home = options.home ?? defaultHomeRoot();
  if (options.sha256 !== undefined && !/^(?:[0-9a-fA-F]{64}|[0-9a-df-np-sv-z]{52})$/.test(options.sha256))
    throw new SetupError(
      `--sha256 ${JSON.stringify(options.sha256)} is not a sha256: give 64 hex digits or 52 nix-base32 characters`,
    );
  if (isSetUp(guixHome(home)))
    throw new SetupError(`a Guix is already set up at ${home}; remove that folder to set it up again`);
  if (existsSync(home) && readdirSync(home).length > 0)
    throw new SetupError(`${home} exists and is not empty; give another --home`);
  mkdirSync(dirname(home), { recursive: true });
  const work = await mkdtemp(join(dirname(home), `.${basename(home)}.setup-`));
  try {
    let tarball = options.tarball;
    if (/^https?:\/\//.test(tarball)) {
      const response = await fetch(tarball, options.signal ? { signal: options.signal } : {});
      if (!response.ok || response.body === null)
        throw new SetupError(`cannot download ${tarball}: HTTP ${response.status}`);
      tarball = join(work, "guix-binary.tar.xz");
      await pipeline(
        Readable.fromWeb(response.body as import("node:stream/web").ReadableStream),
        createWriteStream(tarball),
      );
    } else if (!existsSync(tarball)) {
      throw new SetupError(`no tarball at ${tarball}`);
    }
    if (options.sha256 !== undefined) {
      const digest = fileSha256Sync(tarball);
      const want = options.sha256.toLowerCase();
      if (want !== toHex(digest) && want !== toNixBase32(digest)) {
        throw new SetupError(
          `${tarball}: sha256 is ${toHex(digest)} (${toNixBase32(digest)}), expected ${options.sha256}`,
        );
      }
    }
    const unpacked = join(work, "home");
    mkdirSync(unpacked);
    try {
      await run("tar", ["-x", "-f", tarball, "-C", unpacked], options.signal ? { signal: options.signal } : {});
    } catch (error) {
      if (!(error instanceof ProcessError)) throw error;
      throw new SetupError(`cannot unpack ${tarball}: ${(error.stderrTail || error.message).trim()}`);
    }
    if (!existsSync(join(unpacked, "gnu", "store")) || !existsSync(join(unpacked, "var", "guix"))) {
      throw new SetupError(`${tarball} is not a Guix binary tarball: it has no ./gnu/store and ./var/guix`);
    }
    mkdirSync(join(unpacked, "etc", "guix"), { recursive: true });
    const current = join(unpacked, CURRENT_GUIX.slice(1));
    try {
      lstatSync(current);
    } catch {
      // No current-guix link: point it at the profile in the store that has bin/guix.
      const profile = readdirSync(join(unpacked, "gnu", "store")).find(
        (item) => item.endsWith("-profile") && existsSync(join(unpacked, "gnu", "store", item, "bin", "guix")),
      );
      if (profile === undefined)
        throw new SetupError(
          `${tarball} has no Guix profile (no current-guix link, no *-profile/bin/guix in the store)`,
        );
      mkdirSync(dirname(current), { recursive: true });
      symlinkSync(`/gnu/store/${profile}`, current);
    }
    await rename(unpacked, home);
    if (options.authorizeSubstitutes ?? true)
      await authorizeSubstitutes(home, options.backend ?? ((await userNamespacesWork()) ? "bubblewrap" : "proot"));
    return home;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
