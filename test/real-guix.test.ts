// The runner against a real Guix, when one is here: `guix` on PATH, or a rootless home named by
// GUIX_TS_GUIX_HOME. Guix cannot be installed on the machines this project is built on, so there
// this suite is skipped; on a machine with Guix it runs the same steps the stand-in tests check.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { CATALOG_REPL_SCRIPT, catalogFromRepl } from "@guix-ts/catalog";
import { orThrow, validateImage } from "@guix-ts/core";
import * as R from "@guix-ts/runner";

const home = process.env.GUIX_TS_GUIX_HOME;
const guixOnPath = (process.env.PATH ?? "").split(":").some((dir) => dir && existsSync(join(dir, "guix")));
const realGuix = (home !== undefined && (await R.surroundings({ home })).setUp) || guixOnPath;

describe.runIf(realGuix)("a real Guix", () => {
  it("describes itself as a channels file", async () => {
    await using guix = await R.openGuix(home ? { home } : { backend: "host" });
    expect(await guix.describe()).toMatch(/\(channel\s/);
  }, 120_000);

  it("plans a docker pack of hello (dry run) with the options guix-ts writes", async () => {
    await using guix = await R.openGuix(home ? { home } : { backend: "host" });
    const lines: string[] = [];
    await guix.run(
      R.packArgv({
        format: "docker",
        packages: ["hello"],
        image: orThrow(validateImage({ entryPoint: "bin/hello" })),
        dryRun: true,
      }),
      {
        onLog: (l) => lines.push(l),
      },
    );
    expect(lines.join("\n")).toMatch(/hello|would be|nothing to be done/);
  }, 600_000);

  it("prints the exact catalogue with guix repl: hello in (gnu packages base), gnu-build-system's keywords", async () => {
    await using guix = await R.openGuix(home ? { home } : { backend: "host" });
    const dir = mkdtempSync(join(tmpdir(), "guix-ts-real-repl-"));
    try {
      writeFileSync(join(dir, "catalog.scm"), CATALOG_REPL_SCRIPT);
      const { stdout } = await guix.run(["repl", "--", join(dir, "catalog.scm")]);
      const catalog = catalogFromRepl(stdout, { guix: undefined });
      expect(catalog.packages.length).toBeGreaterThan(10_000);
      expect(catalog.packages.find((p) => p.variables.includes("hello"))).toMatchObject({
        name: "hello",
        module: "gnu packages base",
        location: expect.stringMatching(/^gnu\/packages\/base\.scm:\d+:\d+$/),
      });
      expect(catalog.modules["gnu packages base"]).toContain("hello");
      expect(catalog.modules["guix build-system python"]).toContain("pypi-uri");
      expect(catalog.buildSystems["gnu-build-system"]?.keywords).toEqual(
        expect.arrayContaining(["tests?", "configure-flags", "phases"]),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 600_000);
});

describe.runIf(!realGuix)("without a real Guix", () => {
  it("openGuix says what is missing and how to set one up", async () => {
    await expect(R.openGuix({ home: join(process.cwd(), "no-guix-home-here") })).rejects.toThrow(
      /guix-ts setup --tarball/,
    );
  });
});
