// guix-ts's NAR and flat hashes against the real nix-hash and sha256sum (Debian's nix-bin, coreutils):
// random file trees, hashed by both, must agree.
import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { NarHashError, fileHash, fromHex, fromNixBase32, narHash, toNixBase32, toSri, fromSri } from "@guix-ts/pinning";

type Tree =
  | { readonly type: "file"; readonly content: Uint8Array; readonly executable: boolean }
  | { readonly type: "symlink"; readonly target: string }
  | { readonly type: "dir"; readonly entries: readonly (readonly [Buffer, Tree])[] };

const nameBytes = fc.oneof(
  fc
    .constantFrom("a", "b", "A", "with space", "ünïcödé", "日本", ".hidden", "-dash", "z".repeat(40), "😀", ".git")
    .map((s) => Buffer.from(s)),
  // Odd bytes: not UTF-8 at all (no "/" and no NUL).
  fc
    .uint8Array({ minLength: 1, maxLength: 6 })
    .map((b) => Buffer.from(b.map((x) => (x === 0 || x === 47 ? 120 : x))))
    .filter((b) => b.toString("latin1") !== "." && b.toString("latin1") !== ".."),
);

const tree: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.record({
      type: fc.constant("file" as const),
      content: fc.oneof(fc.uint8Array({ maxLength: 64 }), fc.constant(new Uint8Array(0))),
      executable: fc.boolean(),
    }),
    fc.record({
      type: fc.constant("symlink" as const),
      target: fc.constantFrom("a", "../x", "nowhere/at/all", "/etc/passwd", ".", "with space"),
    }),
    fc
      .uniqueArray(fc.tuple(nameBytes, tie("tree")), { maxLength: 5, selector: ([n]) => n.toString("latin1") })
      .map((entries) => ({ type: "dir" as const, entries })),
  ),
})).tree;

function make(path: Buffer, t: Tree): void {
  if (t.type === "file") {
    writeFileSync(path, t.content);
    chmodSync(path, t.executable ? 0o755 : 0o644);
  } else if (t.type === "symlink") symlinkSync(t.target, path);
  else {
    mkdirSync(path);
    for (const [name, child] of t.entries) make(Buffer.concat([path, Buffer.from("/"), name]), child);
  }
}

