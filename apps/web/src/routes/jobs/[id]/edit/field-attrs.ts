/** `aria-invalid` and `aria-describedby` for a control drawn inside `Field`. */
export function described(id: string, error: string | undefined, hint?: string) {
  const ids = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ');
  return {
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': ids || undefined,
  };
}
