import { CHECKLIST_SECTIONS, type Checklist } from '../../core/checklist';
import type { ChecklistStatus } from '../../core/report';
import { ruleDocUrl } from '../ruleDocs';

const STATUS_LABEL: Record<ChecklistStatus, string> = { passed: 'passed', warned: 'warning', failed: 'failed', 'not-applicable': 'not applicable' };

/**
 * Stream's integration checklist for the inspected tab: the four sections of Stream's own list,
 * each passed, warned, failed or not applicable, with the evidence it rests on and the pages of
 * the rules behind it (core/checklist.ts derives it from the tab's record). One line
 * of chips while all is well; open (and opened by itself) when a section needs a look.
 */
export function ChecklistPanel({ checklist }: { checklist: Checklist }) {
  const needsLook = CHECKLIST_SECTIONS.some(({ id }) => checklist[id].status === 'failed' || checklist[id].status === 'warned');
  return (
    <section class="checklist" role="region" aria-label="Checklist">
      <details open={needsLook}>
        <summary>
          <h2>Stream integration checklist</h2>{' '}
          {CHECKLIST_SECTIONS.map(({ id, title }) => (
            <span key={id} class={`checklist-chip status-${checklist[id].status}`}>
              {title}: {STATUS_LABEL[checklist[id].status]}
            </span>
          ))}
        </summary>
        <ul>
          {CHECKLIST_SECTIONS.map(({ id, title, rules }) => {
            const section = checklist[id];
            const raised = new Set(section.rules ?? []);
            return (
              <li key={id} class={`checklist-section status-${section.status}`} data-section={id} data-status={section.status}>
                <span class="checklist-status">{STATUS_LABEL[section.status]}</span> <strong>{title}</strong>
                {section.evidence.length > 0 ? (
                  <ul class="checklist-evidence">
                    {section.evidence.map((line, index) => (
                      <li key={index}>{line}</li>
                    ))}
                  </ul>
                ) : (
                  <span class="muted"> nothing of this kind seen on the page</span>
                )}
                <span class="checklist-rules muted">
                  Rules:{' '}
                  {rules.map((rule, index) => (
                    <span key={rule}>
                      {index > 0 ? ', ' : ''}
                      <a href={ruleDocUrl(rule)} target="_blank" rel="noreferrer" class={raised.has(rule) ? 'raised' : undefined}>
                        {rule}
                      </a>
                    </span>
                  ))}
                </span>
              </li>
            );
          })}
        </ul>
      </details>
    </section>
  );
}
