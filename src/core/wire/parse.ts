import * as v from 'valibot';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** Checks a value against a wire schema; never throws. The error names the first bad field. */
export function parseWire<S extends v.GenericSchema>(schema: S, value: unknown): Parsed<v.InferOutput<S>> {
  const result = v.safeParse(schema, value);
  if (result.success) return { ok: true, value: result.output };
  const issue = result.issues[0];
  return { ok: false, error: `${v.getDotPath(issue) ?? 'message'}: ${issue.message}` };
}
