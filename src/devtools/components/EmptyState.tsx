import type { Settings } from '../../core/types';

/** What the panel says before the page has opened any socket: what we watch, and what to try. */
export function EmptyState({ settings, onOpenSettings }: { settings: Settings; onOpenSettings: () => void }) {
  const watchingSome = settings.watchedSites.length > 0;
  return (
    <div class="empty">
      <h2>No WebSocket yet in this tab</h2>
      <p>
        OneSocket records every WebSocket (and Stream’s long-poll fallback) that the page and its iframes open, from the page’s very first script. For each it tells
        you whose user it belongs to, and it warns the moment one user holds more than one.
      </p>
      <h3>Nothing shows?</h3>
      <ul>
        <li>Sign in or open the chat in the page: a connection shows here as soon as it is created.</li>
        <li>
          Sockets the page opened before the extension was installed or reloaded are not seen: <strong>reload the page</strong>.
        </li>
        <li>
          Turn on <strong>Preserve log</strong> to keep what earlier pages opened across reloads and navigations.
        </li>
        {watchingSome ? (
          <li>
            Only these sites are watched: <code>{settings.watchedSites.join(', ')}</code>.{' '}
            <button type="button" class="link" onClick={onOpenSettings}>
              Change the sites to watch
            </button>
          </li>
        ) : (
          <li>Every site is watched (you can narrow that in Settings).</li>
        )}
        <li>Sockets opened inside Web Workers, Shared Workers or Service Workers are not seen: OneSocket watches the page and its frames only.</li>
        <li>
          The toolbar badge (open sockets in this tab, red on an error) shows only while OneSocket is <strong>pinned</strong>: open the puzzle-piece Extensions menu
          beside the address bar and pin OneSocket.
        </li>
        <li>
          Have a report from someone else? <strong>Import report</strong> shows it here, read-only.
        </li>
      </ul>
    </div>
  );
}
