// `guix-ts setup` over HTTP, from a server the test starts on loopback: the progress bar on a
// terminal, quiet elsewhere, one clear line for every way a download fails. Real tar; the Guix in
// the tarball is a STAND-IN (test/fixtures/stand-in-guix).
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "guix-ts";
import { makeStandInHome } from "../../../test/fixtures/stand-in-guix/home.js";

const root = mkdtempSync(join(tmpdir(), "guix-ts-setup-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("guix-ts setup over HTTP (a server on loopback)", () => {
  async function serve(
    handler: import("node:http").RequestListener,
  ): Promise<{ url: string; close: () => Promise<void> }> {
    const { createServer } = await import("node:http");
    const server = createServer(handler);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as import("node:net").AddressInfo;
    return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
  }

  it("downloads and unpacks with a progress bar on a terminal (bytes, rate, time left)", async () => {
    const staging = makeStandInHome(join(root, "staging-http"));
    const file = join(root, "guix-binary-http.tar.xz");
    execFileSync("tar", ["-cJf", file, "-C", staging, "./gnu", "./var"]);
    const body = readFileSync(file);
    const server = await serve((_, res) => {
      res.writeHead(200, { "content-length": body.length });
      res.end(body);
    });
    let err = "";
    try {
      const code = await main(
        ["setup", "--tarball", `${server.url}/guix-binary.tar.xz`, "--home", join(root, "homes", "http")],
        {
          stdout: () => undefined,
          stderr: (t) => void (err += t),
          readStdin: async () => new Uint8Array(),
          terminal: true,
        },
      );
      // Each redraw starts with \r and ESC [K (clear the line): only the line ends remain.
      // eslint-disable-next-line no-control-regex
      expect({ code, err: err.replace(/\r\x1b\[K[^\r\n]*/g, "") }).toEqual({ code: 0, err: "\n\n" });
    } finally {
      await server.close();
    }
    const size = (body.length / 2 ** 20).toFixed(1);
    expect(err).toMatch(new RegExp(`download \\[#{24}\\] 100%  ${size} MiB / ${size} MiB  [\\d.]+ MiB/s  0s left`));
    expect(err).toMatch(/unpack {3}\[#{24}\] 100%/);
    expect(existsSync(join(root, "homes", "http", "gnu", "store"))).toBe(true);
  });

  it("is quiet when not on a terminal; a bad URL, a server that is down, an empty --sha256: one clear line each", async () => {
    const server = await serve((_, res) => {
      res.writeHead(404).end();
    });
    const run = async (argv: string[]): Promise<{ code: number; err: string }> => {
      let err = "";
      const code = await main(argv, {
        stdout: () => undefined,
        stderr: (t) => void (err += t),
        readStdin: async () => new Uint8Array(),
      });
      return { code, err };
    };
    const home = join(root, "homes", "never");
    try {
      expect(await run(["setup", "--tarball", `${server.url}/missing.tar.xz`, "--home", home])).toEqual({
        code: 1,
        err: `guix-ts setup: cannot download ${server.url}/missing.tar.xz: HTTP 404 Not Found\n`,
      });
    } finally {
      await server.close();
    }
    // A port nothing listens on any more.
    const gone = await serve(() => undefined);
    await gone.close();
    expect(await run(["setup", "--tarball", `${gone.url}/guix.tar.xz`, "--home", home])).toEqual({
      code: 1,
      err: `guix-ts setup: cannot download ${gone.url}/guix.tar.xz: the server refused the connection (ECONNREFUSED)\n`,
    });
    const nowhere = await run(["setup", "--tarball", "http://nowhere.invalid/guix.tar.xz", "--home", home]);
    expect(nowhere.code).toBe(1);
    expect(nowhere.err).toMatch(
      /^guix-ts setup: cannot download http:\/\/nowhere\.invalid\/guix\.tar\.xz: .*\((ENOTFOUND|EAI_AGAIN)\)\n$/,
    );
    const empty = await run(["setup", "--tarball", "x.tar.xz", "--sha256=", "--home", home]);
    expect(empty.code).toBe(1);
    expect(empty.err).toBe(
      'guix-ts setup: --sha256 "" is not a sha256: give 64 hex digits or 52 nix-base32 characters\n',
    );
    expect(existsSync(home)).toBe(false);
  });
});
