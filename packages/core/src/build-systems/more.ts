/**
 * Typed builders for more of Guix's build systems, each with the keywords its `lower` procedure
 * takes in Guix (read off a catalogue of Guix at 4fd32c00ab), besides the common ones.
 */
import type { BuildSystem, PackageRef, Scheme } from "../values.js";
import { buildSystem, type CommonArguments, type Flags } from "./build-system.js";

/** Flags or names, as strings, or computed in Scheme. */

/** The keyword arguments of this build system, besides the common ones. */
export interface EmacsArguments extends CommonArguments {
  readonly emacs?: PackageRef;
  /** `#:include`, `#:exclude`: regexps of the files installed. */
  readonly include?: Flags;
  readonly exclude?: Flags;
  readonly testCommand?: Flags;
  readonly lispDirectory?: string;
}
/**
 * `emacs-build-system`
 *
 * @example emacsBuildSystem({ testCommand: ["make", "test"] })
 */
export const emacsBuildSystem = (options: EmacsArguments = {}): BuildSystem =>
  buildSystem("emacs", options, {
    emacs: "emacs",
    include: "include",
    exclude: "exclude",
    testCommand: "test-command",
    lispDirectory: "lisp-directory",
  });

/** The keyword arguments of this build system, besides the common ones. */
export interface RubyArguments extends CommonArguments {
  readonly ruby?: PackageRef;
  readonly gemFlags?: Flags;
}
/**
 * `ruby-build-system` (gems).
 *
 * @example rubyBuildSystem({ testTarget: "spec" })
 */
export const rubyBuildSystem = (options: RubyArguments = {}): BuildSystem =>
  buildSystem("ruby", options, { ruby: "ruby", gemFlags: "gem-flags" });

/** The keyword arguments of this build system, besides the common ones. */
export interface RArguments extends CommonArguments {
  readonly r?: PackageRef;
  /** `#:test-types`: which of R CMD check's tests to run. */
  readonly testTypes?: Flags;
}
/**
 * `r-build-system` (CRAN and Bioconductor packages).
 *
 * @example rBuildSystem({ tests: false })
 */
export const rBuildSystem = (options: RArguments = {}): BuildSystem =>
  buildSystem("r", options, { r: "r", testTypes: "test-types" });

/** The keyword arguments of this build system, besides the common ones. */
export interface PerlArguments extends CommonArguments {
  readonly perl?: PackageRef;
  readonly makeMakerFlags?: Flags;
  readonly moduleBuildFlags?: Flags;
  /** `#:make-maker?`: use Makefile.PL even where there is a Build.PL. */
  readonly makeMaker?: boolean;
}
/**
 * `perl-build-system` (CPAN modules).
 *
 * @example perlBuildSystem({ makeMakerFlags: ["INSTALLDIRS=vendor"] })
 */
export const perlBuildSystem = (options: PerlArguments = {}): BuildSystem =>
  buildSystem("perl", options, {
    perl: "perl",
    makeMakerFlags: "make-maker-flags",
    moduleBuildFlags: "module-build-flags",
    makeMaker: "make-maker?",
  });

/** What the OCaml build systems share. */
export interface OcamlCommonArguments extends CommonArguments {
  readonly ocaml?: PackageRef;
  readonly findlib?: PackageRef;
  readonly buildFlags?: Flags;
  readonly testFlags?: Flags;
  readonly installTarget?: string;
}
const OCAML = {
  ocaml: "ocaml",
  findlib: "findlib",
  buildFlags: "build-flags",
  testFlags: "test-flags",
  installTarget: "install-target",
} as const;

/** The keyword arguments of this build system, besides the common ones. */
export interface DuneArguments extends OcamlCommonArguments {
  readonly dune?: PackageRef;
  /** `#:package`: the one package of a multi-package project to build. */
  readonly package?: string;
  readonly duneReleaseFlags?: Flags;
}
/**
 * `dune-build-system` (OCaml projects built with dune).
 *
 * @example duneBuildSystem({ package: "yojson" })
 */
export const duneBuildSystem = (options: DuneArguments = {}): BuildSystem =>
  buildSystem("dune", options, { ...OCAML, dune: "dune", package: "package", duneReleaseFlags: "dune-release-flags" });

/** The keyword arguments of this build system, besides the common ones. */
export interface OcamlArguments extends OcamlCommonArguments {
  /** `#:use-make?`: build with make rather than the setup script. */
  readonly useMake?: boolean;
}
/**
 * `ocaml-build-system`
 *
 * @example ocamlBuildSystem({ useMake: true })
 */
export const ocamlBuildSystem = (options: OcamlArguments = {}): BuildSystem =>
  buildSystem("ocaml", options, { ...OCAML, useMake: "use-make?" });

