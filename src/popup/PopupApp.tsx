import type { TabTally } from '../core/tally';
import { shortUrl } from '../common/format';
import { connectionLimitOf, productLimitOf } from '../core/rules/connectionLimit';
import type { TallyView } from '../common/panelConnection';

interface Props {
  tally: TallyView | null;
  tabId: number | null;
  onOpenSettings: () => void;
  onOpenPanel: (tabId: number) => void;
}

function FindingCounts({ findings }: { findings: TabTally['findings'] }) {
  return (
    <span>
      <span class={findings.error ? 'error-text' : undefined}>
        {findings.error} {findings.error === 1 ? 'error' : 'errors'}
      </span>{' '}
      · {findings.warning} warnings · {findings.info} info
    </span>
  );
}

/** The toolbar popup: this tab and all tabs at a glance, and the way to the settings. */
export function PopupApp({ tally, tabId, onOpenSettings, onOpenPanel }: Props) {
  if (!tally) return <p class="popup">Connecting to OneSocket…</p>;
  const tabs = tally.tally.tabs;
  const thisTab = tabs.find((tab) => tab.tabId === tabId) ?? null;
  const live = tabs.reduce((sum, tab) => sum + tab.liveSockets, 0);
  const busyTabs = tabs.filter((tab) => tab.liveSockets > 0).length;
  const troubled = tabs.filter((tab) => tab.tabId !== tabId && tab.findings.error + tab.findings.warning > 0);
  const { profile, limit } = connectionLimitOf(tally.settings);
  return (
    <div class="popup">
      <h1>OneSocket</h1>
      <section role="region" aria-label="This tab">
        <h2>This tab</h2>
        {thisTab ? (
          <>
            <p class="counts">
              <strong>{thisTab.liveSockets}</strong> open {thisTab.liveSockets === 1 ? 'socket' : 'sockets'} · <strong>{thisTab.users}</strong>{' '}
              {thisTab.users === 1 ? 'user' : 'users'} · <FindingCounts findings={thisTab.findings} />
            </p>
            {thisTab.activeFindings.length > 0 ? (
              <ul aria-label="Findings in this tab">
                {thisTab.activeFindings.map((finding, index) => (
                  <li key={`${finding.rule}-${index}`} class={`severity-${finding.severity}`}>
                    <code>{finding.rule}</code> {finding.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        ) : (
          <p class="muted">Nothing recorded in this tab. Reload it if the chat was open before OneSocket was installed.</p>
        )}
      </section>
      <section role="region" aria-label="All tabs">
        <h2>All tabs</h2>
        <p class="counts">
          <strong>{live}</strong> open {live === 1 ? 'socket' : 'sockets'} in {busyTabs} {busyTabs === 1 ? 'tab' : 'tabs'} ·{' '}
          <FindingCounts findings={{ error: sum(tabs, 'error'), warning: sum(tabs, 'warning'), info: sum(tabs, 'info') }} />
        </p>
        {tally.tally.users.length > 0 ? (
          <ul aria-label="Users across tabs">
            {tally.tally.users.map((user) => {
              // Per user and product; video and feeds have no documented limit (docs/rules/connection-limit.md).
              const limited = productLimitOf(tally.settings, user.product) !== null;
              return (
                <li key={`${user.product ?? ''}:${user.userId}`} class={limited && user.total > limit ? 'severity-error' : undefined}>
                  {user.userId}: {limited ? `${user.total} of ${limit} (${profile})` : `${user.total}`} in {user.perTab.length} {user.perTab.length === 1 ? 'tab' : 'tabs'}
                  {user.product === null ? '' : ` · ${user.product}`}
                </li>
              );
            })}
          </ul>
        ) : null}
        {troubled.length > 0 ? (
          <ul aria-label="Other tabs with findings">
            {troubled.map((tab) => (
              <li key={tab.tabId} class={tab.findings.error > 0 ? 'severity-error' : 'severity-warning'}>
                {shortUrl(tab.url)}: <FindingCounts findings={tab.findings} />
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <p class="muted">Details: open DevTools (F12) and choose the OneSocket panel.</p>
      <div class="actions">
        {tabId !== null ? (
          <button type="button" onClick={() => onOpenPanel(tabId)}>
            Open panel in a tab
          </button>
        ) : null}
        <button type="button" onClick={onOpenSettings}>
          Open settings
        </button>
      </div>
    </div>
  );
}

function sum(tabs: TabTally[], severity: keyof TabTally['findings']): number {
  return tabs.reduce((total, tab) => total + tab.findings[severity], 0);
}
