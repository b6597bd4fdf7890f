import { useSignal } from '@preact/signals';
import type { IdentityRule } from '../core/types';

export function describeRule(rule: IdentityRule): string {
  switch (rule.kind) {
    case 'stream':
      return 'Stream Chat: the connect URL, the token’s claims, the first frames';
    case 'query':
      return `query parameter “${rule.param}”${rule.path ? ` at “${rule.path}”` : ''}`;
    case 'frame':
      return `first frames (${rule.direction === 'any' ? 'either way' : rule.direction === 'in' ? 'received' : 'sent'}) at “${rule.path}”`;
    case 'jwt':
      return `claim “${rule.claim}” of a JWT in the URL or first frames`;
  }
}

type NewKind = 'query' | 'frame' | 'jwt';
const WHERE_LABEL: Record<NewKind, string> = { query: 'Parameter', frame: 'JSON path', jwt: 'Claim' };

function ruleFrom(kind: NewKind, name: string, where: string, direction: 'in' | 'out' | 'any'): IdentityRule {
  if (kind === 'query') return { kind, name, enabled: true, param: where };
  if (kind === 'frame') return { kind, name, enabled: true, path: where, direction };
  return { kind, name, enabled: true, claim: where };
}

/** The identity rules, tried in order: switch each on or off, reorder, remove, add. */
export function IdentityRulesEditor({ rules, onChange }: { rules: IdentityRule[]; onChange: (rules: IdentityRule[]) => void }) {
  const kind = useSignal<NewKind>('query');
  const name = useSignal('');
  const where = useSignal('');
  const direction = useSignal<'in' | 'out' | 'any'>('in');
  const update = (index: number, rule: IdentityRule | null): void => onChange(rules.flatMap((existing, i) => (i !== index ? [existing] : rule ? [rule] : [])));
  const move = (index: number, step: number): void => {
    const next = [...rules];
    const [rule] = next.splice(index, 1);
    if (rule) next.splice(index + step, 0, rule);
    onChange(next);
  };
  const add = (event: Event): void => {
    event.preventDefault();
    if (!name.value.trim() || !where.value.trim()) return;
    onChange([...rules, ruleFrom(kind.value, name.value.trim(), where.value.trim(), direction.value)]);
    name.value = '';
    where.value = '';
  };
  return (
    <div class="rules">
      <ol class="rule-list" aria-label="Identity rules">
        {rules.map((rule, index) => (
          <li key={`${rule.kind}-${rule.name}-${index}`}>
            <label>
              <input type="checkbox" checked={rule.enabled} onChange={(event) => update(index, { ...rule, enabled: event.currentTarget.checked })} />
              <strong>{rule.name}</strong> <span class="muted">{describeRule(rule)}</span>
            </label>
            <span class="rule-actions">
              <button type="button" disabled={index === 0} onClick={() => move(index, -1)} aria-label={`Move ${rule.name} up`}>
                ↑
              </button>
              <button type="button" disabled={index === rules.length - 1} onClick={() => move(index, 1)} aria-label={`Move ${rule.name} down`}>
                ↓
              </button>
              {/* Stream's reading is built in: it can be switched off, not removed. */}
              <button
                type="button"
                onClick={() => update(index, null)}
                disabled={rule.kind === 'stream'}
                aria-label={`Remove ${rule.name}`}
                title={rule.kind === 'stream' ? 'Built in: switch it off with its checkbox instead' : `Remove the rule “${rule.name}”`}
              >
                Remove
              </button>
            </span>
          </li>
        ))}
      </ol>
      <div class="add-rule" role="group" aria-label="Add an identity rule">
        <select aria-label="Rule kind" value={kind.value} onChange={(event) => (kind.value = event.currentTarget.value as NewKind)}>
          <option value="query">Query parameter</option>
          <option value="frame">Frame JSON path</option>
          <option value="jwt">JWT claim</option>
        </select>
        <input aria-label="Rule name" placeholder="Name (e.g. My SDK)" value={name.value} onInput={(event) => (name.value = event.currentTarget.value)} />
        <input
          aria-label={WHERE_LABEL[kind.value]}
          placeholder={kind.value === 'query' ? 'user_id' : kind.value === 'frame' ? 'me.id' : 'sub'}
          value={where.value}
          onInput={(event) => (where.value = event.currentTarget.value)}
        />
        {kind.value === 'frame' ? (
          <select aria-label="Direction" value={direction.value} onChange={(event) => (direction.value = event.currentTarget.value as 'in' | 'out' | 'any')}>
            <option value="in">received</option>
            <option value="out">sent</option>
            <option value="any">either way</option>
          </select>
        ) : null}
        <button type="button" onClick={add}>
          Add rule
        </button>
      </div>
    </div>
  );
}
