// `guix-ts image edit` on an archive laid out as guix pack lays it out, read back by the real skopeo.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../../test/fixtures/cli.js";
import { makeGuixDockerArchive } from "../../../test/fixtures/guix-docker-archive.js";

const BIN = join(import.meta.dirname, "../bin/guix-ts.js");
const root = mkdtempSync(join(tmpdir(), "guix-ts-image-cli-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function guixArchive(): string {
  const path = join(root, "guix.tar.gz");
  makeGuixDockerArchive(path, { files: { "bin/uvicorn": "#!/bin/sh\n" }, entryPoint: ["/gnu/store/p/bin/uvicorn"] });
  return path;
}

const inspectConfig = (archive: string): { config: Record<string, unknown> } =>
  JSON.parse(
    execFileSync("skopeo", ["--insecure-policy", "inspect", "--config", `docker-archive:${archive}`], {
      encoding: "utf8",
    }),
  );

describe("guix-ts image edit", () => {
  it("edits an archive from the command line", async () => {
    const output = join(root, "cli.tar");
    const { code, out, err } = await runCli([
      "image",
      "edit",
      guixArchive(),
      output,
      "--workdir",
      "/damn_server",
      "--env",
      "A=1",
      "--expose",
      "80/tcp",
      "--label",
      "k=v",
      "--user",
      "1000",
      "--cmd",
      "x",
      "--cmd",
      "y",
      "--tag",
      "damn:1",
      "--compression",
      "none",
    ]);
    expect({ code, err }).toEqual({ code: 0, err: "" });
    expect(out).toContain("damn:1");
    expect(inspectConfig(output).config).toMatchObject({
      WorkingDir: "/damn_server",
      Cmd: ["x", "y"],
      User: "1000",
      Labels: { k: "v" },
      ExposedPorts: { "80/tcp": {} },
    });
    const bad = await runCli(["image", "edit", guixArchive(), join(root, "x"), "--expose", "http"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("image.exposedPorts[0]");
    expect((await runCli(["image", "edit", join(root, "none.tar"), join(root, "x")])).code).toBe(1);
  });
});

let slow: string | undefined;
/** An archive whose edit takes a while (a large random layer), made once. */
function slowArchive(): string {
  if (slow !== undefined) return slow;
  const dir = mkdtempSync(join(root, "slow-"));
  makeGuixDockerArchive(join(dir, "base.tar"), { files: { "bin/x": "x" }, entryPoint: ["/x"], compress: "none" });
  execFileSync("sh", [
    "-c",
    'cd "$0" && mkdir t && tar -xf base.tar -C t && head -c 60000000 /dev/urandom > t/blob && tar -cf - -C t . | gzip -1 > slow.tar.gz',
    dir,
  ]);
  return (slow = join(dir, "slow.tar.gz"));
}

/** A Docker archive crafted with Python's tarfile: each entry a name and its bytes (or a symlink/hard link). */
function craft(path: string, entries: Record<string, string>, gzip = true): string {
  const script = `
import io, json, sys, tarfile
entries = json.loads(sys.argv[2])
with tarfile.open(sys.argv[1], "w:gz" if sys.argv[3] == "1" else "w") as t:
    for name, data in entries.items():
        info = tarfile.TarInfo(name)
        b = data.encode()
        info.size = len(b)
        t.addfile(info, io.BytesIO(b))
`;
  execFileSync("/usr/bin/python3", ["-c", script, path, JSON.stringify(entries), gzip ? "1" : "0"]);
  return path;
}

const layer = "layer.tar";
const good = (manifest: unknown, config: unknown = { config: {} }) => ({
  "manifest.json": JSON.stringify(manifest),
  "config.json": JSON.stringify(config),
  [`abc/${layer}`]: "",
});

describe("guix-ts image edit refuses what it cannot edit, in one line, and writes nothing", () => {
  it.each([
    ["an empty tag", ["--tag", ""], 2, /image\.name: "": expected a repository name/],
    ["a tag with a newline", ["--tag", "app:1\n2"], 2, /image\.tag: "1\\n2": expected a tag/],
    ["a name with a newline", ["--tag", "ap\np:1"], 2, /image\.name: "ap\\np": expected a repository name/],
  ])("%s", async (_, flags, code, message) => {
    const out = join(root, "refused.tar");
    const result = await runCli(["image", "edit", guixArchive(), out, ...(flags as string[])]);
    expect(result.code).toBe(code);
    expect(result.err).toMatch(message as RegExp);
    expect(result.err).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it.each([
    [
      "an entry climbing out of the archive",
      { ...good([{ Config: "config.json", Layers: [`abc/${layer}`] }]), "../evil": "x" },
      /unsafe entry name "\.\.\/evil"/,
    ],
    [
      "Layers that are not names",
      good([{ Config: "config.json", Layers: [1] }]),
      /manifest\.json: Layers is not a list of file names/,
    ],
    [
      "RepoTags that are not names",
      good([{ Config: "config.json", Layers: [`abc/${layer}`], RepoTags: [1] }]),
      /RepoTags is not a list of names/,
    ],
    [
      "a null config",
      good([{ Config: "config.json", Layers: [`abc/${layer}`] }], null),
      /config\.json: the image config is not a JSON object/,
    ],
    ["an entry that is not an object", good([1]), /manifest\.json: its entry is not an object/],
  ])("%s", async (_, entries, message) => {
    const input = craft(
      join(root, `bad-${Math.random().toString(36).slice(2)}.tar.gz`),
      entries as Record<string, string>,
    );
    const out = join(root, "bad-out.tar");
    const result = await runCli(["image", "edit", input, out, "--tag", "x:1"]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(message);
    expect(result.err.trim().split("\n")).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });

  it("a gzip that is not a tar, and an output in a missing folder", async () => {
    const notTar = join(root, "not-tar.gz");
    execFileSync("sh", ["-c", 'echo "just text" | gzip > "$0"', notTar]);
    const a = await runCli(["image", "edit", notTar, join(root, "x.tar"), "--tag", "x:1"]);
    expect(a.code).toBe(1);
    expect(a.err.trim().split("\n")).toHaveLength(1);
    const b = await runCli(["image", "edit", guixArchive(), join(root, "none", "out.tar"), "--tag", "x:1"]);
    expect(b.code).toBe(1);
    expect(b.err).toMatch(/out\.tar: its folder .* cannot be used \(ENOENT\)/);
  });

  it.each(["SIGTERM", "SIGINT", "SIGHUP"] as const)(
    "on %s in the middle of an edit, exits 128+N and leaves no temporary file",
    async (signal) => {
      const dir = mkdtempSync(join(root, "signal-"));
      const out = join(dir, "out.tar.gz");
      const child = spawn(process.execPath, [BIN, "image", "edit", slowArchive(), out, "--tag", "x:1"], {
        stdio: "ignore",
      });
      // Signal once the edit is under way: its temporary file is there.
      while (!readdirSync(dir).some((f) => f.endsWith(".tmp"))) await new Promise((r) => setTimeout(r, 20));
      child.kill(signal);
      const code = await new Promise<number | null>((r) => child.on("exit", (c) => r(c)));
      expect(code).toBe(128 + { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 }[signal]);
      expect(readdirSync(dir)).toEqual([]);
    },
    60_000,
  );
});
