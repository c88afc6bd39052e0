/**
 * Whole commands, as a user runs them, each against the program a user would run instead, both
 * measured in this run: medians of 5 runs of the built CLI (`node packages/cli/bin/guix-ts.js`),
 * wall time and peak memory (GNU time). `scripts/ensure-tools.sh bench` installs the peers.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { printDatums } from "@guix-ts/scheme-printer";
import { guileTimes } from "./guile.js";
import type { BenchResult } from "./measure.js";
import { syntheticPackages } from "./synthetic-packages.js";

const CLI = join(import.meta.dirname, "..", "packages", "cli", "bin", "guix-ts.js");
const RUNS = 5;

/** The median wall time and peak memory of `command ARGS...` over {@link RUNS} runs, its stdout to /dev/null. */
function median(command: string, args: readonly string[], shell = false): { ms: number; mb: number } {
  const runs: { ms: number; mb: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const r = spawnSync(
      "/usr/bin/time",
      ["-f", "%M", ...(shell ? ["sh", "-c", command, ...args] : [command, ...args])],
      {
        stdio: ["ignore", "ignore", "pipe"],
        encoding: "utf8",
      },
    );
    const ms = performance.now() - start;
    if (r.status !== 0) throw new Error(`${command} ${args.slice(0, 3).join(" ")}... failed: ${r.stderr.slice(-500)}`);
    runs.push({ ms, mb: Number(r.stderr.trim().split("\n").at(-1)) / 1024 });
  }
  const mid = <K extends "ms" | "mb">(k: K) => runs.map((r) => r[k]).sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
  return { ms: mid("ms"), mb: mid("mb") };
}

const guixTs = (...args: string[]) => median(process.execPath, [CLI, ...args]);

// Read every datum and write it back, laid out or not: the peer of `guix-ts fmt`, whole process.
const GUILE_FMT = String.raw`
(use-modules (ice-9 pretty-print))
(read-hash-extend #\~ (lambda (c p) (list 'gexp (read p))))
(read-hash-extend #\$ (lambda (c p) (list 'ungexp (read p))))
(read-hash-extend #\+ (lambda (c p) (list 'ungexp-native (read p))))
(define pretty? (string=? (cadr (command-line)) "pretty"))
(call-with-input-file (caddr (command-line))
  (lambda (port)
    (let loop ()
      (let ((d (read port)))
        (unless (eof-object? d)
          (if pretty? (pretty-print d) (begin (write d) (newline)))
          (loop)))))
  #:encoding "UTF-8")
`;

function trees(dir: string): { src: string; big: string; tiny: string } {
  const random = (size: number, seed: number): Buffer => {
    const b = Buffer.alloc(size);
    for (let i = 0; i + 4 <= size; i += 4) b.writeUInt32LE((Math.imul(i + seed, 2654435761) ^ (i >>> 7)) >>> 0, i);
    return b;
  };
  const src = join(dir, "src-2200");
  for (let d = 0; d < 100; d++) {
    mkdirSync(join(src, `m${d}`), { recursive: true });
    for (let f = 0; f < 22; f++)
      writeFileSync(join(src, `m${d}`, `f${f}.scm`), random(100 + (((d * 22 + f) * 7919) % 30000), f));
  }
  const tiny = join(dir, "tiny-50000");
  for (let d = 0; d < 500; d++) {
    mkdirSync(join(tiny, `d${d}`), { recursive: true });
    for (let f = 0; f < 100; f++) writeFileSync(join(tiny, `d${d}`, `f${f}`), String(d * f));
  }
  const big = join(dir, "big-300mb");
  const fd = openSync(big, "w");
  for (let i = 0; i < 300; i++) writeSync(fd, random(1024 * 1024, i));
  closeSync(fd);
  return { src, big, tiny };
}

/** A Docker archive as guix pack writes it, with one layer of `size` bytes, half of it random. */
function archive(dir: string, size: number): string {
  const image = join(dir, "image");
  mkdirSync(join(image, "layer"), { recursive: true });
  const fd = openSync(join(image, "layer", "store.bin"), "w");
  const chunk = Buffer.alloc(1024 * 1024);
  for (let mb = 0; mb < size / chunk.length; mb++) {
    if (mb % 2 === 0)
      for (let i = 0; i + 4 <= chunk.length; i += 4) chunk.writeUInt32LE(Math.imul(i + mb, 2654435761) >>> 0, i);
    else chunk.fill(`/gnu/store/${mb}-package/lib/file.so\n`);
    writeSync(fd, chunk);
  }
  closeSync(fd);
  const input = join(dir, "pack.tar.gz");
  execFileSync("sh", [
    "-c",
    'cd "$0" && tar -cf layer.tar --mtime=@1 --owner=0 --group=0 -C layer . && rm -r layer && mkdir id && mv layer.tar id/ && printf 1.0 > id/VERSION' +
      ` && printf '%s' '{"architecture":"amd64","config":{"env":["PATH=/bin"]},"os":"linux","rootfs":{"type":"layers","diff_ids":[]}}' > config.json` +
      ` && printf '%s' '[{"Config":"config.json","RepoTags":["bench:latest"],"Layers":["id/layer.tar"]}]' > manifest.json` +
      ' && tar -cf - . | gzip -1 > "$1"',
    image,
    input,
  ]);
  return input;
}

