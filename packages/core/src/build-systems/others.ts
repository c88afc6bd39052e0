/** Typed builders for the common build systems, each with its usual keywords. */
import type { BuildSystem, PackageRef, Scheme } from "../values.js";
import { buildSystem, type CommonArguments, type Flags } from "./build-system.js";

export interface GnuArguments extends CommonArguments {
  /** `#:patch-shebangs?` */
  readonly patchShebangs?: boolean;
  /** `#:bootstrap-scripts`: what the bootstrap phase runs. */
  readonly bootstrapScripts?: Flags;
  /** `#:license-file-regexp` */
  readonly licenseFileRegexp?: string;
  /** `#:make-dynamic-linker-cache?` */
  readonly makeDynamicLinkerCache?: boolean;
}
const GNU = {
  patchShebangs: "patch-shebangs?",
  bootstrapScripts: "bootstrap-scripts",
  licenseFileRegexp: "license-file-regexp",
  makeDynamicLinkerCache: "make-dynamic-linker-cache?",
} as const;

/**
 * `gnu-build-system`: `./configure && make && make check && make install`.
 *
 * @example gnuBuildSystem({ configureFlags: ["--disable-static"], tests: false })
 */
export const gnuBuildSystem = (options: GnuArguments = {}): BuildSystem => buildSystem("gnu", options, GNU);

export interface CmakeArguments extends CommonArguments {
  readonly buildType?: string;
  /** `#:generator`: `"Ninja"` or `"Unix Makefiles"`. */
  readonly generator?: string;
  /** `#:test-exclude`: a regexp of the tests not to run. */
  readonly testExclude?: string;
}
/**
 * `cmake-build-system`
 *
 * @example cmakeBuildSystem({ configureFlags: ["-DBUILD_TESTING=OFF"], buildType: "Release" })
 */
export const cmakeBuildSystem = (options: CmakeArguments = {}): BuildSystem =>
  buildSystem("cmake", options, { buildType: "build-type", generator: "generator", testExclude: "test-exclude" });

export interface MesonArguments extends CommonArguments {
  readonly buildType?: string;
  /** `#:test-options` */
  readonly testOptions?: Flags;
}
/**
 * `meson-build-system`
 *
 * @example mesonBuildSystem({ configureFlags: ["-Ddocs=false"] })
 */
export const mesonBuildSystem = (options: MesonArguments = {}): BuildSystem =>
  buildSystem("meson", options, { buildType: "build-type", testOptions: "test-options" });

export interface PythonArguments extends CommonArguments {
  readonly useSetuptools?: boolean;
}
/**
 * `python-build-system` (setup.py).
 *
 * @example pythonBuildSystem({ tests: false })
 */
export const pythonBuildSystem = (options: PythonArguments = {}): BuildSystem =>
  buildSystem("python", options, { useSetuptools: "use-setuptools?" });

export interface PyprojectArguments extends CommonArguments {
  readonly buildBackend?: string;
  /** `#:backend-path`: where an in-tree build backend is. */
  readonly backendPath?: Flags;
  readonly testBackend?: Scheme;
  readonly testFlags?: Flags;
}
/**
 * `pyproject-build-system` (PEP 517).
 *
 * @example pyprojectBuildSystem({ testFlags: ["-k", "not network"] })
 */
export const pyprojectBuildSystem = (options: PyprojectArguments = {}): BuildSystem =>
  buildSystem("pyproject", options, {
    buildBackend: "build-backend",
    backendPath: "backend-path",
    testBackend: "test-backend",
    testFlags: "test-flags",
  });

export interface NodeArguments extends CommonArguments {
  /** `#:node`: the Node.js package to build with. */
  readonly node?: PackageRef;
}
/**
 * `node-build-system` (npm packages).
 *
 * @example nodeBuildSystem({ node: guixPackage("node-lts", "gnu packages node"), tests: false })
 */
export const nodeBuildSystem = (options: NodeArguments = {}): BuildSystem =>
  buildSystem("node", options, { node: "node" });

export interface GoArguments extends CommonArguments {
  readonly importPath: string;
  readonly unpackPath?: string;
  readonly installSource?: boolean;
  readonly buildFlags?: Flags;
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
  /** The old style's `#:cargo-inputs` (Guix warns on it since 2025: give `inputs: [cargoInputs("name")]` instead). */
  readonly cargoInputs?: Scheme;
  readonly cargoDevelopmentInputs?: Scheme;
  readonly installSource?: boolean;
  readonly cargoBuildFlags?: Flags;
  readonly cargoTestFlags?: Flags;
  /** `#:features`: the crate features to build with. */
  readonly features?: Flags;
  /** `#:cargo-install-paths` */
  readonly cargoInstallPaths?: Flags;
  /** `#:cargo-package-crates`: the workspace's crates to package. */
  readonly cargoPackageCrates?: Flags;
  /** `#:skip-build?` */
  readonly skipBuild?: boolean;
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
    features: "features",
    cargoInstallPaths: "cargo-install-paths",
    cargoPackageCrates: "cargo-package-crates",
    skipBuild: "skip-build?",
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
