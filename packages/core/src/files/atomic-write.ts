import { randomBytes } from "node:crypto";
import { open, rename, rm, type FileHandle } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/**
 * Make `path` atomically: `write` fills a temporary file in the same folder,
 * which is flushed, then renamed over `path`. Readers see the old file or the
 * new one, never a part; on any failure the temporary file is removed.
 *
 * @example await withAtomicFile("image.tar.gz", async (handle) => { await handle.write(bytes) });
 */
export async function withAtomicFile<T>(
  path: string,
  write: (handle: FileHandle) => Promise<T>,
  options: { mode?: number } = {},
): Promise<T> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  let handle: FileHandle | undefined;
  try {
    handle = await open(temporary, "wx", options.mode ?? 0o644);
    const result = await write(handle);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temporary, path);
    return result;
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temporary, { force: true });
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
