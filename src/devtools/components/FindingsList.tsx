import type { Finding, SocketRecord } from '../../core/types';
import { formatClock } from '../../shared/format';
import { ruleDocUrl } from '../ruleDocs';
import { FindingCallSites } from './FindingCallSites';
import { FindingCause } from './FindingCause';

interface Props {
  findings: Finding[];
  ordinals: ReadonlyMap<string, number>;
  selectedId: string | null;
  onSelect: (socketId: string) => void;
  /** The tab's sockets, for the app code that opened each finding's sockets. */
  sockets?: Readonly<Record<string, SocketRecord>>;
}

/** One item per finding, active first; resolved findings stay listed, dimmed. */
export function FindingsList({ findings, ordinals, selectedId, onSelect, sockets = {} }: Props) {
  const ordered = [...findings].sort((a, b) => Number(b.active) - Number(a.active) || b.at - a.at);
  const active = findings.filter((finding) => finding.active).length;
  return (
    <section class="findings" role="region" aria-label="Findings">
      <h2>
        Findings{' '}
        <span class="muted">
          {active} active{findings.length > active ? `, ${findings.length - active} resolved` : ''}
        </span>
      </h2>
      {ordered.length === 0 ? (
        <p class="muted">No findings: every user holds at most one connection.</p>
      ) : (
        <ul>
          {ordered.map((finding) => (
            <li key={finding.id} class={`finding severity-${finding.severity}${finding.active ? '' : ' resolved'}`} data-rule={finding.rule} data-active={String(finding.active)}>
              <span class="severity">{finding.severity}</span> <code class="rule">{finding.rule}</code> <span class="message">{finding.message}</span>
              <FindingCause finding={finding} />{' '}
              <span class="muted">{finding.active ? `since ${formatClock(finding.at)}` : `resolved${finding.resolvedAt === null ? '' : ` ${formatClock(finding.resolvedAt)}`}`}</span>
              {finding.socketIds.length > 0 ? (
                <span class="finding-sockets">
                  {' · sockets '}
                  {finding.socketIds.map((id) => (
                    <button
                      key={id}
                      type="button"
                      class={`link socket-ref${id === selectedId ? ' current' : ''}`}
                      onClick={() => onSelect(id)}
                      aria-label={`Select socket #${ordinals.get(id) ?? id}`}
                    >
                      #{ordinals.get(id) ?? id}
                    </button>
                  ))}
                </span>
              ) : null}
              <FindingCallSites finding={finding} sockets={sockets} ordinals={ordinals} />{' '}
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
