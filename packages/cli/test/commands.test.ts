import { spawnSync } from "node:child_process";
import {
  chmodSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../../test/fixtures/cli.js";

const BIN = join(import.meta.dirname, "../bin/guix-ts.js");
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "guix-ts-fmt-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const run = runCli;

const UGLY = "(define x (list 1 2))\n";
const PRETTY = "(define x\n  (list 1 2))\n";

describe("guix-ts fmt", () => {
  it("--write formats the file a symlink leads to, keeping the link and the file's mode", async () => {
    const real = join(dir, "real.scm");
    writeFileSync(real, UGLY);
    chmodSync(real, 0o600);
    symlinkSync("real.scm", join(dir, "link.scm"));
    expect(await run(["fmt", "--write", join(dir, "link.scm")])).toMatchObject({ code: 0 });
    expect(readFileSync(real, "utf8")).toBe(PRETTY);
    expect(lstatSync(join(dir, "link.scm")).isSymbolicLink()).toBe(true);
    expect(statSync(real).mode & 0o777).toBe(0o600);
  });

  it("--write refuses a file with hard links, saying so, and leaves it as it was", async () => {
    writeFileSync(join(dir, "a.scm"), UGLY);
    linkSync(join(dir, "a.scm"), join(dir, "b.scm"));
    const result = await run(["fmt", "--write", join(dir, "a.scm")]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/a\.scm: has 2 hard links/);
    expect(readFileSync(join(dir, "b.scm"), "utf8")).toBe(UGLY);
  });

  it("refuses a file that is not UTF-8 and leaves it untouched", async () => {
    const file = join(dir, "latin1.scm");
    const bytes = Buffer.from('(define x "caf\xe9")\n', "latin1");
    writeFileSync(file, bytes);
    const result = await run(["fmt", "--write", file]);
    expect(result).toMatchObject({ code: 2, err: `${file}: not valid UTF-8; left as it is\n` });
    expect(readFileSync(file)).toEqual(bytes);
  });

  it("skips a leading byte-order mark, as Guile does", async () => {
    const file = join(dir, "bom.scm");
    writeFileSync(file, `\ufeff${UGLY}`);
    expect(await run(["fmt", file])).toEqual({ code: 0, out: PRETTY, err: "" });
  });

  it("prints formatted files to stdout and leaves them alone", async () => {
    const file = join(dir, "a.scm");
    writeFileSync(file, UGLY);
    expect(await run(["fmt", file])).toEqual({ code: 0, out: PRETTY, err: "" });
    expect(readFileSync(file, "utf8")).toBe(UGLY);
  });

  it("--check names the files that would change and exits 1", async () => {
    writeFileSync(join(dir, "ugly.scm"), UGLY);
    writeFileSync(join(dir, "pretty.scm"), PRETTY);
    const result = await run(["fmt", "--check", join(dir, "ugly.scm"), join(dir, "pretty.scm")]);
    expect(result).toEqual({ code: 1, out: `${join(dir, "ugly.scm")}\n`, err: "" });
    expect((await run(["fmt", "--check", join(dir, "pretty.scm")])).code).toBe(0);
  });

  it("--write rewrites in place, atomically, leaving no temporary file", async () => {
    const file = join(dir, "a.scm");
    writeFileSync(file, UGLY);
    expect(await run(["fmt", "--write", file])).toEqual({ code: 0, out: `${file}\n`, err: "" });
    expect(readFileSync(file, "utf8")).toBe(PRETTY);
    expect(readdirSync(dir)).toEqual(["a.scm"]);
  });

  it("reports a syntax error as file:line:column and leaves the file untouched", async () => {
    const bad = join(dir, "bad.scm");
    const good = join(dir, "good.scm");
    writeFileSync(bad, "(define x\n  (list 1 2)\n");
    writeFileSync(good, UGLY);
    const result = await run(["fmt", "--write", bad, good]);
    expect(result.code).toBe(2);
    expect(result.err).toBe(
      `${bad}:3:1: unbalanced parenthesis: \`(\` opened at 1:1 is never closed (missing \`)\`)\n`,
    );
    expect(readFileSync(bad, "utf8")).toBe("(define x\n  (list 1 2)\n");
    expect(readFileSync(good, "utf8")).toBe(PRETTY);
  });

  it("to stdout, writes the forms before a syntax error, then reports it", async () => {
    const result = await run(["fmt", "-"], `${UGLY}(define y\n  "never closed)\n`);
    expect(result).toEqual({
      code: 2,
      out: PRETTY,
      err: "<stdin>:3:4: string opened at 3:3 is never closed\n",
    });
  });

  it("--check compares the bytes: a file that differs only past a multibyte character is found", async () => {
    const same = join(dir, "same.scm");
    const other = join(dir, "other.scm");
    writeFileSync(same, '(list "é λ")\n');
    writeFileSync(other, '(list "é λ"  )\n');
    const result = await run(["fmt", "--check", same, other]);
    expect(result).toEqual({ code: 1, out: `${other}\n`, err: "" });
  });

  it("honours --width and reads standard input as -", async () => {
    const result = await run(["fmt", "--width", "30", "-"], '(list "aaaaaaaaaa" "bbbbbbbbbb" "cccccccccc")');
    expect(result.out).toBe('(list "aaaaaaaaaa"\n      "bbbbbbbbbb"\n      "cccccccccc")\n');
    expect((await run(["fmt", "-"], '(list "aaaaaaaaaa" "bbbbbbbbbb" "cccccccccc")')).out).toBe(
      '(list "aaaaaaaaaa" "bbbbbbbbbb" "cccccccccc")\n',
    );
  });

  it.each([
    [["fmt"], "no file given"],
    [["fmt", "--check", "--write", "x"], "--check and --write do not go together"],
    [["fmt", "--width", "abc", "x"], "--width takes a whole number of at least 20, got abc"],
    [["fmt", "--bogus", "x"], "guix-ts fmt: unknown option --bogus\n"],
    [["fmt", "--chek", "x"], "guix-ts fmt: unknown option --chek; did you mean --check?\n"],
  ])("rejects %j with a usage error", async (argv, message) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.err).toContain(message);
  });

  it("names a file it cannot read", async () => {
    const result = await run(["fmt", join(dir, "missing.scm")]);
    expect(result).toMatchObject({ code: 2, err: `${join(dir, "missing.scm")}: cannot read: ENOENT\n` });
  });

  it("runs as the installed guix-ts command", () => {
    const file = join(dir, "a.scm");
    writeFileSync(file, UGLY);
    const result = spawnSync(process.execPath, [BIN, "fmt", "--check", file], { encoding: "utf8" });
    expect({ status: result.status, stdout: result.stdout }).toEqual({ status: 1, stdout: `${file}\n` });
  });
});

