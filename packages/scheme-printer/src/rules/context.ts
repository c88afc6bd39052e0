/** Where a form stands: the heads of the enclosing forms, innermost first; what the rule tables are keyed by. */
export interface Context {
  /** The head symbol of the enclosing form; null for a head that is not a symbol. */
  readonly head: string | null;
  readonly parent: Context | null;
}

/** Whether the enclosing forms, innermost first, have the heads `heads`. */
export function within(context: Context | null, heads: readonly string[]): boolean {
  for (const head of heads) {
    if (context === null || context.head !== head) return false;
    context = context.parent;
  }
  return true;
}
