import type { Finding, SocketRecord } from '../../core/types';
import { formatClock } from '../../common/format';
import { formatWindow, type OverlapInGrace } from '../model/overlapsInGrace';
import { ruleDocUrl } from '../ruleDocs';
import { FindingCallSites } from './FindingCallSites';
import { FindingCause } from './FindingCause';
import { SharedEventsHint } from './SharedEventsHint';

interface Props {
  findings: Finding[];
  ordinals: ReadonlyMap<string, number>;
  /** Ids of the sockets the record holds; a finding may name sockets evicted since. */
  held: { has(id: string): boolean };
  selectedId: string | null;
  onSelect: (socketId: string) => void;
  /** Users whose sockets overlap but are still inside the grace window (no finding yet). */
  inGrace: OverlapInGrace[];
  graceWindowMs: number;
  /** The tab's sockets: what a finding's sockets received (the duplicate's shared events) and the app code that opened them. */
  sockets?: Readonly<Record<string, SocketRecord>>;
}

/** One item per finding, active first; resolved findings stay listed, dimmed. */
export function FindingsList({ findings, ordinals, held, selectedId, onSelect, inGrace, graceWindowMs, sockets = {} }: Props) {
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
      {inGrace.length > 0 ? (
        <ul class="in-grace" aria-label="Within the grace window">
          {inGrace.map((overlap) => (
            <li key={overlap.key} class="finding pending" data-user={overlap.userId}>
              <span class="severity">pending</span>{' '}
              <span class="message">
                {overlap.userId}
                {/* Chat, the usual case, goes unnamed; another product is said. */}
                {overlap.product && overlap.product !== 'chat' ? ` (${overlap.product})` : ''}: {overlap.socketIds.length} open, within the {formatWindow(graceWindowMs)} grace window
              </span>{' '}
              <span class="muted">an error if they still overlap at {formatClock(overlap.dueAt)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {ordered.length === 0 ? (
        inGrace.length === 0 ? <p class="muted">No findings: every user holds at most one connection.</p> : null
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
                  {finding.socketIds.map((id) =>
                    held.has(id) ? (
                      <button
                        key={id}
                        type="button"
                        class={`link socket-ref${id === selectedId ? ' current' : ''}`}
                        onClick={() => onSelect(id)}
                        aria-label={`Select socket #${ordinals.get(id) ?? ''}`}
                      >
                        #{ordinals.get(id)}
                      </button>
                    ) : (
                      <span key={id} class="socket-ref evicted" title="No longer in the record: evicted past the sockets kept per tab (Settings)">
                        {ordinals.has(id) ? `#${ordinals.get(id)}` : 'dropped'}
                      </span>
                    ),
                  )}
                </span>
              ) : null}
              <FindingCallSites finding={finding} sockets={sockets} ordinals={ordinals} />{' '}
              <a href={ruleDocUrl(finding.rule)} target="_blank" rel="noreferrer">
                Why and how to fix
              </a>
              {finding.rule === 'duplicate-connection' ? (
                <SharedEventsHint sockets={finding.socketIds.map((id) => sockets[id]).filter((socket) => socket !== undefined)} ordinals={ordinals} />
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
