// In-place writes keep what they do not own: the file a symlink leads to, mode, owner, group, hard links.
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  chownSync,
  linkSync,
  lstatSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FileWriteError, writeFileAtomic } from "@guix-ts/core";

const root = mkdtempSync(join(tmpdir(), "guix-ts-atomic-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const dir = (): string => mkdtempSync(join(root, `${n++}-`));

describe("writeFileAtomic", () => {
  it("writes the file a symlink leads to (through a chain), and the links stay links", async () => {
    const d = dir();
    writeFileSync(join(d, "real.scm"), "old");
    symlinkSync("real.scm", join(d, "one"));
    symlinkSync(join(d, "one"), join(d, "two"));
    await writeFileAtomic(join(d, "two"), "new");
    expect(readFileSync(join(d, "real.scm"), "utf8")).toBe("new");
    expect(lstatSync(join(d, "two")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(d, "one"))).toBe("real.scm");
  });

  it("makes the file a dangling symlink names", async () => {
    const d = dir();
    symlinkSync("made.scm", join(d, "link"));
    await writeFileAtomic(join(d, "link"), "x");
    expect(readFileSync(join(d, "made.scm"), "utf8")).toBe("x");
    expect(lstatSync(join(d, "link")).isSymbolicLink()).toBe(true);
  });

  it("keeps the mode (0600 stays 0600, set-id and sticky bits too), owner and group", async () => {
    const d = dir();
    const file = join(d, "secret.scm");
    writeFileSync(file, "old");
    chmodSync(file, 0o600);
    await writeFileAtomic(file, "new");
    expect(statSync(file).mode & 0o7777).toBe(0o600);
    chmodSync(file, 0o2751);
    await writeFileAtomic(file, "newer");
    expect(statSync(file).mode & 0o7777).toBe(0o2751);
    if (process.getuid?.() === 0) {
      chownSync(file, 1234, 5678);
      await writeFileAtomic(file, "newest");
      expect(statSync(file)).toMatchObject({ uid: 1234, gid: 5678 });
    }
    expect(readFileSync(file, "utf8")).toBe(process.getuid?.() === 0 ? "newest" : "newer");
  });

  it("refuses a file with hard links, a folder, and a missing folder, changing nothing", async () => {
    const d = dir();
    writeFileSync(join(d, "a"), "old");
    linkSync(join(d, "a"), join(d, "b"));
    await expect(writeFileAtomic(join(d, "a"), "new")).rejects.toThrow(/has 2 hard links/);
    expect(readFileSync(join(d, "b"), "utf8")).toBe("old");
    await expect(writeFileAtomic(d, "x")).rejects.toThrow(/is a folder/);
    await expect(writeFileAtomic(join(d, "none", "x"), "x")).rejects.toBeInstanceOf(FileWriteError);
    expect(readdirSync(d).sort()).toEqual(["a", "b"]);
  });

  it("leaves no temporary file when the process exits in the middle of a write", () => {
    const d = dir();
    const script = `
      import { withAtomicFile } from "@guix-ts/core";
      await withAtomicFile(${JSON.stringify(join(d, "out"))}, async (h) => { await h.write("part"); process.exit(3); });
    `;
    const child = spawnSync(
      process.execPath,
      ["--conditions=development", "--import", "tsx", "--input-type=module", "-e", script],
      {
        cwd: import.meta.dirname,
        encoding: "utf8",
      },
    );
    expect(child.status).toBe(3);
    expect(readdirSync(d)).toEqual([]);
  });
});
