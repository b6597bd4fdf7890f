/** What the panel says before the page has opened any socket: what we watch, and what to try. */
export function EmptyState() {
  return (
    <div class="empty">
      <h2>No WebSocket yet in this tab</h2>
      <p>OneSocket records every WebSocket the page and its frames open, from the very first script, and tells you whose user each belongs to.</p>
      <ul>
        <li>Sign in or open the chat in the page: the connection shows here as soon as it is created.</li>
        <li>Opened DevTools after the page? Sockets opened before are listed too; if none shows, reload the page.</li>
        <li>Sockets in Web Workers are not seen yet.</li>
      </ul>
    </div>
  );
}
