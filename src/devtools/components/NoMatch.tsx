import { unknownKeywords } from '../model/filterSockets';

/** Zero rows must say why: the filter, and a keyword it did not know if that is the cause. */
export function NoMatch({ filter }: { filter: string }) {
  const unknown = unknownKeywords(filter);
  return (
    <p class="notice" role="status">
      No socket matches the filter “{filter}”.
      {unknown.length > 0 ? <span class="error-text"> Unknown keyword: {unknown.join(', ')} (known: is:, has:finding, user:).</span> : null}
    </p>
  );
}
