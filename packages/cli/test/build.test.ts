// `guix-ts build` end to end with a STAND-IN guix (test/fixtures/stand-in-guix) inside the real
// containers (bubblewrap, proot), the images read by the real skopeo; the no-Guix path, whose
// printed commands are run by hand with the stand-in; signals during a build; `print`.
import { execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it, onTestFinished } from "vitest";
import { runCli } from "../../../test/fixtures/cli.js";
import { makeGuixDockerArchive } from "../../../test/fixtures/guix-docker-archive.js";
import { makeStandInHome } from "../../../test/fixtures/stand-in-guix/home.js";

const BIN = join(import.meta.dirname, "../bin/guix-ts.js");
const CORE = pathToFileURL(join(import.meta.dirname, "../../core/dist/index.js")).href;
const root = mkdtempSync(join(tmpdir(), "guix-ts-build-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const SCRIPT = `import { imageSpec, specificationsToManifest } from ${JSON.stringify(CORE)};
export const manifest = specificationsToManifest(["python", "python-fastapi"]);
export const images = {
  api: imageSpec({
    name: "acme/api",
    tag: "1.2",
    entryPoint: "bin/uvicorn",
    entryPointArgs: ["app:app"],
    cmd: ["--port", "80"],
    workingDir: "/srv",
    env: { MODE: "prod" },
    exposedPorts: [80, "53/udp"],
    labels: { "org.opencontainers.image.source": "https://example.org/api" },
    user: "1000:1000",
    volumes: ["/data"],
    symlinks: [{ target: "/srv", source: "srv" }],
    maxLayers: 10,
    compression: "gzip",
  }),
  worker: imageSpec({ name: "acme/worker", entryPoint: "bin/python3", cmd: ["worker.py"] }),
};
`;

/** A folder with the build script, and a stand-in Guix home whose packs are a Guix-style archive. */
function project(name: string, config = {}): { dir: string; script: string; home: string } {
  const dir = join(root, name);
  mkdirSync(dir);
  const script = join(dir, "build.ts");
  writeFileSync(script, SCRIPT);
  const archive = join(dir, "guix-pack.tar.gz");
  makeGuixDockerArchive(archive, { files: { "bin/uvicorn": "#!/bin/sh\n" }, entryPoint: ["/gnu/store/p/bin/uvicorn"] });
  const home = makeStandInHome(join(dir, "home"), { packSource: archive, ...config });
  return { dir, script, home };
}

function inspect(archive: string): { config: Record<string, unknown>; repoTags: string[] } {
  const plain = `${archive}.tar`;
  execFileSync("sh", ["-c", 'gzip -dc < "$0" > "$1"', archive, plain]);
  const config = JSON.parse(
    execFileSync("skopeo", ["inspect", "--config", `docker-archive:${plain}`], { encoding: "utf8" }),
  );
  const manifest = JSON.parse(execFileSync("tar", ["-xOf", plain, "manifest.json"], { encoding: "utf8" }));
  return { config: config.config, repoTags: manifest[0].RepoTags };
}

const calls = (home: string): { argv: string[]; cwd: string }[] =>
  readFileSync(join(home, "var/guix/stand-in-calls.jsonl"), "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));

describe("guix-ts build (STAND-IN guix in real containers)", () => {
  it.each(["bubblewrap", "proot"])(
    "builds every image a script declares with %s: each holds every field the script set",
    async (backend) => {
      const { dir, script, home } = project(`e2e-${backend}`);
      const { code, out, err } = await runCli(["build", script, "--home", home, "--backend", backend]);
      expect({ code, err }).toEqual({ code: 0, err: "" });
      const api = join(dir, "out/acme_api-1.2.tar.gz");
      expect(out).toContain(`${api}: acme/api:1.2`);
      expect(readFileSync(join(dir, "out/manifest.scm"), "utf8")).toBe(
        '(specifications->manifest (list "python" "python-fastapi"))\n',
      );
      const [first, second] = calls(home);
      expect(first!.cwd).toBe(join(dir, "out"));
      expect(first!.argv).toEqual([
        "pack",
        "--format=docker",
        "--manifest=manifest.scm",
        "--entry-point=bin/uvicorn",
        "--entry-point-argument=app:app",
        "--image-tag=acme/api",
        "--max-layers=10",
        "--symlink=/srv=srv",
        "--compression=gzip",
      ]);
      expect(second!.argv).toContain("--image-tag=acme/worker");
      const { config, repoTags } = inspect(api);
      expect(repoTags).toEqual(["acme/api:1.2"]);
      expect(config).toMatchObject({
        Entrypoint: ["/gnu/store/p/bin/uvicorn"],
        Cmd: ["--port", "80"],
        WorkingDir: "/srv",
        ExposedPorts: { "80/tcp": {}, "53/udp": {} },
        Labels: { "org.opencontainers.image.source": "https://example.org/api" },
        User: "1000:1000",
        Volumes: { "/data": {} },
      });
      expect(config.Env).toContain("MODE=prod");
      const worker = inspect(join(dir, "out/acme_worker-latest.tar.gz"));
      expect(worker.repoTags).toEqual(["acme/worker:latest"]);
      expect(worker.config.Cmd).toEqual(["worker.py"]);
    },
    120_000,
  );

  it("passes guix pack's own options on as Guix spells them; --image picks one image", async () => {
    const { home, script } = project("options");
    const { code, err } = await runCli([
      "build",
      script,
      "--image",
      "worker",
      "--home",
      home,
      "--backend",
      "bubblewrap",
      "-RR",
      "--save-provenance",
      "-L",
      "/srv/modules",
      "--no-grafts",
      "-s",
      "aarch64-linux",
      "--target=aarch64-linux-gnu",
      "--with-commit=guile=v3.0.9",
      "--with-input=python=python@3.11",
      "--without-tests=python-fastapi",
      "--substitute-urls",
      "https://a.example https://b.example",
      "-c",
      "4",
      "-M",
      "2",
      "-K",
      "--tag",
      "acme/worker:2",
    ]);
    expect({ code, err }).toEqual({ code: 0, err: "" });
    expect(calls(home).map((c) => c.argv)).toEqual([
      [
        "pack",
        "--format=docker",
        "--manifest=manifest.scm",
        "--entry-point=bin/python3",
        "--image-tag=acme/worker",
        "-RR",
        "--save-provenance",
        "--load-path=/srv/modules",
        "--substitute-urls=https://a.example https://b.example",
        "--keep-failed",
        "--cores=4",
        "--max-jobs=2",
        "--no-grafts",
        "--system=aarch64-linux",
        "--target=aarch64-linux-gnu",
        "--with-input=python=python@3.11",
        "--with-commit=guile=v3.0.9",
        "--without-tests=python-fastapi",
      ],
    ]);
  });

  it("refuses image flags that would apply to several images, and an image the script has not", async () => {
    const { home, script } = project("refusals");
    const several = await runCli(["build", script, "--home", home, "--workdir", "/x"]);
    expect(several).toMatchObject({ code: 2 });
    expect(several.err).toContain("image options apply to one image");
    const unknown = await runCli(["build", script, "--home", home, "--image", "wroker"]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('images.wroker: "wroker": no such image; the build script has api, worker');
  });

  it("without a Guix: writes the files, prints commands that, run by hand with the stand-in, make the same image", async () => {
    const { dir, script, home } = project("by-hand");
    const saved = process.env.PATH;
    process.env.PATH = "/usr/bin:/bin";
    let result;
    try {
      result = await runCli(["build", script, "--image", "api", "--home", join(dir, "no-guix-home")]);
    } finally {
      process.env.PATH = saved;
    }
    expect(result.code).toBe(0);
    expect(result.err).toContain("no way to run Guix here");
    const lines = result.err.split("\n");
    const from = lines.findIndex((l) => l.startsWith("To build by hand"));
    const commands = lines
      .slice(from + 1)
      .filter((l) => l.startsWith("  "))
      .map((l) => l.trim());
    expect(commands[0]).toMatch(/^cd /);
    // Every file the commands name exists now.
    const out = join(dir, "out");
    for (const word of commands.join(" ").split(/[\s=]+/))
      if (/\.scm$/.test(word)) expect(existsSync(join(out, word))).toBe(true);
    // Run them as a user with Guix would: `guix pack` in proot over the stand-in home, with a stand-in
    // daemon; then guix-ts on this machine (Node does not run under proot 5.1), the pack at its host path.
    const [cd, pack, edit] = commands as [string, string, string];
    const packed = execFileSync(
      "proot",
      [
        "-b",
        `${home}/gnu:/gnu`,
        "-b",
        `${home}/var/guix:/var/guix`,
        "sh",
        "-c",
        [
          "guix-daemon --disable-chroot 2>/dev/null & daemon=$!",
          "while [ ! -S /var/guix/daemon-socket/socket ]; do sleep 0.05; done",
          `cd ${join(process.cwd(), cd.slice(3))} && ${pack} && echo "$PACK"; status=$?`,
          "kill $daemon; exit $status",
        ].join("\n"),
      ],
      {
        encoding: "utf8",
        env: { ...process.env, PATH: "/var/guix/profiles/per-user/root/current-guix/bin:/usr/bin:/bin" },
        timeout: 60_000,
      },
    ).trim();
    expect(packed).toMatch(/^\/gnu\/store\/\w+-docker-pack\.tar\.gz$/);
    const tools = join(dir, "tools");
    mkdirSync(tools);
    writeFileSync(
      join(tools, "guix-ts"),
      `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} "$@"\n`,
      {
        mode: 0o755,
      },
    );
    execFileSync("sh", ["-ec", edit], {
      cwd: out,
      env: { ...process.env, PATH: `${tools}:/usr/bin:/bin`, PACK: join(home, packed) },
      timeout: 60_000,
    });
    const byHand = join(out, "acme_api-1.2.tar.gz");
    const hashOf = (file: string): string => createHash("sha256").update(readFileSync(file)).digest("hex");
    const handHash = hashOf(byHand);
    // The same build by guix-ts itself, with the same stand-in.
    rmSync(byHand);
    const built = await runCli(["build", script, "--image", "api", "--home", home, "--backend", "proot"]);
    expect(built.code).toBe(0);
    expect(hashOf(byHand)).toBe(handHash);
  }, 120_000);

  it.each(["SIGTERM", "SIGHUP"] as const)(
    "%s during a build stops Guix and the daemon, exits 128+N, leaves no process and no temporary file",
    async (signal) => {
      const { dir, script, home } = project(`signal-${signal}`, { sleepMs: 60_000 });
      const before = new Set(readdirSync(tmpdir()));
      const child = spawn(process.execPath, [BIN, "build", script, "--home", home, "--backend", "bubblewrap"], {
        stdio: "ignore",
      });
      onTestFinished(() => void child.kill("SIGKILL")); // however the test ends, a time-out too
      const pids = join(home, "var/guix/stand-in-pids");
      // The stand-in writes "PID CHILD" in one go, but the file exists (empty) a moment before.
      while (!(existsSync(pids) && /^\d+ \d+\n$/.test(readFileSync(pids, "utf8"))))
        await new Promise((r) => setTimeout(r, 20));
      child.kill(signal);
      const code = await new Promise<number | null>((r) => child.on("exit", (c) => r(c)));
      expect(code).toBe(128 + { SIGHUP: 1, SIGTERM: 15 }[signal]);
      const alive = (pid: number): boolean => {
        try {
          process.kill(pid, 0);
          return true;
        } catch {
          return false;
        }
      };
      const started = readFileSync(pids, "utf8").trim().split(" ").map(Number);
      const daemon = readFileSync(join(home, "var/guix/stand-in-daemon.log"), "utf8");
      // The owner is gone; what it started goes with it (the group's watcher kills within a second).
      for (let i = 0; i < 100 && started.some(alive); i++) await new Promise((r) => setTimeout(r, 50));
      expect(started.filter(alive)).toEqual([]);
      expect(daemon).toMatch(/stopped/);
      expect([...readdirSync(tmpdir())].filter((f) => !before.has(f) && f.startsWith("guix-ts"))).toEqual([]);
      expect(readdirSync(join(dir, "out")).filter((f) => f.includes(".tmp"))).toEqual([]);
    },
    60_000,
  );
});

describe("guix-ts print", () => {
  it("prints the manifest a script exports, and writes nothing", async () => {
    const { dir, script } = project("print");
    const { code, out } = await runCli(["print", script, "manifest"]);
    expect(code).toBe(0);
    expect(out).toBe('(specifications->manifest (list "python" "python-fastapi"))\n');
    expect(existsSync(join(dir, "out"))).toBe(false);
    const wrong = await runCli(["print", script, "manifset"]);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain("did you mean manifest?");
  });

  it("a script's definitions: top-level (define NAME VALUE)s before the packages; a wrong export named", async () => {
    const dir = join(root, "definitions");
    mkdirSync(dir);
    const script = join(dir, "build.ts");
    const core = JSON.stringify(CORE);
    writeFileSync(
      script,
      `import { define, gnuBuildSystem, packagesToManifest, pkg, scheme } from ${core};
export const definitions = [define("%flags", scheme\`'("--disable-static")\`)];
export const manifest = packagesToManifest([
  pkg({ name: "app", version: "1", source: undefined, buildSystem: gnuBuildSystem({ configureFlags: scheme\`%flags\` }),
        synopsis: "App", description: "App.", homePage: "https://example.org", license: "expat" }),
]);
`,
    );
    const { code, out } = await runCli(["print", script, "manifest"]);
    expect(code).toBe(0);
    expect(out).toMatch(/\n\n\(define %flags\n {2}'\("--disable-static"\)\)\n\n\(define app\n/);
    expect(out).toContain("#:configure-flags %flags");
    writeFileSync(script, `export const manifest = []; export const definitions = [1];\n`);
    const wrong = await runCli(["print", script]);
    expect(wrong.err).toContain(
      `${script}: export definitions: [1]: expected a list of definitions: [define(name, value), ...]`,
    );
  });
});
