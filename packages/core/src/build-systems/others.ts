/** Typed builders for the common build systems, each with its usual keywords. */
import type { BuildSystem, PackageRef, Scheme } from "../values.js";
import { buildSystem, type CommonArguments } from "./build-system.js";

export interface GnuArguments extends CommonArguments {
  readonly configureFlags?: readonly string[] | Scheme;
  readonly makeFlags?: readonly string[] | Scheme;
  readonly testTarget?: string;
  readonly parallelBuild?: boolean;
  readonly parallelTests?: boolean;
  readonly outOfSource?: boolean;
}
const GNU = {
  configureFlags: "configure-flags",
  makeFlags: "make-flags",
  testTarget: "test-target",
  parallelBuild: "parallel-build?",
  parallelTests: "parallel-tests?",
  outOfSource: "out-of-source?",
} as const;

/**
 * `gnu-build-system`: `./configure && make && make check && make install`.
 *
 * @example gnuBuildSystem({ configureFlags: ["--disable-static"], tests: false })
 */
export const gnuBuildSystem = (options: GnuArguments = {}): BuildSystem => buildSystem("gnu", options, GNU);

export interface CmakeArguments extends CommonArguments {
  readonly configureFlags?: readonly string[] | Scheme;
  readonly buildType?: string;
  readonly testTarget?: string;
}
/**
 * `cmake-build-system`
 *
 * @example cmakeBuildSystem({ configureFlags: ["-DBUILD_TESTING=OFF"], buildType: "Release" })
 */
export const cmakeBuildSystem = (options: CmakeArguments = {}): BuildSystem =>
  buildSystem("cmake", options, {
    configureFlags: "configure-flags",
    buildType: "build-type",
    testTarget: "test-target",
  });

export interface MesonArguments extends CommonArguments {
  readonly configureFlags?: readonly string[] | Scheme;
  readonly buildType?: string;
}
/**
 * `meson-build-system`
 *
 * @example mesonBuildSystem({ configureFlags: ["-Ddocs=false"] })
 */
export const mesonBuildSystem = (options: MesonArguments = {}): BuildSystem =>
  buildSystem("meson", options, { configureFlags: "configure-flags", buildType: "build-type" });

export interface PythonArguments extends CommonArguments {
  readonly testTarget?: string;
  readonly useSetuptools?: boolean;
}
/**
 * `python-build-system` (setup.py).
 *
 * @example pythonBuildSystem({ tests: false })
 */
export const pythonBuildSystem = (options: PythonArguments = {}): BuildSystem =>
  buildSystem("python", options, { testTarget: "test-target", useSetuptools: "use-setuptools?" });

export interface PyprojectArguments extends CommonArguments {
  readonly configureFlags?: Scheme;
  readonly buildBackend?: string;
  readonly testBackend?: Scheme;
  readonly testFlags?: readonly string[] | Scheme;
}
/**
 * `pyproject-build-system` (PEP 517).
 *
 * @example pyprojectBuildSystem({ testFlags: ["-k", "not network"] })
 */
export const pyprojectBuildSystem = (options: PyprojectArguments = {}): BuildSystem =>
  buildSystem("pyproject", options, {
    configureFlags: "configure-flags",
    buildBackend: "build-backend",
    testBackend: "test-backend",
    testFlags: "test-flags",
  });

export interface NodeArguments extends CommonArguments {
  /** `#:node`: the Node.js package to build with. */
  readonly node?: PackageRef;
  readonly testTarget?: string;
}
/**
 * `node-build-system` (npm packages).
 *
 * @example nodeBuildSystem({ node: guixPackage("node-lts", "gnu packages node"), tests: false })
 */
export const nodeBuildSystem = (options: NodeArguments = {}): BuildSystem =>
  buildSystem("node", options, { node: "node", testTarget: "test-target" });

export interface GoArguments extends CommonArguments {
  readonly importPath: string;
  readonly unpackPath?: string;
  readonly installSource?: boolean;
  readonly buildFlags?: readonly string[] | Scheme;
}
/**
 * `go-build-system`
 *
 * @example goBuildSystem({ importPath: "github.com/example/tool" })
 */
export const goBuildSystem = (options: GoArguments): BuildSystem =>
  buildSystem("go", options, {
    importPath: "import-path",
    unpackPath: "unpack-path",
    installSource: "install-source?",
    buildFlags: "build-flags",
  });

export interface CargoArguments extends CommonArguments {
  readonly cargoInputs?: Scheme;
  readonly cargoDevelopmentInputs?: Scheme;
  readonly installSource?: boolean;
  readonly cargoBuildFlags?: readonly string[] | Scheme;
  readonly cargoTestFlags?: readonly string[] | Scheme;
}
/**
 * `cargo-build-system`
 *
 * @example cargoBuildSystem({ installSource: false })
 */
export const cargoBuildSystem = (options: CargoArguments = {}): BuildSystem =>
  buildSystem("cargo", options, {
    cargoInputs: "cargo-inputs",
    cargoDevelopmentInputs: "cargo-development-inputs",
    installSource: "install-source?",
    cargoBuildFlags: "cargo-build-flags",
    cargoTestFlags: "cargo-test-flags",
  });

/** The arguments of `trivial-build-system`: a builder gexp, nothing else. */
export interface TrivialArguments extends Omit<CommonArguments, "tests" | "phases"> {
  /** `#:builder`: the build as a gexp. */
  readonly builder: Scheme;
}
/**
 * `trivial-build-system`: a builder gexp, nothing else.
 *
 * @example trivialBuildSystem({ builder: scheme`#~(mkdir #$output)` })
 */
export const trivialBuildSystem = (options: TrivialArguments): BuildSystem =>
  buildSystem("trivial", options, { builder: "builder" });
