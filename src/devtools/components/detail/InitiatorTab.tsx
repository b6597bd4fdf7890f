import type { SocketRecord } from '../../../core/types';
import { CopyButton } from './CopyButton';

/** Where the app created the socket: the creation stack, newest first, our own frames trimmed. */
export function InitiatorTab({ socket, imported }: { socket: SocketRecord; imported: boolean }) {
  if (socket.stack.length === 0) return <p class="muted">No creation stack was recorded for this socket.</p>;
  return (
    <div class="initiator-tab">
      <p>
        Created by <code>{socket.initiator ?? socket.stack[0]}</code>
      </p>
      <ol class="stack" aria-label="Creation stack">
        {socket.stack.map((frame, index) => (
          <li key={`${index}-${frame}`} class={index === 0 ? 'initiator-frame' : undefined}>
            <code>{frame}</code>
          </li>
        ))}
      </ol>
      <CopyButton label="Copy stack" text={() => socket.stack.join('\n')} />
      {imported ? <p class="muted">A report keeps the initiator line, not the whole stack.</p> : null}
    </div>
  );
}
