import type { SocketRecord, TokenView } from '../../../core/types';
import { formatBytes, formatClock, formatDuration, plural } from '../../../common/format';
import { connectDetails, lifecycleOf, privacySettingsOf, userDetailsOf } from '../../model/socketDetails';
import { CopyButton } from './CopyButton';
import { JsonBlock } from './JsonBlock';

const SIGNATURE_NOTE: Record<TokenView['signature'], string> = {
  redacted: 'signature redacted',
  devtoken: 'development token (signature "devtoken")',
  present: 'signature present (redaction is off; not shown here)',
  missing: 'no signature',
};

function claimTime(value: unknown, now: number): string | null {
  if (typeof value !== 'number') return null;
  const at = value * 1000;
  const relative = at < now ? `${formatDuration(now - at)} ago` : `in ${formatDuration(at - now)}`;
  return `${new Date(at).toISOString()} (${relative})`;
}

/** Everything about one socket that is not a frame: URL decoded, payload, token, lifecycle. */
export function OverviewTab({ socket, now, pageLabel, imported }: { socket: SocketRecord; now: number; pageLabel: string; imported: boolean }) {
  const details = connectDetails(socket);
  const userDetails = userDetailsOf(socket, details);
  const privacy = privacySettingsOf(userDetails);
  const token = details.token;
  return (
    <div class="overview">
      <section aria-label="Request URL">
        <h3>URL</h3>
        <p class="url">
          <code>{socket.url}</code>
        </p>
        <CopyButton label="Copy URL" text={() => socket.url} />
        {details.params.length > 0 ? (
          <table class="compact kv" aria-label="Query parameters">
            <tbody>
              {details.params.map((param, index) => (
                <tr key={`${param.name}-${index}`}>
                  <th scope="row">{param.name}</th>
                  <td>
                    <code>{param.value}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>

      <section aria-label="Identity">
        <h3>Owner</h3>
        <dl class="kv">
          <dt>User</dt>
          <dd>{socket.identity.userId ?? 'unknown'}</dd>
          <dt>Known from</dt>
          <dd>{socket.identity.source ?? '–'}</dd>
          <dt>API key</dt>
          <dd>{socket.identity.apiKey ?? '–'}</dd>
          <dt>Product</dt>
          <dd>{socket.identity.product ? `${socket.identity.product}${socket.identity.client ? ` (${socket.identity.client})` : ''}` : '–'}</dd>
          <dt>Connection id</dt>
          <dd>{socket.identity.connectionId ?? '–'}</dd>
          <dt>Page</dt>
          <dd>{pageLabel}</dd>
          <dt>Frame</dt>
          <dd>{socket.frameUrl || '–'}</dd>
        </dl>
      </section>

      {details.payload !== null || userDetails !== null ? (
        <section aria-label="Connect payload">
          <h3>Connect payload</h3>
          {privacy.length > 0 ? (
            <dl class="kv privacy" aria-label="Privacy settings">
              {privacy.map((setting) => [<dt key={`${setting.name}-t`}>{setting.name}</dt>, <dd key={`${setting.name}-d`}>{setting.value}</dd>])}
            </dl>
          ) : null}
          <JsonBlock label="Connect payload JSON" value={details.payload ?? { user_details: userDetails }} />
        </section>
      ) : null}

      {token ? (
        <section aria-label="Token claims">
          <h3>
            Token claims <span class="muted">from “{token.param}”, {SIGNATURE_NOTE[token.signature]}</span>
          </h3>
          <dl class="kv">
            {claimTime(token.claims['exp'], now) ? [<dt key="exp-t">Expires</dt>, <dd key="exp-d">{claimTime(token.claims['exp'], now)}</dd>] : null}
            {claimTime(token.claims['iat'], now) ? [<dt key="iat-t">Issued</dt>, <dd key="iat-d">{claimTime(token.claims['iat'], now)}</dd>] : null}
          </dl>
          <JsonBlock label="Token claims JSON" value={token.claims} />
        </section>
      ) : null}

      {!token && socket.identity.token ? (
        <section aria-label="Token claims">
          <h3>
            Token <span class="muted">from the first frames, signature not kept</span>
          </h3>
          <dl class="kv">
            <dt>user_id</dt>
            <dd>{socket.identity.token.userId ?? '– (none: a server-side token?)'}</dd>
            <dt>Expires</dt>
            <dd>{socket.identity.token.expiresAt === null ? 'never' : claimTime(socket.identity.token.expiresAt / 1000, now)}</dd>
            <dt>Development token</dt>
            <dd>{socket.identity.token.devToken ? 'yes' : 'no'}</dd>
          </dl>
        </section>
      ) : null}

      <section aria-label="Lifecycle">
        <h3>Lifecycle</h3>
        <ol class="lifecycle">
          {lifecycleOf(socket, now, formatDuration).map((step) => (
            <li key={step.label}>
              <strong>{step.label}</strong> {step.at !== null ? <span class="time">{formatClock(step.at)}</span> : null} <span class="muted">{step.detail}</span>
            </li>
          ))}
        </ol>
        {imported ? <p class="muted">From an imported report: whether it closed cleanly is not part of a report.</p> : null}
      </section>

      <section aria-label="Traffic">
        <h3>Traffic</h3>
        <p>
          Sent {plural(socket.messagesSent, 'message')} ({formatBytes(socket.bytesSent)}), received {socket.messagesReceived} ({formatBytes(socket.bytesReceived)}).
        </p>
      </section>
    </div>
  );
}