/** The keyword arguments of this build system, besides the common ones. */
export interface GlibOrGtkArguments extends CommonArguments {
  readonly glib?: PackageRef;
  /** `#:glib-or-gtk-wrap-excluded-outputs`: the outputs whose programs are not wrapped. */
  readonly wrapExcludedOutputs?: Flags;
}
/**
 * `glib-or-gtk-build-system`: gnu-build-system, programs wrapped for GLib and GTK.
 *
 * @example glibOrGtkBuildSystem({ configureFlags: ["--disable-gtk-doc"] })
 */
export const glibOrGtkBuildSystem = (options: GlibOrGtkArguments = {}): BuildSystem =>
  buildSystem("glib-or-gtk", options, { glib: "glib", wrapExcludedOutputs: "glib-or-gtk-wrap-excluded-outputs" });

/** The keyword arguments of this build system, besides the common ones. */
export interface QtArguments extends CommonArguments {
  readonly qtbase?: PackageRef;
  readonly buildType?: string;
  readonly generator?: string;
  readonly testExclude?: string;
  readonly qtWrapExcludedOutputs?: Flags;
  readonly qtWrapExcludedInputs?: Flags;
}
/**
 * `qt-build-system`: cmake-build-system, programs wrapped for Qt.
 *
 * @example qtBuildSystem({ qtbase: guixPackage("qtbase", "gnu packages qt") })
 */
export const qtBuildSystem = (options: QtArguments = {}): BuildSystem =>
  buildSystem("qt", options, {
    qtbase: "qtbase",
    buildType: "build-type",
    generator: "generator",
    testExclude: "test-exclude",
    qtWrapExcludedOutputs: "qt-wrap-excluded-outputs",
    qtWrapExcludedInputs: "qt-wrap-excluded-inputs",
  });

/** The keyword arguments of this build system, besides the common ones. */
export interface AsdfArguments extends CommonArguments {
  /** The Lisp it builds for: `asdf-build-system/sbcl` and so on. */
  readonly lisp: "sbcl" | "ecl" | "clasp" | "source";
  readonly asdSystems?: Flags;
  readonly asdTestSystems?: Flags;
  readonly asdOperation?: string;
}
/**
 * `asdf-build-system/sbcl` (or `/ecl`, `/clasp`, `/source`): Common Lisp systems.
 *
 * @example asdfBuildSystem({ lisp: "sbcl", asdSystems: ["cl-ppcre"] })
 */
export const asdfBuildSystem = ({ lisp, ...options }: AsdfArguments): BuildSystem =>
  buildSystem(
    "asdf",
    options,
    { asdSystems: "asd-systems", asdTestSystems: "asd-test-systems", asdOperation: "asd-operation" },
    `asdf-build-system/${lisp}`,
  );

/** The keyword arguments of this build system, besides the common ones. */
export interface HaskellArguments extends CommonArguments {
  readonly haskell?: PackageRef;
  readonly haddock?: boolean;
  readonly haddockFlags?: Flags;
  readonly cabalRevision?: Scheme;
  readonly extraDirectories?: Flags;
}
/**
 * `haskell-build-system` (Cabal packages).
 *
 * @example haskellBuildSystem({ haddock: false })
 */
export const haskellBuildSystem = (options: HaskellArguments = {}): BuildSystem =>
  buildSystem("haskell", options, {
    haskell: "haskell",
    haddock: "haddock?",
    haddockFlags: "haddock-flags",
    cabalRevision: "cabal-revision",
    extraDirectories: "extra-directories",
  });

/** The keyword arguments of this build system, besides the common ones. */
export interface JuliaArguments extends CommonArguments {
  readonly julia?: PackageRef;
  readonly juliaPackageName?: string;
  readonly juliaPackageUuid?: string;
  readonly juliaPackageDependencies?: Scheme;
}
/**
 * `julia-build-system`
 *
 * @example juliaBuildSystem({ juliaPackageName: "JSON" })
 */
export const juliaBuildSystem = (options: JuliaArguments = {}): BuildSystem =>
  buildSystem("julia", options, {
    julia: "julia",
    juliaPackageName: "julia-package-name",
    juliaPackageUuid: "julia-package-uuid",
    juliaPackageDependencies: "julia-package-dependencies",
  });

/** The keyword arguments of this build system, besides the common ones. */
export interface AntArguments extends CommonArguments {
  readonly jdk?: PackageRef;
  readonly ant?: PackageRef;
  readonly jarName?: string;
  readonly buildTarget?: string;
  readonly sourceDir?: string;
  readonly testDir?: string;
  readonly mainClass?: string;
  readonly testInclude?: Flags;
  readonly testExclude?: Flags;
  readonly useJavaModules?: boolean;
}
/**
 * `ant-build-system` (Java).
 *
 * @example antBuildSystem({ jarName: "commons-cli.jar", sourceDir: "src/main/java" })
 */
