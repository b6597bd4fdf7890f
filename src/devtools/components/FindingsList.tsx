import type { Finding } from '../../core/types';
import { formatClock } from '../format';
import { ruleDocUrl } from '../ruleDocs';

/** One item per finding; resolved findings stay listed, dimmed. */
export function FindingsList({ findings }: { findings: Finding[] }) {
  const ordered = [...findings].sort((a, b) => Number(b.active) - Number(a.active) || b.at - a.at);
  return (
    <section class="findings" role="region" aria-label="Findings">
      <h2>Findings</h2>
      {ordered.length === 0 ? (
        <p class="muted">No findings: every user holds at most one connection.</p>
      ) : (
        <ul>
          {ordered.map((finding) => (
            <li key={finding.id} class={`finding severity-${finding.severity}${finding.active ? '' : ' resolved'}`} data-rule={finding.rule} data-active={String(finding.active)}>
              <span class="severity">{finding.severity}</span> <code class="rule">{finding.rule}</code>{' '}
              <span class="message">{finding.message}</span>{' '}
              <span class="muted">
                {finding.active ? `since ${formatClock(finding.at)}` : `resolved ${formatClock(finding.resolvedAt)}`} · sockets {finding.socketIds.join(', ')}
              </span>{' '}
              <a href={ruleDocUrl(finding.rule)} target="_blank" rel="noreferrer">
                Why and how to fix
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
