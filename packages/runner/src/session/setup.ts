/**
 * Setting up a rootless Guix from the binary release tarball
 * (`guix-binary-VERSION.x86_64-linux.tar.xz`: ./gnu/store, ./var/guix), as the
 * guix-base image's Dockerfile does by hand: unpack into the Guix home, check
 * the hash, make /etc/guix, keep the current-guix profile link.
 */
import {
  closeSync,
  createReadStream,
  createWriteStream,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  readlinkSync,
  statSync,
  symlinkSync,
} from "node:fs";
import { mkdtemp, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileSha256Sync, toHex, toNixBase32 } from "@guix-ts/pinning";
import { ProcessError, run, start } from "@guix-ts/process";
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
  /** Told as the tarball is downloaded and unpacked: bytes done of the total (undefined when the server does not say). */
  readonly onProgress?: (progress: SetupProgress) => void;
}

/** How far `setupGuix()` is: which step, bytes done, bytes in all when known. */
export interface SetupProgress {
  readonly step: "download" | "unpack";
  readonly done: number;
  readonly total: number | undefined;
}

/** A stream that passes bytes through and tells how many have gone by. */
function counting(step: SetupProgress["step"], total: number | undefined, onProgress: SetupOptions["onProgress"]) {
  let done = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      done += chunk.length;
      onProgress?.({ step, done, total });
      callback(null, chunk);
    },
  });
}

/** What the network errors fetch gives mean, in a few words. */
const NETWORK_ERRORS: Readonly<Record<string, string>> = {
  ENOTFOUND: "no such host (offline, or a typo in the URL?)",
  EAI_AGAIN: "the host name cannot be resolved now (offline?)",
  ECONNREFUSED: "the server refused the connection",
  ECONNRESET: "the server closed the connection",
  UND_ERR_SOCKET: "the server closed the connection",
  ETIMEDOUT: "the server did not answer in time",
  ENETUNREACH: "the network is unreachable (offline?)",
  EHOSTUNREACH: "the host is unreachable",
  UND_ERR_CONNECT_TIMEOUT: "the server did not answer in time",
};

/** Download `url` into `file`, or a SetupError that says why in one line (offline, no such host, HTTP status). */
async function download(url: string, file: string, options: SetupOptions): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, options.signal ? { signal: options.signal } : {});
  } catch (error) {
    if (options.signal?.aborted) throw error;
    // fetch says only "fetch failed"; the reason (ENOTFOUND, ECONNREFUSED...) is its cause.
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const code = cause?.code ?? "";
    const meaning = NETWORK_ERRORS[code] ?? cause?.message ?? (error as Error).message;
    throw new SetupError(`cannot download ${url}: ${meaning}${code ? ` (${code})` : ""}`);
  }
  if (!response.ok || response.body === null)
    throw new SetupError(`cannot download ${url}: HTTP ${response.status} ${response.statusText}`.trimEnd());
  const length = Number(response.headers.get("content-length"));
  try {
    await pipeline(
      Readable.fromWeb(response.body as import("node:stream/web").ReadableStream),
      counting("download", Number.isFinite(length) && length > 0 ? length : undefined, options.onProgress),
      createWriteStream(file),
    );
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new SetupError(
      `cannot download ${url}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
}

/** The tar option for the tarball's compression, read from its first bytes (tar cannot tell on a pipe). */
function compressionFlag(file: string): string[] {
  const head = Buffer.alloc(6);
  const fd = openSync(file, "r");
  try {
    readSync(fd, head, 0, 6, 0);
  } finally {
    closeSync(fd);
  }
  if (head.equals(Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]))) return ["-J"];
  if (head[0] === 0x1f && head[1] === 0x8b) return ["-z"];
  return [];
}

/** Unpack `tarball` into `dir`, fed through a pipe so that progress can be told. */
async function unpack(tarball: string, dir: string, options: SetupOptions): Promise<void> {
  const child = start("tar", ["-x", ...compressionFlag(tarball), "-f", "-", "-C", dir], {
    stdin: "pipe",
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const fed = pipeline(
    createReadStream(tarball),
    counting("unpack", statSync(tarball).size, options.onProgress),
    child.stdin!,
  ).catch(() => undefined); // tar stopping early is reported by its exit status
  try {
    await child.done;
  } catch (error) {
    if (!(error instanceof ProcessError)) throw error;
    throw new SetupError(`cannot unpack ${tarball}: ${(error.stderrTail || error.message).trim().split("\n")[0]}`);
  } finally {
    await fed;
  }
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
      const file = join(work, "guix-binary.tar.xz");
      await download(tarball, file, options);
      tarball = file;
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
    await unpack(tarball, unpacked, options);
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
