import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import {
  CATALOG_REPL_SCRIPT,
  CatalogError,
  cacheCatalog,
  cachedCatalog,
  catalogCachePath,
  catalogFromRepl,
  catalogTypes,
  listLine,
  pinnedChannelsOf,
  readCatalog,
  readTree,
  searchPackages,
  showRecord,
  staticCatalog,
  visiblePackages,
  writeCatalog,
  type Catalog,
  type PinnedChannel,
} from "@guix-ts/catalog";
import { channel, channelsFileE, didYouMean, orThrow, writeFileAtomic } from "@guix-ts/core";
import { readLock } from "@guix-ts/pinning";
import { run as runProcess } from "@guix-ts/process";
import { parseCommand } from "../args.js";
import { GUIX_FLAGS, GUIX_FLAGS_USAGE, guixOptions } from "../guix-flags.js";
import { pinnedChannels } from "../catalog-flag.js";
import { UsageError, report } from "../errors.js";
import type { CommandIO } from "../io.js";
import { loadBuildFile, lockBeside } from "../load-module.js";

export const usage = `usage: guix-ts catalog build [SCRIPT | --channels FILE | --from DIR] [--static] [--output FILE]
       guix-ts catalog list [--catalog FILE]
       guix-ts catalog show NAME... [--catalog FILE]
       guix-ts catalog search REGEXP... [--catalog FILE]
       guix-ts catalog types [NAME...] [--catalog FILE] [--output FILE]

What one Guix provides: every package (name, version, outputs, location, module, variable), every
module's public names, every build system and the keywords it accepts.
  build     the catalogue of the channels a build script pins (SCRIPT, default ./build.ts, with the
            lock beside it; without one, those guix-ts.lock pins), of a channels file (--channels),
            or of a checkout (--from DIR). Pinned
            channels are asked of a real Guix (guix time-machine -- repl) when there is one, else
            read statically from a checkout (Guix's ~/.cache/guix/checkouts, or fetched with git);
            the result is cached by commit, where print, build, pack and lock find it
  list      one line per package, tab-separated as \`guix package -A\` prints them, then module and variable
  show      the packages of that name, as \`guix show\` does
  search    the packages whose name or synopsis match every REGEXP, as \`guix search\` does
  types     TypeScript: typed package references, specifications and outputs: a module (--output,
            default guix-packages.js) and its declarations beside it (guix-packages.d.ts); of every
            package, or of the packages NAME... (by name or variable) only
  --static          read the channels' code even when a Guix is there to ask
  --lock FILE       the lock for SCRIPT's channels (default: guix-ts.lock beside it)
  --output FILE     where to write (build: a copy of the catalogue; default guix-catalog.json with --from)
  --catalog FILE    the catalogue to read (default: guix-catalog.json here, else the one cached for
                    ./build.ts's pinned channels)

${GUIX_FLAGS_USAGE}`;

const DEFAULT = "guix-catalog.json";
const TYPES = "guix-packages.js";

/** The commit a checkout is at, when it is a git checkout. */
async function commitOf(dir: string): Promise<string | undefined> {
  return runProcess("git", ["-C", dir, "rev-parse", "HEAD"]).then(
    (out) => out.trim() || undefined,
    () => undefined,
  );
}

interface Values {
  readonly [key: string]: string | boolean | undefined;
  readonly home?: string | undefined;
  readonly backend?: string | undefined;
  readonly daemon?: string | undefined;
  readonly from?: string | undefined;
  readonly channels?: string | undefined;
  readonly lock?: string | undefined;
  readonly static?: boolean | undefined;
  readonly output?: string | undefined;
  readonly catalog?: string | undefined;
}

/** The channels to catalogue, and the channels file to give a real Guix for them. */
async function channelsToCatalog(
  values: Values,
  script: string | undefined,
): Promise<{ pinned: PinnedChannel[]; channelsText: string }> {
  if (values.channels !== undefined) {
    const text = await readFile(values.channels, "utf8").catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(`cannot read ${values.channels} (${error.code})`);
    });
    return { pinned: pinnedChannelsOf(text, values.channels), channelsText: text };
  }
  const file = script ?? "build.ts";
  const lockOnly = values.lock ?? "guix-ts.lock";
  if (script === undefined && !existsSync(file) && existsSync(lockOnly)) {
    // No build script here: the channels the lock pins.
    const lock = await readLock(lockOnly);
    const channels = Object.entries(lock.channels).map(([name, c]) =>
      channel({ name, url: c.url, commit: c.commit, ...(c.introduction ? { introduction: c.introduction } : {}) }),
    );
    return {
      pinned: pinnedChannels(channels, lock, lockOnly),
      channelsText: orThrow(channelsFileE({ channels })).text,
    };
  }
  const build = await loadBuildFile(file);
  if (build.channels === undefined || build.channels.length === 0)
    throw new UsageError(`${file} exports no channels: give --channels FILE or --from DIR`);
  const lock = await readLock(values.lock ?? lockBeside(file));
  return {
    pinned: pinnedChannels(build.channels, lock, file),
    channelsText: orThrow(channelsFileE({ channels: build.channels, lock })).text,
  };
}