export function benchCommands(dir: string): BenchResult[] {
  const results: BenchResult[] = [];
  const add = (name: string, ours: number, peer: number, target: string, pass: boolean, peerName: string) =>
    results.push({ name, ours, peer, target, pass, peerName });

  // fmt: 10,000 packages.
  const packages = join(dir, "packages-10k.scm");
  writeFileSync(packages, printDatums(syntheticPackages(10_000)));
  const script = join(dir, "fmt.scm");
  writeFileSync(script, GUILE_FMT);
  const fmt = guixTs("fmt", packages);
  const pretty = median("guile", ["--no-auto-compile", "-s", script, "pretty", packages]);
  const write = median("guile", ["--no-auto-compile", "-s", script, "write", packages]);
  const mb = (file: string) => (readFileSync(file).length / 1024 / 1024).toFixed(1);
  add(
    `guix-ts fmt, 10,000 packages (${mb(packages)} MB)`,
    fmt.ms,
    pretty.ms,
    "at least 15x faster",
    pretty.ms / fmt.ms >= 15,
    "Guile read + pretty-print",
  );
  add("guix-ts fmt, the same file", fmt.ms, write.ms, "at most 0.5x", fmt.ms / write.ms <= 0.5, "Guile read + write");

  // fmt: modules as Guix has them (comments, blank lines), 40 MB in 580 files; a 21 MB file alone.
  const commented = readFileSync(packages, "utf8")
    .replace(/\(define-public /g, ";; A package.\n\n(define-public ")
    .replace(/\(license /g, "(license ; the license\n ");
  const modules = join(dir, "modules");
  mkdirSync(modules);
  const perModule = Math.ceil((40 * 1024 * 1024) / 580);
  const all = commented.repeat(Math.ceil((40 * 1024 * 1024) / commented.length));
  const files: string[] = [];
  for (let i = 0, at = 0; i < 580; i++) {
    const end = all.indexOf("\n\n;; A package.", at + perModule);
    const file = join(modules, `m${i}.scm`);
    writeFileSync(file, all.slice(at, end < 0 ? undefined : end + 1));
    files.push(file);
    at = end < 0 ? all.length : end + 1;
  }
  const concatenated = join(dir, "modules.scm");
  writeFileSync(concatenated, files.map((f) => readFileSync(f, "utf8")).join(""));
  const fmtModules = guixTs("fmt", ...files);
  const [guileRead] = guileTimes(dir, "read", concatenated) as [number];
  add(
    `guix-ts fmt, 580 modules (${mb(concatenated)} MB, comments)`,
    fmtModules.ms,
    guileRead,
    "at most 1.0x",
    fmtModules.ms <= guileRead,
    "Guile read, in process",
  );
  const big = join(dir, "big.scm");
  writeFileSync(big, commented.repeat(Math.ceil((21 * 1024 * 1024) / commented.length)));
  const fmtBig = guixTs("fmt", big);
  const limit = 10 * Number(mb(big)) + 100;
  add(
    `  guix-ts fmt of a ${mb(big)} MB file: ${fmtBig.ms.toFixed(0)} ms, ${fmtBig.mb.toFixed(0)} MB peak`,
    fmtBig.mb,
    limit,
    `peak at most ${limit.toFixed(0)} MB (10x + 100)`,
    fmtBig.mb <= limit,
    "",
  );

  // hash -r against nix-hash.
  const { src, big: bigFile, tiny } = trees(dir);
  for (const [what, path] of [
    ["a 2,200-file source tree", src],
    ["a 300 MB file", bigFile],
    ["50,000 tiny files", tiny],
  ] as const) {
    const ours = guixTs("hash", "-r", path);
    const nix = median("nix-hash", ["--type", "sha256", "--base32", path]);
    add(
      `guix-ts hash -r, ${what}`,
      ours.ms,
      nix.ms,
      "at most 1.0x",
      ours.ms <= nix.ms,
      "nix-hash --type sha256 --base32",
    );
  }

  // image edit against pigz (gzip where pigz is missing).
  const input = archive(join(dir, "archive"), 300 * 1024 * 1024);
  const output = join(dir, "archive", "edited.tar.gz");
  const edit = guixTs("image", "edit", input, output, "--workdir", "/srv", "--expose", "80");
  const gz = existsSync("/usr/bin/pigz") ? "pigz" : "gzip";
  const repack = median(`${gz} -dc "$0" | ${gz} -6 > "$1"`, [input, join(dir, "archive", "repacked.gz")], true);
  add(
    "guix-ts image edit, a 300 MB archive (half random)",
    edit.ms,
    repack.ms,
    "at most 1.0x",
    edit.ms <= repack.ms,
    `${gz} -dc | ${gz} -6`,
  );
  add(`  peak memory of the edit: ${edit.mb.toFixed(0)} MB`, edit.mb, 128, "at most 128 MB", edit.mb <= 128, "");

  // Start-up: the 80 ms were twice `node -e 0` (40 ms) there; the ratio is what holds from machine to machine.
  const help = guixTs("--help");
  const node = median(process.execPath, ["-e", "0"]);
  add("guix-ts --help", help.ms, node.ms, "at most 2x node -e 0", help.ms <= 2 * node.ms, "node -e 0");
  return results;
}
