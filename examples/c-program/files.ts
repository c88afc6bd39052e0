/**
 * A C program built with gnu-build-system from a release tarball (two
 * mirrors), with a patch, configure flags, a development output, and its
 * search path; Guix pinned to one commit.
 */
import {
  channelsFileE,
  gnuBuildSystem,
  guixChannel,
  guixPackage,
  manifestFileE,
  packagesToManifest,
  pkg,
  searchPath,
  urlFetch,
} from "@guix-ts/core";

export const greeter = pkg({
  name: "greeter",
  version: "2.3.1",
  source: urlFetch({
    urls: ["https://example.org/releases/greeter-2.3.1.tar.gz", "mirror://gnu/greeter/greeter-2.3.1.tar.gz"],
    sha256: "0ssi1wpaf7plaswqqjwigppsg5fyh99vdlb9kzl7c9lng89ndq1i",
    patches: ["greeter-fix-locale.patch"],
  }),
  outputs: ["out", "doc"],
  buildSystem: gnuBuildSystem({ configureFlags: ["--disable-static", "--enable-nls"], parallelTests: false }),
  nativeInputs: [guixPackage("pkg-config", "gnu packages pkg-config")],
  inputs: [guixPackage("zlib", "gnu packages compression"), [guixPackage("glib", "gnu packages glib"), "bin"]],
  nativeSearchPaths: [searchPath({ variable: "GREETER_PLUGIN_PATH", files: ["lib/greeter/plugins"] })],
  synopsis: "Print a friendly greeting",
  description: "Greeter prints a greeting in the language of the current locale.",
  homePage: "https://example.org/greeter",
  license: "gpl3+",
});

export const manifestFile = () =>
  manifestFileE({ manifest: packagesToManifest([greeter, [greeter, "doc"]]), licensePrefix: "license:" });

export const channelsFile = () =>
  channelsFileE({ channels: [guixChannel({ commit: "287aec56a53fbd66492711c375d0b39ccb6c1590" })] });
