/**
 * The NAR (Nix ARchive) hash of a file tree: sha256 of its NAR serialisation,
 * the value `guix hash -r` and `nix-hash --type sha256 --base32` print.
 * Files are read in chunks, so memory stays flat however large the tree.
 */
import { createHash, type Hash } from "node:crypto";
import { join } from "node:path";
import { closeSync, existsSync, lstatSync, openSync, readSync, readdirSync, readlinkSync, type Stats } from "node:fs";
import { toNixBase32 } from "./nix-base32.js";
import { sha256OnWorker, type HashSink } from "./nar-hasher.js";

/**
 * The version-control folders `guix hash -x` leaves out.
 *
 * @example VCS_DIRECTORIES.has(".git") // true
 */
export const VCS_DIRECTORIES: ReadonlySet<string> = new Set([".bzr", ".git", ".hg", ".svn", "CVS"]);

/**
 * A file or folder that cannot be hashed (a socket, an unreadable file), and why.
 *
 * @example await narHash("/run").catch((e: NarHashError) => e.path)
 */
export class NarHashError extends Error {
  override readonly name = "NarHashError";
  readonly path: string;
  constructor(
    path: string | Buffer,
    readonly reason: string,
  ) {
    super(`${path.toString()}: ${reason}`);
    this.path = path.toString();
  }
}

/** How to hash a tree: with or without version-control folders. */
export interface NarHashOptions {
  /**
   * Leave out version-control metadata as `guix hash -x` does (`vcs-file-predicate` in Guix's
   * guix/hash.scm): of `.bzr`, `.git`, `.hg`, `.svn` and `CVS`, those present at the top of the tree
   * are left out wherever they stand as folders, and `.git` also as a regular file (a submodule's).
   */
  readonly excludeVcs?: boolean;
}

const CHUNK = 1 << 20;
const SLASH = Buffer.from("/");
const TOKENS = new Map(
  [
    "nix-archive-1",
    "(",
    ")",
    "type",
    "regular",
    "executable",
    "",
    "contents",
    "symlink",
    "target",
    "directory",
    "entry",
    "name",
    "node",
  ].map((t) => [t, Buffer.from(t)]),
);

/**
 * Writes the NAR into one buffer that is hashed when full: the framing of
 * thousands of small files then costs a few large hash updates, not many small ones.
 */
class NarWriter {
  private buffer: Buffer;
  private used = 0;

  constructor(
    private readonly sink: HashSink,
    /** The VCS names to leave out (empty: none). */
    private readonly vcs: ReadonlySet<string>,
  ) {
    this.buffer = sink.slot();
  }

  private flush(): void {
    if (this.used === 0) return;
    this.sink.commit(this.used);
    this.buffer = this.sink.slot();
    this.used = 0;
  }

  private room(n: number): void {
    if (this.used + n > CHUNK) this.flush();
  }

  private length(n: number): void {
    this.room(8);
    this.buffer.writeUInt32LE(n % 0x100000000, this.used);
    this.buffer.writeUInt32LE(Math.floor(n / 0x100000000), this.used + 4);
    this.used += 8;
  }

  private pad(n: number): void {
    const padding = (8 - (n % 8)) % 8;
    this.room(padding);
    this.buffer.fill(0, this.used, this.used + padding);
    this.used += padding;
  }

  /** A NAR string: its length, its bytes, zeros to a multiple of 8. */
  str(bytes: string | Buffer): void {
    const b = typeof bytes === "string" ? (TOKENS.get(bytes) ?? Buffer.from(bytes)) : bytes;
    this.length(b.length);
    // A long string (a symlink target, a name) goes in by pieces.
    for (let at = 0; at < b.length;) {
      if (this.used === CHUNK) this.flush();
      const n = b.copy(this.buffer, this.used, at, Math.min(b.length, at + CHUNK - this.used));
      this.used += n;
      at += n;
    }
    this.pad(b.length);
  }

  /** Hash what is left in the buffer. */
  finish(): void {
    this.flush();
  }

  node(path: Buffer, stat: Stats): void {
    this.str("(");
    this.str("type");
    if (stat.isSymbolicLink()) {
      this.str("symlink");
      this.str("target");
      this.str(readlinkSync(path, { encoding: "buffer" }));
    } else if (stat.isFile()) {
      this.str("regular");
      if (stat.mode & 0o100) {
        this.str("executable");
        this.str("");
      }
      this.str("contents");
      this.contents(path, stat.size);
    } else if (stat.isDirectory()) {
      this.str("directory");
      for (const name of this.entries(path)) {
        const child = Buffer.concat([path, SLASH, name]);
        const childStat = lstatSync(child);
        if (this.vcs.size > 0 && this.isVcs(name, childStat)) continue;
        this.str("entry");
        this.str("(");
        this.str("name");
        this.str(name);
        this.str("node");
        this.node(child, childStat);
        this.str(")");
      }
    } else {
      const kind = stat.isSocket()
        ? "a socket"
        : stat.isFIFO()
          ? "a named pipe"
          : stat.isCharacterDevice() || stat.isBlockDevice()
            ? "a device"
            : "not a file, folder or symlink";
      throw new NarHashError(path, `${kind}: a NAR holds only regular files, folders and symlinks`);
    }
    this.str(")");
  }

