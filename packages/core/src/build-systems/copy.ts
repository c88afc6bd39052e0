import { deepFreeze } from "../deep-freeze.js";
import { type InstallPlanEntry } from "../values.js";
import { buildSystem, type CommonArguments } from "./build-system.js";

export interface CopyArguments extends CommonArguments {
  /**
   * `#:install-plan`: what to copy where. A `source` ending in `/` installs
   * its contents into `target`; a directory without it installs the directory
   * itself; the filters (`include` ...) apply to directories only.
   */
  readonly installPlan?: readonly InstallPlanEntry[];
  readonly validateRunpath?: boolean;
  readonly patchShebangs?: boolean;
  readonly stripBinaries?: boolean;
}

/**
 * `copy-build-system`: install files as they are.
 *
 * @example copyBuildSystem({ installPlan: [{ source: ".", target: "." }], style: "quoted" })
 * // (build-system copy-build-system) (arguments '(#:install-plan '(("." "."))))
 */
export function copyBuildSystem(options: CopyArguments = {}) {
  const { installPlan, ...rest } = options;
  return buildSystem(
    "copy",
    {
      ...rest,
      installPlan:
        installPlan === undefined ? undefined : deepFreeze({ kind: "install-plan" as const, entries: installPlan }),
    },
    {
      installPlan: "install-plan",
      validateRunpath: "validate-runpath?",
      patchShebangs: "patch-shebangs?",
      stripBinaries: "strip-binaries?",
    },
  );
}
