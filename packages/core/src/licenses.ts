/** The licenses `(guix licenses)` exports, and the two procedures for others. */
import { list, str, sym, type Node } from "@guix-ts/scheme-printer";

// prettier-ignore
/**
 * Every license variable `(guix licenses)` exports.
 *
 * @example LICENSE_NAMES.includes("agpl3+") // true
 */
export const LICENSE_NAMES = [
  "agpl1", "agpl3", "agpl3+", "apsl2", "asl1.1", "asl2.0", "boost1.0", "bsd-0", "bsd-1", "bsd-2", "bsd-3", "bsd-4",
  "non-copyleft", "cc0", "cc-by2.0", "cc-by3.0", "cc-by4.0", "cc-by-sa2.0", "cc-by-sa3.0", "cc-by-sa4.0", "cddl1.0",
  "cddl1.1", "cecill", "cecill-b", "cecill-c", "artistic2.0", "clarified-artistic", "copyleft-next", "cpl1.0",
  "cua-opl1.0", "edl1.0", "epl1.0", "epl2.0", "eupl1.2", "expat", "freetype", "freebsd-doc", "giftware", "gpl1",
  "gpl1+", "gpl2", "gpl2+", "gpl3", "gpl3+", "gfl1.0", "fdl1.1+", "fdl1.2+", "fdl1.3+", "opl1.0+", "osl2.1", "isc",
  "ijg", "ibmpl1.0", "imlib2", "ipa", "knuth", "lal1.3", "lgpl2.0", "lgpl2.0+", "lgpl2.1", "lgpl2.1+", "lgpl3",
  "lgpl3+", "llgpl", "lppl", "lppl1.0+", "lppl1.1+", "lppl1.2", "lppl1.2+", "lppl1.3", "lppl1.3+", "lppl1.3a",
  "lppl1.3a+", "lppl1.3b", "lppl1.3b+", "lppl1.3c", "lppl1.3c+", "miros", "mpl1.0", "mpl1.1", "mpl2.0", "ms-pl",
  "ncsa", "nmap", "ogl-psi1.0", "openldap2.8", "openssl", "perl-license", "psfl", "public-domain", "qpl", "qwt1.0",
  "repoze", "ruby", "sgifreeb2.0", "silofl1.1", "sleepycat", "tcl/tk", "unicode", "unlicense", "vim", "w3c", "x11",
  "x11-style", "zpl2.1", "zlib", "fsf-free", "wtfpl2", "wxwindows3.1+", "hpnd", "fsdg-compatible",
] as const;

/** A license variable of `(guix licenses)`: `"gpl3+"`, `"expat"`, ... */
export type LicenseName = (typeof LICENSE_NAMES)[number];

/** `(non-copyleft URI [COMMENT])` or `(fsf-free URI [COMMENT])`: a license Guix does not name. */
export interface LicenseProcedure {
  readonly kind: "license-procedure";
  readonly procedure: "non-copyleft" | "fsf-free";
  readonly uri: string;
  readonly comment?: string | undefined;
}

/** A license: one `(guix licenses)` names, or `nonCopyleft(uri)` / `fsfFree(uri)`. */
export type License = LicenseName | LicenseProcedure;

const KNOWN: ReadonlySet<string> = new Set(LICENSE_NAMES);

/**
 * Whether `name` is a license `(guix licenses)` exports.
 *
 * @example isLicenseName("expat") // true; isLicenseName("MIT") // false
 */
export function isLicenseName(name: unknown): name is LicenseName {
  return typeof name === "string" && KNOWN.has(name);
}

/**
 * `(non-copyleft "https://...")`: a permissive license without a name in Guix.
 *
 * @example pkg({ ..., license: nonCopyleft("https://example.org/LICENSE") }) // (license (non-copyleft "https://example.org/LICENSE"))
 */
export function nonCopyleft(uri: string, comment?: string): LicenseProcedure {
  return Object.freeze({ kind: "license-procedure", procedure: "non-copyleft", uri, comment });
}

/**
 * `(fsf-free "https://...")`: a free license the FSF lists, without a name in Guix.
 *
 * @example pkg({ ..., license: fsfFree("https://example.org/LICENSE") }) // (license (fsf-free "https://example.org/LICENSE"))
 */
export function fsfFree(uri: string, comment?: string): LicenseProcedure {
  return Object.freeze({ kind: "license-procedure", procedure: "fsf-free", uri, comment });
}

/**
 * `(package-license VARIABLE)`: the license of another package, as a variant or a part of a
 * larger project says it.
 *
 * @example pkg({ ..., license: packageLicense("glibc") }) // (license (package-license glibc))
 */
export function packageLicense(variable: string): Node {
  return list([sym("package-license"), sym(variable)]);
}

/** The Scheme for a license, with the file's prefix (`license:`) if any. */
export function licenseDatum(license: License, prefix: string): Node {
  if (typeof license === "string") return sym(prefix + license);
  const args: Node[] = [sym(prefix + license.procedure), str(license.uri)];
  if (license.comment !== undefined) args.push(str(license.comment));
  return list(args);
}
