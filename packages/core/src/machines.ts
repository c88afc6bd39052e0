/**
 * Build machines for Guix's offloading: `/etc/guix/machines.scm`, a list of
 * `build-machine` records that guix-daemon's offload hook reads, to spread
 * builds over several machines.
 */
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import { int, list, real, str, sym, type Node } from "@guix-ts/scheme-printer";
import { andKeep, check, optional, problem, type Validation } from "./validation.js";
import { eachOf, kindOf, matches, text, texts } from "./validate-fields.js";
import { deepFreeze } from "./deep-freeze.js";
import { schemeFile, type SchemeFile } from "./files/scheme-file.js";

/** What `buildMachine()` takes: a `build-machine` record's fields. */
export interface BuildMachineOptions {
  /** Host name or address. */
  readonly name: string;
  /** `x86_64-linux`, `aarch64-linux`, ... */
  readonly systems: readonly string[];
  /** The machine's SSH host key: `ssh-ed25519 AAAA...`. */
  readonly hostKey: string;
  readonly user: string;
  readonly port?: number;
  /** The private key used to connect (default ~/.ssh/id_rsa on the daemon's side). */
  readonly privateKey?: string;
  readonly parallelBuilds?: number;
  readonly speed?: number;
  readonly features?: readonly string[];
}

/** A build machine, as `buildMachine()` builds it. */
export interface BuildMachine extends BuildMachineOptions {
  readonly kind: "build-machine";
}

/**
 * A machine guix-daemon may offload builds to.
 *
 * @example buildMachine({ name: "big.example.org", systems: ["x86_64-linux"], hostKey: "ssh-ed25519 AAAA...", user: "guix" })
 * // (build-machine (name "big.example.org") (systems (list "x86_64-linux")) (host-key "...") (user "guix"))
 */
export function buildMachine(options: BuildMachineOptions): BuildMachine {
  return deepFreeze({ kind: "build-machine", ...options });
}

function validateMachine(m: BuildMachine, path: string): Validation<BuildMachine> {
  if (kindOf(m) !== "build-machine") return problem(path, m, "expected buildMachine({ ... })");
  const whole = (value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): boolean =>
    Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
  return andKeep(
    m,
    check(matches(/^[A-Za-z0-9.-]+$/, m.name), `${path}.name`, m.name, "expected a host name or address"),
    check(
      Array.isArray(m.systems) && m.systems.length > 0,
      `${path}.systems`,
      m.systems,
      "expected at least one system",
    ),
    eachOf(m.systems, `${path}.systems`, (s, p) =>
      check(matches(/^[a-z0-9_]+-[a-z0-9_-]+$/, s), p, s, 'expected a system such as "x86_64-linux"'),
    ),
    check(
      matches(/^(ssh-(ed25519|rsa|dss)|ecdsa-sha2-nistp\d+) [A-Za-z0-9+/=]+( .*)?$/, m.hostKey),
      `${path}.hostKey`,
      m.hostKey,
      "expected an SSH public host key (ssh-ed25519 AAAA...)",
    ),
    check(matches(/^[a-z_][a-z0-9_-]*$/, m.user), `${path}.user`, m.user, "expected a user name"),
    optional(m.port, (p) => check(whole(p, 1, 65535), `${path}.port`, p, "expected a port from 1 to 65535")),
    optional(m.privateKey, (k) => text(k, `${path}.privateKey`, "the path of a private key")),
    optional(m.parallelBuilds, (p) =>
      check(whole(p, 1), `${path}.parallelBuilds`, p, "expected a positive whole number"),
    ),
    optional(m.speed, (s) =>
      check(typeof s === "number" && Number.isFinite(s) && s > 0, `${path}.speed`, s, "expected a positive number"),
    ),
    optional(m.features, (f) => texts(f, `${path}.features`)),
  );
}

function machineDatum(m: BuildMachine): Node {
  const field = (name: string, value: Node): Node => list([sym(name), value]);
  const fields = [
    field("name", str(m.name)),
    field("systems", list([sym("list"), ...m.systems.map((s) => str(s))])),
    field("host-key", str(m.hostKey)),
    field("user", str(m.user)),
  ];
  if (m.port !== undefined) fields.push(field("port", int(m.port)));
  if (m.privateKey !== undefined) fields.push(field("private-key", str(m.privateKey)));
  if (m.parallelBuilds !== undefined) fields.push(field("parallel-builds", int(m.parallelBuilds)));
  if (m.speed !== undefined) fields.push(field("speed", real(m.speed)));
  if (m.features !== undefined) fields.push(field("features", list([sym("list"), ...m.features.map((f) => str(f))])));
  return list([sym("build-machine"), ...fields]);
}

/**
 * `/etc/guix/machines.scm`: the machines, validated (every problem at once).
 *
 * @example await writeFile("/etc/guix/machines.scm", machinesFileE([buildMachine({ ... })]))
 */
export function machinesFileE(machines: readonly BuildMachine[]): Validation<SchemeFile> {
  return pipe(
    eachOf(machines, "machines", validateMachine),
    E.map((ms) => schemeFile([list([sym("list"), ...ms.map(machineDatum)])])),
  );
}
