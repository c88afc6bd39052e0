/**
 * The damn-server example: the article's manifest, channels and Docker image, written with
 * guix-ts's builders. A build script: `guix-ts build` (`pnpm demo`) builds what it exports.
 * The Guix packages it names are typed (guix-packages.d.ts, made by
 * `guix-ts catalog types python python-uvicorn ...` from the catalogue of the pinned Guix): a
 * misspelt one does not compile.
 */
import {
  imageSpec,
  concatenateManifests,
  copyBuildSystem,
  gitFetch,
  guixChannel,
  packageVersion,
  packagesToManifest,
  pkg,
} from "@guix-ts/core";
import { specificationsToManifest } from "./guix-packages.js";

export const GUIX_COMMIT = "287aec56a53fbd66492711c375d0b39ccb6c1590";

export const damnServer = pkg({
  name: "damn-server",
  version: "master",
  source: gitFetch({
    url: "https://git.sr.ht/~qeef/damn-server",
    commit: packageVersion,
    sha256: "06wdh66phmccllf9m085br5zld773663w9bnkbfq45yihb3a88ws",
  }),
  buildSystem: copyBuildSystem({ installPlan: [{ source: ".", target: "." }], style: "quoted" }),
  synopsis: "server part of the damn project",
  description: "server part of the damn project",
  homePage: "https://damn-project.org/",
  license: "agpl3",
});

export const manifest = concatenateManifests([
  specificationsToManifest([
    "python",
    "python-uvicorn",
    "python-fastapi",
    "python-pyjwt",
    "python-requests-oauthlib",
    "python-asyncpg",
  ]),
  packagesToManifest([damnServer]),
]);

export const channels = [guixChannel({ commit: GUIX_COMMIT })];

/**
 * The image, with the article's whole Nix config: Guix's pack sets the entry point and the
 * /damn_server link; guix-ts then sets the command, working directory and port, which
 * `guix pack` cannot. uvicorn imports `damn_server.api` from its working directory, where the link is.
 */
export const image = imageSpec({
  name: "damn-server",
  tag: "latest",
  entryPoint: "bin/uvicorn",
  cmd: ["damn_server.api:app", "--host", "0.0.0.0", "--port", "80"],
  workingDir: "/",
  exposedPorts: [80],
  symlinks: [{ target: "/damn_server", source: "damn_server" }],
});
