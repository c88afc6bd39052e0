// Editing Docker archives, checked by the real skopeo (Debian's, 1.9: it reads uncompressed archives only,
// so the tests decompress first) on archives laid out as guix pack lays them out, and on ones skopeo writes.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  truncateSync,
  writeFileSync,
  statSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import {
  DockerArchiveError,
  editDockerArchive as editChecked,
  type Compression,
  type EditOptions,
} from "@guix-ts/runner";
import { GuixValidationError, orThrow, validateImage, type ImageSpecOptions } from "@guix-ts/core";
import { makeGuixDockerArchive } from "../../../test/fixtures/guix-docker-archive.js";

/** The edits checked (as every caller must before editing), then applied. */
const editDockerArchive = async (input: string, output: string, edits: ImageSpecOptions, options?: EditOptions) =>
  editChecked(input, output, orThrow(validateImage(edits)), options);

const root = mkdtempSync(join(tmpdir(), "guix-ts-docker-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const file = (name: string): string => join(root, `${n++}-${name}`);

const skopeo = (...args: string[]): string =>
  execFileSync("skopeo", ["--insecure-policy", ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
const inspectConfig = (archive: string): { config: Record<string, unknown>; rootfs: { diff_ids: string[] } } =>
  JSON.parse(skopeo("inspect", "--config", `docker-archive:${archive}`));

/** List a tar archive's files with GNU tar, uncompressing it as tar does. */
const tarList = (archive: string): string[] =>
  execFileSync("tar", ["-tf", archive], { encoding: "utf8" }).trim().split("\n");
const sha = (path: string): string => createHash("sha256").update(readFileSync(path)).digest("hex");

function guixArchive(compress: "gzip" | "none" | "zstd" | "xz" = "gzip"): string {
  const path = file(`guix.tar${compress === "none" ? "" : `.${compress}`}`);
  makeGuixDockerArchive(path, {
    files: { "bin/uvicorn": '#!/bin/sh\nexec python -m uvicorn "$@"\n', "damn_server/api.py": "app = None\n" },
    entryPoint: ["/gnu/store/aaaa-profile/bin/uvicorn", "damn_server.api:app"],
    env: {
      PATH: "/gnu/store/aaaa-profile/bin",
      GUIX_PYTHONPATH: "/gnu/store/aaaa-profile/lib/python3.10/site-packages",
    },
    repository: "damn-docker-nix-guix_api",
    compress,
  });
  return path;
}

const damnServer = {
  name: "damn-server",
  tag: "2024.1",
  workingDir: "/damn_server",
  exposedPorts: [80],
  env: { PYTHONUNBUFFERED: "1" },
  cmd: ["--host", "0.0.0.0", "--port", "80"],
  labels: { "org.opencontainers.image.source": "https://git.sr.ht/~qeef/damn-server" },
  user: "1000:1000",
  volumes: ["/data"],
};

describe("editDockerArchive", () => {
  it("sets what guix pack cannot, and skopeo reads every field", async () => {
    const out = file("out.tar");
    const result = await editDockerArchive(guixArchive(), out, damnServer, { compression: "none" });
    const config = inspectConfig(out);
    expect(config.config).toEqual({
      Env: [
        "PATH=/gnu/store/aaaa-profile/bin",
        "GUIX_PYTHONPATH=/gnu/store/aaaa-profile/lib/python3.10/site-packages",
        "PYTHONUNBUFFERED=1",
      ],
      Entrypoint: ["/gnu/store/aaaa-profile/bin/uvicorn", "damn_server.api:app"],
      Cmd: ["--host", "0.0.0.0", "--port", "80"],
      WorkingDir: "/damn_server",
      ExposedPorts: { "80/tcp": {} },
      Labels: { "org.opencontainers.image.source": "https://git.sr.ht/~qeef/damn-server" },
      User: "1000:1000",
      Volumes: { "/data": {} },
    });
    expect(result.repoTag).toBe("damn-server:2024.1");
    const manifest = JSON.parse(execFileSync("tar", ["-xOf", out, "manifest.json"], { encoding: "utf8" }));
    expect(manifest[0].RepoTags).toEqual(["damn-server:2024.1"]);
    expect(manifest[0].Config).toBe(result.config);
    expect(result.config).toBe(
      `${createHash("sha256")
        .update(execFileSync("tar", ["-xOf", out, result.config]))
        .digest("hex")}.json`,
    );
    const oci = join(root, `oci-${n++}`);
    skopeo("copy", `docker-archive:${out}`, `oci:${oci}:damn-server`);
    expect(existsSync(join(oci, "index.json"))).toBe(true);
  });

  it.each<Compression>(["gzip", "zstd", "xz", "none"])("reads and writes %s archives", async (compression) => {
    const out = file(`out.${compression}`);
    expect((await editDockerArchive(guixArchive(compression), out, { workingDir: "/w" })).compression).toBe(
      compression,
    );
    const plain = file("plain.tar");
    execFileSync("sh", [
      "-c",
      `${{ gzip: "gzip -dc", zstd: "zstd -dcq", xz: "xz -dc", none: "cat" }[compression]} < "$0" > "$1"`,
      out,
      plain,
    ]);
    expect(inspectConfig(plain).config.WorkingDir).toBe("/w");
  });

  it("edits archives that skopeo writes from an OCI layout", async () => {
    const plain = file("guix.tar");
    execFileSync("sh", ["-c", `gzip -dc < "$0" > "$1"`, guixArchive(), plain]);
    const oci = join(root, `oci-${n++}`);
    skopeo("copy", `docker-archive:${plain}`, `oci:${oci}:app`);
    const fromOci = file("skopeo.tar");
    skopeo("copy", `oci:${oci}:app`, `docker-archive:${fromOci}:example/app:1`);
    const out = file("out.tar");
    await editDockerArchive(fromOci, out, { tag: "2", exposedPorts: ["53/udp"], user: "nobody" });
    const config = inspectConfig(out);
    expect(config.config).toMatchObject({ ExposedPorts: { "53/udp": {} }, User: "nobody" });
    expect(JSON.parse(execFileSync("tar", ["-xOf", out, "manifest.json"], { encoding: "utf8" }))[0].RepoTags).toEqual([
      "docker.io/example/app:2",
    ]);
  });

  it("keeps layers byte for byte, and gives the same bytes for the same input and edits", async () => {
    const input = guixArchive("none");
    const [a, b] = [file("a.tar"), file("b.tar")];
    await editDockerArchive(input, a, damnServer);
    await editDockerArchive(input, b, damnServer);
    expect(sha(a)).toBe(sha(b));
    const layer = tarList(input).find((f) => f.endsWith("layer.tar"))!;
    const layerIn = execFileSync("tar", ["-xOf", input, layer]);
    const layerOut = execFileSync("tar", ["-xOf", a, layer.replace(/^\.\//, "")]);
    expect(createHash("sha256").update(layerOut).digest("hex")).toBe(
      createHash("sha256").update(layerIn).digest("hex"),
    );
    expect(inspectConfig(a).rootfs.diff_ids).toEqual(inspectConfig(input).rootfs.diff_ids);
    // Editing the result again with the same edits changes nothing more.
    const c = file("c.tar");
    await editDockerArchive(a, c, damnServer);
    expect(sha(c)).toBe(sha(a));
  });

  it("property: random edits give a config that shows exactly them", async () => {
    const input = guixArchive("none");
    const edits = fc.record(
      {
        tag: fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,10}$/),
        workingDir: fc.stringMatching(/^\/[a-z]{1,8}(\/[a-z0-9]{1,8}){0,2}$/),
        env: fc.dictionary(
          fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,8}$/),
          fc.string({ maxLength: 12 }).filter((s) => !s.includes("\0")),
          { maxKeys: 3 },
        ),
        exposedPorts: fc.uniqueArray(fc.integer({ min: 1, max: 65535 }), { maxLength: 3 }),
        labels: fc.dictionary(fc.stringMatching(/^[a-z][a-z.]{0,10}$/), fc.string({ maxLength: 10 }), { maxKeys: 3 }),
        cmd: fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }),
        user: fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(edits, async (e) => {
        const out = file("prop.tar");
        await editDockerArchive(input, out, e);
        const cfg = inspectConfig(out).config;
        if (e.workingDir !== undefined) expect(cfg.WorkingDir).toBe(e.workingDir);
        if (e.user !== undefined) expect(cfg.User).toBe(e.user);
        if (e.cmd !== undefined) expect(cfg.Cmd ?? []).toEqual(e.cmd);
        for (const [k, v] of Object.entries(e.env ?? {})) expect(cfg.Env).toContain(`${k}=${v}`);
        for (const p of e.exposedPorts ?? []) expect(cfg.ExposedPorts).toHaveProperty([`${p}/tcp`]);
        expect(cfg.Labels ?? {}).toEqual(e.labels ?? {});
        rmSync(out);
      }),
      { numRuns: 25 },
    );
  });

  it.each([
    ["truncated", (p: string) => truncateSync(p, Math.floor(statSync(p).size / 2)), /corrupt archive/],
    ["not an archive", (p: string) => writeFileSync(p, "hello, world"), /not a tar archive/],
    ["wrong JSON", (p: string) => rewrite(p, "manifest.json", "{not json"), /manifest\.json is not valid JSON/],
    [
      "a missing layer",
      (p: string) => rewrite(p, "manifest.json", '[{"Config":"config.json","Layers":["nope/layer.tar"]}]'),
      /layer nope\/layer\.tar listed in manifest\.json is missing/,
    ],
    ["a missing config", (p: string) => rewrite(p, "config.json", null), /no config\.json in the archive/],
  ])("fails clearly on %s and leaves no output", async (_, damage, message) => {
    const input = guixArchive("gzip");
    damage(input);
    const out = file("bad.tar.gz");
    await expect(editDockerArchive(input, out, { workingDir: "/w" })).rejects.toThrow(message);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(root).filter((f) => f.includes(".tmp"))).toEqual([]);
  });

  it("rejects invalid edits before reading anything (the check every caller makes first)", async () => {
    await expect(
      editDockerArchive("/nonexistent", file("x"), { workingDir: "relative", exposedPorts: ["80/http"], tag: "-bad" }),
    ).rejects.toThrow(GuixValidationError);
    await expect(editDockerArchive(join(root, "missing.tar"), file("x"), {})).rejects.toThrow(DockerArchiveError);
  });
});

/** Replace (or, with null, remove) a top-level file of a gzip archive. */
function rewrite(archive: string, name: string, content: string | null): void {
  const dir = mkdtempSync(join(root, "unpack-"));
  execFileSync("tar", ["-xzf", archive, "-C", dir]);
  if (content === null) rmSync(join(dir, name));
  else writeFileSync(join(dir, name), content);
  execFileSync("sh", ["-c", `tar -cf - -C "$0" . | gzip -9n > "$1"`, dir, archive]);
  rmSync(dir, { recursive: true, force: true });
}