  /** Entries sorted by the bytes of their names, as Nix sorts them. */
  private entries(path: Buffer): Buffer[] {
    let names: Buffer[];
    try {
      names = readdirSync(path, { encoding: "buffer" });
    } catch (error) {
      throw new NarHashError(path, `cannot read folder (${(error as NodeJS.ErrnoException).code})`);
    }
    return names.sort(Buffer.compare);
  }

  /** Guix's `vcs-file?`: a folder of one of the names, or a regular `.git` file when `.git` is one. */
  private isVcs(name: Buffer, stat: Stats): boolean {
    const text = name.toString();
    if (!this.vcs.has(text)) return false;
    return stat.isDirectory() || (stat.isFile() && text === ".git");
  }

  private contents(path: Buffer, size: number): void {
    let fd: number;
    try {
      fd = openSync(path, "r");
    } catch (error) {
      throw new NarHashError(path, `cannot read file (${(error as NodeJS.ErrnoException).code})`);
    }
    try {
      this.length(size);
      let total = 0;
      // Read straight into the buffer, after the framing already there; stop at the size lstat gave.
      while (total < size) {
        if (this.used === CHUNK) this.flush();
        const n = readSync(fd, this.buffer, this.used, Math.min(CHUNK - this.used, size - total), null);
        if (n === 0) break;
        total += n;
        this.used += n;
      }
      if (total !== size) throw new NarHashError(path, `changed while being read (${size} bytes, then ${total})`);
      this.pad(size);
    } finally {
      closeSync(fd);
    }
  }
}

function lstatOrFail(path: string | Buffer): Stats {
  try {
    return lstatSync(path);
  } catch (error) {
    throw new NarHashError(path, `cannot read (${(error as NodeJS.ErrnoException).code})`);
  }
}

/** One buffer, hashed on this thread each time it is full. */
function sameThreadSink(hash: Hash): HashSink {
  const buffer = Buffer.allocUnsafe(CHUNK);
  return { slot: () => buffer, commit: (length) => void hash.update(buffer.subarray(0, length)) };
}

/** The VCS names present at the top of `path` (following symlinks, as `file-exists?` does). */
function vcsAtTop(path: string): ReadonlySet<string> {
  return new Set([...VCS_DIRECTORIES].filter((name) => existsSync(join(path, name))));
}

function writeNar(path: string, sink: HashSink, options: NarHashOptions): void {
  const writer = new NarWriter(sink, options.excludeVcs ? vcsAtTop(path) : new Set());
  writer.str("nix-archive-1");
  writer.node(Buffer.from(path), lstatOrFail(path));
  writer.finish();
}

/**
 * The sha256 of the NAR serialisation of `path` (not following a symlink at the top), as bytes, on this thread.
 *
 * @example toNixBase32(narSha256Sync("./checkout", { excludeVcs: true }))
 */
export function narSha256Sync(path: string, options: NarHashOptions = {}): Uint8Array {
  const hash = createHash("sha256");
  writeNar(path, sameThreadSink(hash), options);
  return new Uint8Array(hash.digest());
}

/**
 * The sha256 of the NAR serialisation of `path`, hashed on a worker thread while files are read.
 *
 * @example toHex(await narSha256("./checkout"))
 */
export async function narSha256(path: string, options: NarHashOptions = {}): Promise<Uint8Array> {
  return sha256OnWorker(CHUNK, (sink) => writeNar(path, sink, options));
}

/**
 * The NAR hash of a file or tree in nix-base32: what `guix hash -r PATH` prints.
 *
 * @example await narHash("./checkout", { excludeVcs: true }) // "06wdh66phmccllf9m085br5zld773663w9bnkbfq45yihb3a88ws"
 */
export async function narHash(path: string, options: NarHashOptions = {}): Promise<string> {
  return toNixBase32(await narSha256(path, options));
}

/**
 * The flat sha256 of a file's contents, as bytes.
 *
 * @example toHex(fileSha256Sync("guix-binary-1.4.0.x86_64-linux.tar.xz"))
 */
export function fileSha256Sync(path: string): Uint8Array {
  const stat = lstatOrFail(path);
  if (!stat.isFile())
    throw new NarHashError(path, "not a regular file (use the recursive NAR hash for folders and symlinks)");
  const hash = createHash("sha256");
  const buffer = Buffer.allocUnsafe(CHUNK);
  const fd = openSync(path, "r");
  try {
    for (let n; (n = readSync(fd, buffer, 0, CHUNK, null)) > 0;) hash.update(buffer.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return new Uint8Array(hash.digest());
}

/**
 * The flat sha256 of a file's contents in nix-base32: what `guix hash FILE` prints, for `url-fetch` origins.
 *
 * @example await fileHash("hello-2.12.tar.gz") // what `guix hash hello-2.12.tar.gz` prints
 */
export async function fileHash(path: string): Promise<string> {
  return toNixBase32(fileSha256Sync(path));
}