/**
 * Ask a real Guix for the catalogue of these channels: `guix time-machine -C FILE -- repl -- SCRIPT`.
 * Undefined when no Guix is here (said on stderr); its failure is an error.
 */
async function askGuix(
  pinned: readonly PinnedChannel[],
  channelsText: string,
  values: Values,
  io: CommandIO,
): Promise<Catalog | undefined> {
  const { openGuix, GuixNotFound, timeMachineArgv } = await import("@guix-ts/runner");
  let guix;
  try {
    guix = await openGuix(guixOptions(values, io));
  } catch (error) {
    // Asked for a Guix (--home, --backend, --daemon): not finding it is an error, not a fallback.
    if (!(error instanceof GuixNotFound) || values.home || values.backend || values.daemon) throw error;
    io.stderr("guix-ts catalog: no Guix here to ask (guix-ts setup makes one): reading the channels' code\n");
    return undefined;
  }
  const dir = await mkdtemp(join(tmpdir(), "guix-ts-repl-"));
  try {
    await writeFile(join(dir, "channels.scm"), channelsText);
    await writeFile(join(dir, "catalog.scm"), CATALOG_REPL_SCRIPT);
    const argv = timeMachineArgv({ channels: join(dir, "channels.scm") }, ["repl", "--", join(dir, "catalog.scm")]);
    const { stdout } = await guix.run(argv, io.signal ? { signal: io.signal } : {});
    return catalogFromRepl(stdout, Object.fromEntries(pinned.map((c) => [c.name, c.commit])));
  } finally {
    await guix.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** `catalog build`: a checkout read, or pinned channels asked of Guix or read; says what was made. */
async function build(values: Values, script: string | undefined, io: CommandIO): Promise<number> {
  const started = Date.now();
  let catalog: Catalog;
  let written: string;
  if (values.from !== undefined) {
    if (values.channels !== undefined || script !== undefined)
      throw new UsageError("--from DIR reads a checkout: it does not go with --channels or a SCRIPT");
    const from = resolve(values.from);
    catalog = readTree(from, { channels: { guix: await commitOf(from) } });
    written = values.output ?? DEFAULT;
    await writeCatalog(written, catalog);
    skipped(catalog, io);
  } else {
    const { pinned, channelsText } = await channelsToCatalog(values, script);
    const cached = await cachedCatalog(pinned);
    if (cached !== undefined) {
      catalog = cached;
      io.stderr(`guix-ts catalog: already built for ${describe(pinned)}\n`);
    } else {
      catalog =
        (!values.static && (await askGuix(pinned, channelsText, values, io))) ||
        (await staticCatalog(pinned, io.signal ?? undefined));
      await cacheCatalog(pinned, catalog);
      skipped(catalog, io);
    }
    written = catalogCachePath(pinned);
    if (values.output !== undefined) {
      await writeCatalog(values.output, catalog);
      written = values.output;
    }
  }

  io.stdout(
    `${written}: ${visiblePackages(catalog).length} packages, ${Object.keys(catalog.modules).length} modules, ` +
      `${Object.keys(catalog.buildSystems).length} build systems (${Date.now() - started} ms)\n`,
  );
  return 0;
}

/** The modules a build could not read: said once, when it is made. */
const skipped = (catalog: Catalog, io: CommandIO): void =>
  catalog.problems.forEach((problem) => io.stderr(`guix-ts catalog: skipped ${problem}\n`));

const describe = (pinned: readonly PinnedChannel[]): string =>
  pinned.map((c) => `${c.name} ${c.commit.slice(0, 12)}`).join(", ");

/** The catalogue to read: --catalog, else guix-catalog.json here, else the one cached for ./build.ts (or guix-ts.lock). */
async function catalogToRead(values: Values): Promise<Catalog> {
  if (values.catalog !== undefined) return readCatalog(values.catalog);
  if (existsSync(DEFAULT)) return readCatalog(DEFAULT);
  if (existsSync("build.ts") || existsSync(values.lock ?? "guix-ts.lock")) {
    const { pinned } = await channelsToCatalog({ lock: values.lock }, undefined);
    const cached = await cachedCatalog(pinned);
    if (cached) return cached;
    throw new UsageError(`no catalogue for ${describe(pinned)} yet: run guix-ts catalog build`);
  }
  throw new UsageError(`no catalogue: give --catalog FILE, or make one with guix-ts catalog build`);
}

/** `guix-ts catalog`: 0, 1 when nothing matches or the catalogue cannot be read or written, 2 on usage errors. */
export async function run(argv: readonly string[], io: CommandIO): Promise<number> {
  const parsed = parseCommand(
    "catalog",
    argv,
    {
      from: { type: "string" },
      channels: { type: "string" },
      lock: { type: "string" },
      static: { type: "boolean" },
      output: { type: "string", short: "o" },
      catalog: { type: "string" },
      ...GUIX_FLAGS,
    },
    usage,
    io,
  );
  if (typeof parsed === "number") return parsed;
  const { values, positionals } = parsed;
  const [sub, ...rest] = positionals;
  try {
    if (sub === "build") {
      if (rest.length > 1) throw new UsageError("catalog build takes one SCRIPT");
      return await build(values, rest[0], io);
    }
    if (sub !== "list" && sub !== "show" && sub !== "search" && sub !== "types")
      throw new UsageError(
        sub === undefined
          ? "give a subcommand: build, list, show, search or types"
          : `unknown subcommand ${sub}${didYouMean(sub, ["build", "list", "show", "search", "types"])}`,
      );
    const catalog = await catalogToRead(values);
    switch (sub) {
      case "list":
        io.stdout(
          visiblePackages(catalog)
            .map((p) => `${listLine(p)}\n`)
            .join(""),
        );
        return 0;
      case "types": {
        const output = values.output ?? TYPES;
        if (!output.endsWith(".js"))
          throw new UsageError(`${output}: give a .js path: the module is written there, its types beside it (.d.ts)`);
        const chosen = only(catalog, rest);
        const { declarations, module } = catalogTypes(chosen);
        const declarationFile = output.replace(/\.js$/, ".d.ts");
        await writeFileAtomic(declarationFile, declarations);
        await writeFileAtomic(output, module);
        io.stdout(`wrote ${output} and ${declarationFile}: ${visiblePackages(chosen).length} packages\n`);
        return 0;
      }
      case "search":
        return search(catalog, rest, io);
      case "show":
        return show(catalog, rest, io);
    }
  } catch (error) {
    return report(error, "catalog", usage, io);
  }
}

/** The catalogue cut down to the packages named (by name or variable); all of it for none. */
function only(catalog: Catalog, names: readonly string[]): Catalog {
  if (names.length === 0) return catalog;
  const wanted = new Set(names);
  const packages = catalog.packages.filter(
    (p) => (p.name !== undefined && wanted.has(p.name)) || p.variables.some((v) => wanted.has(v)),
  );
  const known = new Set(packages.flatMap((p) => [p.name, ...p.variables]));
  const all = new Set(catalog.packages.flatMap((p) => [p.name ?? "", ...p.variables]));
  const missing = names.filter((n) => !known.has(n));
  if (missing.length > 0)
    throw new CatalogError(
      missing.map((n) => `no package or variable ${n} in the catalogue${didYouMean(n, all)}`).join("\n"),
    );
  return { ...catalog, packages };
}

function search(catalog: Catalog, rest: readonly string[], io: CommandIO): number {
  if (rest.length === 0) throw new UsageError("catalog search needs a REGEXP");
  const patterns = rest.map((r) => {
    try {
      return new RegExp(r, "i");
    } catch {
      throw new UsageError(`not a regular expression: ${r}`);
    }
  });
  const found = searchPackages(catalog, patterns);
  io.stdout(found.map((p) => showRecord(p)).join("\n"));
  return found.length > 0 ? 0 : 1;
}

function show(catalog: Catalog, rest: readonly string[], io: CommandIO): number {
  if (rest.length === 0) throw new UsageError("catalog show needs a NAME");
  const all = catalog.packages.filter((p) => p.name !== undefined);
  let code = 0;
  const records: string[] = [];
  for (const name of rest) {
    const [base, version] = name.split("@") as [string, string | undefined];
    const found = all.filter((p) => p.name === base && (version === undefined || p.version?.startsWith(version)));
    if (found.length === 0) {
      io.stderr(`guix-ts catalog: ${name}: package not found${didYouMean(base, new Set(all.map((p) => p.name!)))}\n`);
      code = 1;
    }
    records.push(...found.map(showRecord));
  }
  io.stdout(records.join("\n"));
  return code;
}
