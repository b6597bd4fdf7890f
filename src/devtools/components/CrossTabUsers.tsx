import type { TallyView } from '../../common/panelConnection';
import { shortUrl } from '../../common/format';
import { connectionLimitOf, productLimitOf } from '../../core/rules/connectionLimit';

/**
 * Each user's live sockets of each product across every tab, against the limit profile: the
 * view of the connection-limit rule, which counts what the server sees, not what one tab holds.
 * A product without a documented limit (video, feeds) shows its count alone.
 */
export function CrossTabUsers({ tally, tabId }: { tally: TallyView | null; tabId: number }) {
  if (!tally || tally.tally.users.length === 0) return null;
  const { profile, limit } = connectionLimitOf(tally.settings);
  const tabs = tally.tally.tabs.filter((tab) => tab.liveSockets > 0).length;
  // Unfolded when it says something the tab's own view cannot: a user spread over tabs or past the limit.
  const worthOpening = tally.tally.users.some((user) => user.perTab.length > 1 || user.total > (productLimitOf(tally.settings, user.product)?.limit ?? Infinity));
  return (
    <details class="cross-tab" open={worthOpening}>
      <summary>
        Users across all tabs: {tally.tally.users.length} {tally.tally.users.length === 1 ? 'user' : 'users'} in {tabs} {tabs === 1 ? 'tab' : 'tabs'} · limit{' '}
        {limit} per user ({profile})
      </summary>
      <table aria-label="Users across tabs" class="compact">
        <thead>
          <tr>
            <th scope="col">User</th>
            <th scope="col">Product</th>
            <th scope="col">Open sockets</th>
            <th scope="col">Where</th>
          </tr>
        </thead>
        <tbody>
          {tally.tally.users.map((user) => {
            const productLimit = productLimitOf(tally.settings, user.product)?.limit ?? null;
            const state = productLimit === null || user.total < productLimit ? 'under' : user.total > productLimit ? 'over' : 'at';
            return (
              <tr key={`${user.product ?? ''}:${user.userId}`} data-user={user.userId} data-product={user.product ?? ''} class={`limit-${state}`}>
                <td>{user.userId}</td>
                <td>{user.product ?? ''}</td>
                <td>
                  {productLimit === null ? `${user.total} (no documented limit)` : `${user.total} / ${productLimit}`}
                  {state === 'over' ? ' · over the limit' : state === 'at' ? ' · at the limit' : ''}
                </td>
                <td>
                  {user.perTab.map((entry) => (
                    <span key={entry.tabId} class="tab-chip" title={entry.url}>
                      {entry.tabId === tabId ? 'this tab' : `tab ${entry.tabId}`} ({shortUrl(entry.url)}): {entry.sockets}
                    </span>
                  ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}
