// `guix-ts image edit` on an archive laid out as guix pack lays it out, read back by the real skopeo.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../../test/fixtures/cli.js";
import { makeGuixDockerArchive } from "../../../test/fixtures/guix-docker-archive.js";

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