describe("guix-ts hash", () => {
  it("prints what guix hash prints: flat for a file, NAR with -r, without VCS folders with -x", async () => {
    const file = join(dir, "f");
    writeFileSync(file, "hello\n");
    const flat = spawnSync("nix-hash", ["--type", "sha256", "--base32", "--flat", file], { encoding: "utf8" }).stdout;
    const nar = spawnSync("nix-hash", ["--type", "sha256", "--base32", dir], { encoding: "utf8" }).stdout;
    expect(await run(["hash", file])).toEqual({ code: 0, out: flat, err: "" });
    expect(await run(["hash", "-r", dir])).toEqual({ code: 0, out: nar, err: "" });
    // As guix hash -x: a CVS folder at the top is left out; a regular file named CVS is not.
    mkdirSync(join(dir, "CVS"));
    writeFileSync(join(dir, "CVS", "Root"), "x");
    expect((await run(["hash", "-x", dir])).out).toBe(nar);
    rmSync(join(dir, "CVS"), { recursive: true });
    writeFileSync(join(dir, "CVS"), "x");
    expect((await run(["hash", "-x", dir])).out).toBe(
      spawnSync("nix-hash", ["--type", "sha256", "--base32", dir], { encoding: "utf8" }).stdout,
    );
    expect((await run(["hash", "-f", "base16", file])).out).toBe(
      "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03\n",
    );
    expect((await run(["hash", "-f", "sri", file])).out).toBe("sha256-WJG1tSLV3whtD/CxEPvZ0hu0/HFjrzTQgoai6Eb2vgM=\n");
  });

  it("says why a path cannot be hashed", async () => {
    expect(await run(["hash", dir])).toEqual({
      code: 1,
      out: "",
      err: `guix-ts hash: ${dir}: not a regular file (use the recursive NAR hash for folders and symlinks)\n`,
    });
    expect((await run(["hash", "-f", "base99", "x"])).code).toBe(2);
  });
});

