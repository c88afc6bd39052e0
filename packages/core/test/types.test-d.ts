// Wrong builder input does not compile.
import { describe, expectTypeOf, it } from "vitest";
import * as G from "@guix-ts/core";

describe("builder types", () => {
  it("takes only license names that (guix licenses) exports", () => {
    expectTypeOf<"gpl3+">().toMatchTypeOf<G.LicenseName>();
    expectTypeOf<"gpl-3">().not.toMatchTypeOf<G.LicenseName>();
    expectTypeOf(G.nonCopyleft("https://example.org")).toMatchTypeOf<G.License>();
  });

  it("requires a package's metadata", () => {
    // @ts-expect-error: synopsis, description, homePage and license are missing
    G.pkg({ name: "x", version: "1", source: undefined, buildSystem: G.copyBuildSystem() });
  });

  it("types build system keywords", () => {
    // @ts-expect-error: tests? is a boolean
    G.gnuBuildSystem({ tests: "no" });
    // @ts-expect-error: an install plan entry needs a target
    G.copyBuildSystem({ installPlan: [{ source: "." }] });
    // @ts-expect-error: go-build-system needs its import path
    G.goBuildSystem({});
    expectTypeOf(G.cmakeBuildSystem({ buildType: "Release" })).toEqualTypeOf<G.BuildSystem>();
  });

  it("takes packages, Guix's packages, outputs and Scheme as inputs, nothing else", () => {
    expectTypeOf<[G.GuixPackage, "bin"]>().toMatchTypeOf<G.PackageInput>();
    expectTypeOf<string>().not.toMatchTypeOf<G.PackageInput>();
    expectTypeOf<number>().not.toMatchTypeOf<G.PackageInput>();
  });

  it("returns Either from the E variants and a file from the throwing ones", () => {
    expectTypeOf(G.manifestFileE).returns.toEqualTypeOf<G.Validation<G.SchemeFile>>();
    expectTypeOf(G.manifestFile).returns.toEqualTypeOf<G.SchemeFile>();
  });
});