const root = mkdtempSync(join(tmpdir(), "guix-ts-nar-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const nixHash = (paths: string[], ...flags: string[]): string[] =>
  execFileSync("nix-hash", ["--type", "sha256", "--base32", ...flags, ...paths], {
    encoding: "utf8",
    maxBuffer: 1 << 26,
  })
    .trim()
    .split("\n");

describe("NAR hashes agree with nix-hash --type sha256 --base32", () => {
  it("on 300 random trees (empty, executable, symlinks to anything, odd names, nesting)", async () => {
    const trees = fc.sample(tree, { numRuns: 300, seed: 11 });
    const paths = trees.map((t, i) => {
      const path = join(root, `tree-${i}`);
      make(Buffer.from(path), t);
      return path;
    });
    const ours = await Promise.all(paths.map((p) => narHash(p)));
    expect(ours).toEqual(nixHash(paths));
  });

  it("on a large file (20 MB, read in chunks) and a deep nesting", async () => {
    const big = join(root, "big");
    writeFileSync(big, Buffer.alloc(20 * 1024 * 1024 + 3, 7));
    let deep = join(root, "deep");
    const top = deep;
    for (let i = 0; i < 60; i++) mkdirSync((deep = join(deep, `d${i}`)), { recursive: true });
    writeFileSync(join(deep, "leaf"), "leaf");
    expect([await narHash(big), await narHash(top)]).toEqual(nixHash([big, top]));
  });

  // Guix's rule (vcs-file-predicate, guix/hash.scm): of .bzr .git .hg .svn CVS, those that exist at the
  // top (symlinks followed) are left out wherever they stand as folders; .git also as a regular file.
  // The expected trees below are those copies with, by hand, exactly what that rule leaves out.
  it.each([
    {
      name: "a .git at the top: nested .git folders and files go; .hg elsewhere stays",
      make: ["d:.git/objects", "f:.git/HEAD", "f:file", "d:sub/.git", "f:sub/.gitmodules", "f:mod/.git", "d:x/.hg"],
      dropped: [".git", "sub/.git", "mod/.git"],
    },
    {
      name: "a .git file at the top (a worktree) counts; a .hg only below does not",
      make: ["f:.git", "d:a/.hg", "d:a/.git", "f:a/keep"],
      dropped: [".git", "a/.git"],
    },
    {
      name: "only .svn at the top: a .git file below stays, .svn folders go, a CVS below stays",
      make: ["d:.svn", "f:b/.git", "d:b/.svn", "d:b/CVS", "f:b/CVS/Root"],
      dropped: [".svn", "b/.svn"],
    },
    {
      name: "symlinks are never left out; a dangling one at the top does not count",
      make: ["d:real", "l:.git>real", "l:.bzr>nowhere", "d:c/.bzr", "d:c/.git", "l:c/link>.git"],
      dropped: ["c/.git"],
    },
    { name: "no VCS at the top: nothing goes", make: ["d:c/.git", "f:d/.git", "d:e/CVS/x"], dropped: [] },
    {
      name: "CVS and .hg at the top: both go at any depth",
      make: ["d:CVS", "d:.hg", "d:x/CVS", "d:x/y/.hg"],
      dropped: ["CVS", ".hg", "x/CVS", "x/y/.hg"],
    },
  ])("excludeVcs: $name", async ({ make, dropped }) => {
    const tree = mkdtempSync(join(root, "vcs-"));
    for (const item of make) {
      const [kind, spec] = [item[0], item.slice(2)];
      if (kind === "d") mkdirSync(join(tree, spec), { recursive: true });
      else if (kind === "f") {
        mkdirSync(join(tree, spec, ".."), { recursive: true });
        writeFileSync(join(tree, spec), spec);
      } else {
        const [link, target] = spec.split(">") as [string, string];
        mkdirSync(join(tree, link, ".."), { recursive: true });
        symlinkSync(target, join(tree, link));
      }
    }
    const expected = `${tree}-expected`;
    execFileSync("cp", ["-a", "--", tree, expected]);
    for (const path of dropped) rmSync(join(expected, path), { recursive: true });
    expect(await narHash(tree, { excludeVcs: true })).toBe(nixHash([expected])[0]);
  });

  it("leaves out .git, .hg, .svn and CVS with excludeVcs, as guix hash -x does", async () => {
    const repo = join(root, "repo");
    mkdirSync(join(repo, ".git/objects"), { recursive: true });
    mkdirSync(join(repo, "CVS"));
    mkdirSync(join(repo, ".hg"));
    mkdirSync(join(repo, ".svn"));
    writeFileSync(join(repo, ".git/HEAD"), "ref");
    writeFileSync(join(repo, "file"), "data");
    const clean = join(root, "clean");
    mkdirSync(clean);
    writeFileSync(join(clean, "file"), "data");
    expect(await narHash(repo, { excludeVcs: true })).toBe(nixHash([clean])[0]);
    expect(await narHash(repo)).toBe(nixHash([repo])[0]);
  });

  it("flat file hashes equal sha256sum's, converted to nix-base32", async () => {
    const files = fc.sample(fc.uint8Array({ maxLength: 3000 }), { numRuns: 50, seed: 5 }).map((content, i) => {
      const path = join(root, `flat-${i}`);
      writeFileSync(path, content);
      return path;
    });
    const sums = execFileSync("sha256sum", files, { encoding: "utf8" })
      .trim()
      .split("\n")
      .map((l) => toNixBase32(fromHex(l.split(" ")[0]!)));
    expect(await Promise.all(files.map(fileHash))).toEqual(sums);
    expect(await Promise.all(files.map(fileHash))).toEqual(nixHash(files, "--flat"));
  });

  it("refuses sockets and devices, naming the path", async () => {
    await expect(narHash("/dev/null")).rejects.toThrow(
      new NarHashError("/dev/null", "a device: a NAR holds only regular files, folders and symlinks"),
    );
    await expect(narHash(join(root, "missing"))).rejects.toThrow(`${join(root, "missing")}: cannot read (ENOENT)`);
  });
});

describe("hash encodings", () => {
  it("nix-base32 decodes what it encodes, for any bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }), (bytes) => {
        expect(fromNixBase32(toNixBase32(bytes))).toEqual(bytes);
      }),
    );
  });

  it("SRI round-trips", () => {
    const bytes = fromNixBase32("06wdh66phmccllf9m085br5zld773663w9bnkbfq45yihb3a88ws");
    expect(fromSri(toSri(bytes))).toEqual({ algorithm: "sha256", bytes });
  });

  it("rejects characters outside the alphabet", () => {
    expect(() => fromNixBase32("e".repeat(52))).toThrow('not a nix-base32 character: "e"');
  });
});

describe("NAR hashing after a failure", () => {
  it("hashes the next tree right after one that failed midway", async () => {
    const dir = join(root, "after-failure");
    mkdirSync(dir);
    writeFileSync(join(dir, "a"), Buffer.alloc(3 * 1024 * 1024, 1));
    execFileSync("mkfifo", [join(dir, "z-pipe")]);
    const [failed, ok] = await Promise.allSettled([narHash(dir), narHash(join(dir, "a"))]);
    expect(failed.status).toBe("rejected");
    expect(ok).toEqual({ status: "fulfilled", value: nixHash([join(dir, "a")])[0] });
  });
});