describe("guix-ts itself", () => {
  it.each([
    [["fmtt"], 'guix-ts: unknown command "fmtt"; did you mean fmt?\n'],
    [["biuld"], 'guix-ts: unknown command "biuld"; did you mean build?\n'],
    [["frobnicate"], 'guix-ts: unknown command "frobnicate"; run `guix-ts --help` for the commands\n'],
    [["--chek"], 'guix-ts: unknown option "--chek"; run `guix-ts --help` for the commands\n'],
    [["help", "pakc"], 'guix-ts: unknown command "pakc"; did you mean pack?\n'],
  ])("%j: one line, exit 2", async (argv, err) => {
    expect(await run(argv)).toEqual({ code: 2, out: "", err });
  });

  it("--version prints the package's version; help COMMAND prints that command's usage", async () => {
    const { version } = JSON.parse(readFileSync(join(import.meta.dirname, "../package.json"), "utf8"));
    expect(await run(["--version"])).toEqual({ code: 0, out: `guix-ts ${version}\n`, err: "" });
    for (const command of ["build", "pack", "shell", "print", "fmt", "setup"]) {
      const help = await run(["help", command]);
      expect(help.code).toBe(0);
      expect(help.out).toMatch(new RegExp(`^usage: guix-ts ${command} `));
      expect(await run([command, "--help"])).toEqual(help);
    }
  });

  it.each([
    [
      ["pack", "-f", "tarbal", "x.scm"],
      'unknown --format "tarbal"; expected one of tarball, squashfs, docker, deb, rpm, appimage; did you mean tarball?',
    ],
    [
      ["pack", "-C", "gzipp", "x.scm"],
      'unknown --compression "gzipp"; expected one of gzip, lzip, xz, zstd, bzip2, none; did you mean gzip?',
    ],
    [
      ["pack", "--backend", "prot", "x.scm"],
      'unknown --backend "prot"; expected one of host, bubblewrap, proot, remote; did you mean proot?',
    ],
    [["pack", "-v", "5", "x.scm"], '--verbosity takes 0, 1, 2 or 3, got "5"'],
    [["pack", "--max-layers", "0", "x.scm"], '--max-layers takes a whole number of at least 1, got "0"'],
    [["pack", "-c", "two", "x.scm"], '--cores takes a whole number, got "two"'],
    [["pack", "-RRR", "x.scm"], "-R is given once (relocatable) or twice (-RR, fully relocatable)"],
    [["pack", "--entry-pont", "bin/x", "x.scm"], "unknown option --entry-pont; did you mean --entry-point?"],
    [["build", "--frozn"], "unknown option --frozn; did you mean --frozen?"],
    [
      ["pack", "--no-substitutes", "--substitute-urls", "https://x", "x.scm"],
      "--no-substitutes and --substitute-urls do not go together",
    ],
  ])("checks %j before anything runs", async (argv, message) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.err.split("\n")[0]).toBe(`guix-ts ${argv[0]}: ${message}`);
  });
});
