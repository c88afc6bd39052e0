/**
 * Writing files in place without losing anything: the new content goes to a temporary file beside
 * the one it replaces, which is flushed, given the old file's mode, owner and group, then renamed
 * over it. A symlink is followed (its target is rewritten, the link stays); a file with several hard
 * links is refused (a rename would cut it from the others). A temporary file never outlives the
 * process: it is removed on failure and, if the process exits meanwhile, on exit.
 */
import { randomBytes } from "node:crypto";
import { rmSync, type Stats } from "node:fs";
import { lstat, open, readlink, rename, rm, stat, type FileHandle } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";

/**
 * A file that cannot be written as asked: its path, and why (what was left as it was).
 *
 * @example await writeFileAtomic("out/manifest.scm", text).catch((e: FileWriteError) => console.error(e.path, e.reason))
 */
export class FileWriteError extends Error {
  override readonly name = "FileWriteError";
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

const temporaries = new Set<string>();
let hooked = false;

/**
 * Remove the temporary files of writes still under way (on exit; a signal handler may call it too).
 *
 * @example process.on("SIGTERM", () => { removeTemporaries(); process.exit(143); })
 */
export function removeTemporaries(): void {
  for (const path of temporaries) rmSync(path, { force: true });
  temporaries.clear();
}

/** The file a write to `path` replaces: `path` itself, or what its symlinks lead to (made if missing). */
async function target(path: string): Promise<{ path: string; stat: Stats | undefined }> {
  let current = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    let info: Stats;
    try {
      info = await lstat(current);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return { path: current, stat: undefined };
      throw error;
    }
    if (!info.isSymbolicLink()) return { path: current, stat: info };
    current = resolve(dirname(current), await readlink(current));
  }
  throw new FileWriteError(path, "too many levels of symbolic links");
}

const reason = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? (error as Error).message;

/**
 * Make `path` atomically: `write` fills a temporary file in the same folder, which is flushed, then
 * renamed over `path`. Readers see the old file or the new one, never a part. The file keeps its
 * mode, owner and group; `options.mode` is the mode of a new file. Throws {@link FileWriteError}
 * (nothing changed) for a folder, a file with hard links, or an owner that cannot be kept.
 *
 * @example await withAtomicFile("image.tar.gz", async (handle) => { await handle.write(bytes) });
 */
export async function withAtomicFile<T>(
  path: string,
  write: (handle: FileHandle) => Promise<T>,
  options: { mode?: number } = {},
): Promise<T> {
  const { path: file, stat: old } = await target(path).catch((error: unknown) => {
    throw error instanceof FileWriteError ? error : new FileWriteError(path, `cannot be read (${reason(error)})`);
  });
  if (old?.isDirectory()) throw new FileWriteError(path, "is a folder");
  if (old !== undefined && !old.isFile()) throw new FileWriteError(path, "is not a regular file");
  if (old !== undefined && old.nlink > 1)
    throw new FileWriteError(
      path,
      `has ${old.nlink} hard links; rewriting it atomically would break them (left as it was)`,
    );
  const dir = dirname(file);
  await stat(dir).catch((error: unknown) => {
    throw new FileWriteError(path, `its folder ${dir} cannot be used (${reason(error)})`);
  });
  const temporary = join(dir, `.${basename(file)}.${randomBytes(6).toString("hex")}.tmp`);
  if (!hooked) {
    hooked = true;
    process.once("exit", removeTemporaries);
  }
  let handle: FileHandle | undefined;
  try {
    try {
      handle = await open(temporary, "wx", old === undefined ? (options.mode ?? 0o644) : old.mode & 0o7777);
    } catch (error) {
      throw new FileWriteError(path, `cannot write in ${dir} (${reason(error)})`);
    }
    temporaries.add(temporary);
    if (old !== undefined) {
      // The owner first (a chown clears set-id bits), then the mode exactly (the umask narrowed it).
      if (old.uid !== process.getuid?.() || old.gid !== process.getgid?.())
        await handle.chown(old.uid, old.gid).catch((error: unknown) => {
          throw new FileWriteError(
            path,
            `its owner ${old.uid}:${old.gid} cannot be kept (${reason(error)}); left as it was`,
          );
        });
      await handle.chmod(old.mode & 0o7777);
    }
    const result = await write(handle);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temporary, file);
    temporaries.delete(temporary);
    return result;
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temporary, { force: true });
    temporaries.delete(temporary);
    throw error;
  }
}

/**
 * Write `data` to `path` atomically (see {@link withAtomicFile}).
 *
 * @example await writeFileAtomic("manifest.scm", text);
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: { mode?: number } = {},
): Promise<void> {
  await withAtomicFile(path, (handle) => handle.writeFile(data), options);
}
