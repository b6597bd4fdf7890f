import type { Finding } from '../../core/types';

/** Why the finding happened, and the fix, when the evidence shows it (src/core/causes/). */
export function FindingCause({ finding }: { finding: Finding }) {
  if (!finding.cause) return null;
  return (
    <span class="finding-cause" data-cause={finding.cause.id}>
      {' '}
      <code class="cause-id">{finding.cause.id}</code> {finding.cause.message}
    </span>
  );
}
