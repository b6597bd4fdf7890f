import { useEffect, useRef, useState } from 'preact/hooks';
import { FILTER_KEYWORDS, FILTER_TEXT_FIELDS, unknownKeywords } from '../model/filterSockets';
import { Icon } from './ui/Icon';

/**
 * Typing never waits on the table: the box shows each key at once and hands the query on once
 * the typing pauses (or on Enter), so a busy panel filters once per pause, not per key.
 */
const FILTER_DEBOUNCE_MS = 120;

interface Props {
  filter: string;
  onFilter: (value: string) => void;
}

/** The Filter box, with DevTools' hint under it: the keywords it knows, and the ones it does not. */
export function FilterBox({ filter, onFilter }: Props) {
  const [text, setText] = useState(filter);
  const [focused, setFocused] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // The model's filter can change from outside (a reset); the box follows it when it does.
  useEffect(() => setText(filter), [filter]);
  useEffect(() => () => void (timer.current !== null && clearTimeout(timer.current)), []);
  const commit = (value: string): void => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    onFilter(value);
  };
  const onInput = (value: string): void => {
    setText(value);
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = setTimeout(() => commit(value), FILTER_DEBOUNCE_MS);
  };
  const unknown = unknownKeywords(text);
  return (
    <div class="filter-box">
      <Icon name="filter" />
      <input
        type="search"
        aria-label="Filter"
        aria-describedby="filter-hint"
        placeholder="Filter"
        title="Filter: text, user:alice, is:open, has:finding, -word"
        spellcheck={false}
        value={text}
        onInput={(event) => onInput(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit(text);
        }}
        onFocus={() => setFocused(true)}
        onBlur={() => {
          setFocused(false);
          // Leaving the box (to the table, say) applies what was typed at once.
          if (timer.current !== null) commit(text);
        }}
      />
      <div id="filter-hint" class={`filter-hint${focused || unknown.length > 0 ? ' shown' : ''}`} role="status">
        {unknown.length > 0 ? (
          <p class="error-text">
            Unknown keyword{unknown.length === 1 ? '' : 's'} {unknown.join(', ')}: matched as plain text.
          </p>
        ) : null}
        {focused ? (
          <>
            <p>
              {FILTER_KEYWORDS.map((entry) => (
                <span key={entry.keyword} class="keyword">
                  <code>{entry.keyword}</code> {entry.means}
                </span>
              ))}
            </p>
            <p class="muted">Other words match {FILTER_TEXT_FIELDS}.</p>
          </>
        ) : null}
      </div>
    </div>
  );
}
