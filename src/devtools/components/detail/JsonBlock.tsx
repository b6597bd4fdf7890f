/** Pretty-printed JSON (or text), selectable, in a block that scrolls rather than stretches. */
export function JsonBlock({ value, label }: { value: unknown; label: string }) {
  const text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  return (
    <pre class="json" aria-label={label}>
      {text}
    </pre>
  );
}