export const antBuildSystem = (options: AntArguments = {}): BuildSystem =>
  buildSystem("ant", options, {
    jdk: "jdk",
    ant: "ant",
    jarName: "jar-name",
    buildTarget: "build-target",
    sourceDir: "source-dir",
    testDir: "test-dir",
    mainClass: "main-class",
    testInclude: "test-include",
    testExclude: "test-exclude",
    useJavaModules: "use-java-modules?",
  });

/** The keyword arguments of this build system, besides the common ones. */
export interface MavenArguments extends CommonArguments {
  readonly jdk?: PackageRef;
  readonly maven?: PackageRef;
  readonly mavenPlugins?: Scheme;
  readonly pomFile?: string;
  readonly exclude?: Scheme;
  readonly localPackages?: Scheme;
}
/**
 * `maven-build-system` (Java).
 *
 * @example mavenBuildSystem({ exclude: scheme`'(("org.apache.maven.plugins" . ("maven-enforcer-plugin")))` })
 */
export const mavenBuildSystem = (options: MavenArguments = {}): BuildSystem =>
  buildSystem("maven", options, {
    jdk: "jdk",
    maven: "maven",
    mavenPlugins: "maven-plugins",
    pomFile: "pom-file",
    exclude: "exclude",
    localPackages: "local-packages",
  });

/** The keyword arguments of this build system, besides the common ones. */
export interface TexliveArguments extends CommonArguments {
  readonly buildTargets?: Flags;
  readonly createFormats?: Flags;
  readonly linkScripts?: Flags;
  readonly texEngine?: string;
  readonly texFormat?: string;
  readonly texliveLatexBin?: boolean;
}
/**
 * `texlive-build-system` (TeX Live packages).
 *
 * @example texliveBuildSystem({ buildTargets: ["foo.ins"] })
 */
export const texliveBuildSystem = (options: TexliveArguments = {}): BuildSystem =>
  buildSystem("texlive", options, {
    buildTargets: "build-targets",
    createFormats: "create-formats",
    linkScripts: "link-scripts",
    texEngine: "tex-engine",
    texFormat: "tex-format",
    texliveLatexBin: "texlive-latex-bin?",
  });

/** The keyword arguments of this build system, besides the common ones. */
export interface FontArguments extends CommonArguments {
  readonly licenseFileRegexp?: string;
}
/**
 * `font-build-system`: font files installed where fontconfig finds them.
 *
 * @example fontBuildSystem()
 */
export const fontBuildSystem = (options: FontArguments = {}): BuildSystem =>
  buildSystem("font", options, { licenseFileRegexp: "license-file-regexp" });

/** The keyword arguments of this build system, besides the common ones. */
export interface GuileArguments extends CommonArguments {
  readonly sourceDirectory?: string;
  readonly compileFlags?: Flags;
  readonly notCompiledFileRegexp?: string;
  readonly schemeFileRegexp?: string;
  readonly documentationFileRegexp?: string;
}
/**
 * `guile-build-system`: Scheme files compiled and installed for Guile.
 *
 * @example guileBuildSystem({ sourceDirectory: "src" })
 */
export const guileBuildSystem = (options: GuileArguments = {}): BuildSystem =>
  buildSystem("guile", options, {
    sourceDirectory: "source-directory",
    compileFlags: "compile-flags",
    notCompiledFileRegexp: "not-compiled-file-regexp",
    schemeFileRegexp: "scheme-file-regexp",
    documentationFileRegexp: "documentation-file-regexp",
  });

/** The keyword arguments of this build system, besides the common ones. */
export interface ZigArguments extends CommonArguments {
  readonly zig?: PackageRef;
  readonly zigBuildFlags?: Flags;
  readonly zigTestFlags?: Flags;
  readonly zigReleaseType?: "safe" | "fast" | "small";
  readonly zigBuildTarget?: string;
  readonly installSource?: boolean;
  readonly skipBuild?: boolean;
}
/**
 * `zig-build-system`
 *
 * @example zigBuildSystem({ zigReleaseType: "safe" })
 */
export const zigBuildSystem = (options: ZigArguments = {}): BuildSystem =>
  buildSystem("zig", options, {
    zig: "zig",
    zigBuildFlags: "zig-build-flags",
    zigTestFlags: "zig-test-flags",
    zigReleaseType: "zig-release-type",
    zigBuildTarget: "zig-build-target",
    installSource: "install-source?",
    skipBuild: "skip-build?",
  });
