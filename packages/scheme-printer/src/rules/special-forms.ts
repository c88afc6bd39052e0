/**
 * Forms laid out like Emacs' `scheme-indent-function`: the head and its first
 * `lead` arguments on one line, then the rest indented 2 from the parenthesis.
 * Guix's `%special-forms` (guix/read-print.scm); `lead` is its number minus 1.
 * An entry with `within` applies only inside a form with that head.
 */
import { within, type Context } from "./context.js";

export interface SpecialForm {
  readonly lead: number;
  readonly within?: string;
}

const lead = (n: number): readonly SpecialForm[] => [{ lead: n }];

export const SPECIAL_FORMS: ReadonlyMap<string, readonly SpecialForm[]> = new Map(
  Object.entries({
    begin: lead(0),
    case: lead(1),
    cond: lead(0),
    lambda: lead(1),
    "lambda*": lead(1),
    "match-lambda": lead(0),
    "match-lambda*": lead(0),
    define: lead(1),
    "define*": lead(1),
    "define-public": lead(1),
    "define*-public": lead(1),
    "define-syntax": lead(1),
    "define-syntax-rule": lead(1),
    "define-module": lead(1),
    "define-gexp-compiler": lead(1),
    "define-record-type": lead(1),
    "define-record-type*": lead(3),
    "define-configuration": lead(1),
    "package/inherit": lead(1),
    let: lead(1),
    "let*": lead(1),
    letrec: lead(1),
    "letrec*": lead(1),
    match: lead(1),
    "match-record": lead(2),
    "match-record-lambda": lead(1),
    when: lead(1),
    unless: lead(1),
    package: lead(0),
    origin: lead(0),
    channel: lead(0),
    "modify-inputs": lead(1),
    "modify-phases": lead(1),
    "add-after": [{ lead: 2, within: "modify-phases" }],
    "add-before": [{ lead: 2, within: "modify-phases" }],
    replace: [{ lead: 1, within: "modify-phases" }],
    parameterize: lead(1),
    "substitute*": lead(1),
    "substitute-keyword-arguments": lead(1),
    "call-with-input-file": lead(1),
    "call-with-output-file": lead(1),
    "with-output-to-file": lead(1),
    "with-input-from-file": lead(1),
    "with-directory-excursion": lead(1),
    "wrap-program": lead(1),
    "wrap-script": lead(1),
    // (gnu system) and (gnu services)
    "operating-system": lead(0),
    "bootloader-configuration": lead(0),
    "mapped-device": lead(0),
    "file-system": lead(0),
    "swap-space": lead(0),
    "user-account": lead(0),
    "user-group": lead(0),
    "privileged-program": lead(0),
    "modify-services": lead(1),
    // (gnu home)
    "home-environment": lead(0),
  }),
);

/** How many arguments of `head` stay on its line in `context`, or undefined when it is not a special form there. */
export function specialFormLead(head: string, context: Context | null): number | undefined {
  const forms = SPECIAL_FORMS.get(head);
  if (forms === undefined) return undefined;
  for (const form of forms) {
    if (form.within === undefined || within(context, [form.within])) return form.lead;
  }
  return undefined;
}
