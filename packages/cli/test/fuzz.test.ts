// The command line under random arguments and random files: every run ends with a documented exit
// code (0, 1, 2 or 3), says what is wrong in lines of its own (never a stack trace, never an
// internal error), and changes no file it was not asked to.
import { createHash } from "node:crypto";
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../../test/fixtures/cli.js";

// Beside the tests, so that scripts written here find the workspace's packages.
const dir = mkdtempSync(join(import.meta.dirname, ".tmp-fuzz-"));
const saved = process.env.GUIX_TS_GUIX_HOME;
beforeAll(() => {
  // Nothing may reach the real home: a setup or a session looks here.
  process.env.GUIX_TS_GUIX_HOME = join(dir, "guix-home");
});
afterAll(() => {
  if (saved === undefined) delete process.env.GUIX_TS_GUIX_HOME;
  else process.env.GUIX_TS_GUIX_HOME = saved;
  rmSync(dir, { recursive: true, force: true });
});

const FILES: Record<string, string | Buffer> = {
  "good.scm": "(define x\n  1)\n",
  "ugly.scm": "(define x (list 1 2))\n",
  "broken.scm": "(define x (list 1",
  "latin1.scm": Buffer.from('(a "caf\xe9")\n', "latin1"),
  "binary.bin": Buffer.from([0, 255, 1, 254, 31, 139, 8, 0]),
  "build.ts": "export const manifest = 42;\n",
  "broken.ts": "export const = ;\n",
  "empty.ts": "",
  "lock.json": '{"version": 2, "sources": null, "channels": {}}',
};

function snapshot(): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      const stat = lstatSync(path);
      if (stat.isDirectory()) walk(path);
      else
        out.set(
          path,
          `${stat.mode}:${stat.isFile() ? createHash("sha256").update(readFileSync(path)).digest("hex") : ""}`,
        );
    }
  };
  walk(dir);
  return out;
}

beforeAll(() => {
  for (const [name, content] of Object.entries(FILES)) writeFileSync(join(dir, name), content);
  mkdirSync(join(dir, "folder"));
  symlinkSync("good.scm", join(dir, "link.scm"));
});

const COMMANDS = ["fmt", "hash", "lock", "image", "pack", "setup", "doctor", "help", "fmtt", "--help", "-h", ""];
const FLAGS = [
  "--check",
  "--write",
  "--width",
  "20",
  "-r",
  "-x",
  "-f",
  "sri",
  "nix-base32",
  "--format",
  "--update",
  "--update-all",
  "--frozen",
  "--lock",
  "--tag",
  "--workdir",
  "--env",
  "--expose",
  "--label",
  "--user",
  "--volume",
  "--cmd",
  "--compression",
  "--home",
  "--backend",
  "proot",
  "host",
  "--daemon",
  "--output",
  "--load",
  "--dry-run",
  "--channels",
  "-S",
  "-A",
  "--entry-point",
  "--tarball",
  "--sha256",
  "--help",
  "-h",
  "--",
  "-",
  "edit",
  "=",
];
const word = fc.oneof(
  fc.constantFrom(...FLAGS),
  fc.constantFrom(...Object.keys(FILES), "folder", "link.scm", "missing.scm").map((f) => join(dir, f)),
  fc.string({ maxLength: 12 }),
  fc.constantFrom("a=b", "80", "/x", "x:1", "/t=s", "-1", "\u0000", "é", "--\n"),
);
const argv = fc.tuple(fc.constantFrom(...COMMANDS), fc.array(word, { maxLength: 7 }));

describe("guix-ts under random command lines", () => {
  it("ends with 0, 1, 2 or 3, in clean lines, and changes no file it was not asked to", async () => {
    await fc.assert(
      fc.asyncProperty(argv, fc.string({ maxLength: 40 }), async ([command, rest], stdin) => {
        const args = command === "" ? rest : [command, ...rest];
        const before = snapshot();
        const { code, err } = await runCli(args, stdin);
        expect([0, 1, 2, 3], `${JSON.stringify(args)} exited ${code}: ${err}`).toContain(code);
        expect(err, JSON.stringify(args)).not.toMatch(/^\s+at /m);
        expect(err, JSON.stringify(args)).not.toMatch(/internal error/);
        const after = snapshot();
        const writes =
          (command === "fmt" && args.includes("--write")) ||
          command === "lock" ||
          command === "image" ||
          command === "pack";
        for (const [path, state] of before) {
          if (after.get(path) === state) continue;
          // Only fmt --write changes a file, and only a Scheme file, into its formatted text.
          expect(writes && path.endsWith(".scm"), `${JSON.stringify(args)} changed ${path}`).toBe(true);
        }
        for (const path of after.keys())
          if (!before.has(path)) expect(writes, `${JSON.stringify(args)} made ${path}`).toBe(true);
        // Put back what was changed, so each run starts from the same files.
        for (const [name, content] of Object.entries(FILES)) writeFileSync(join(dir, name), content);
      }),
      { numRuns: 300, seed: 4242 },
    );
  }, 600_000);
});
