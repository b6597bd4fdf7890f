import { appFrameOf, appFramesOf, hasAsyncStack } from '../../../core/appFrames/asyncInitiators';
import { parseFrame, shortLocation } from '../../../core/appFrames/stackFrames';
import { strictModeDoubleMount } from '../../../core/causes/findingCauses';
import { NO_CALL_SITE_HINT } from '../../../core/causes/evidence';
import type { SocketRecord, TabState } from '../../../core/types';
import { openInSources, sourcesAvailable } from '../../model/browserInitiators';

/**
 * The app code that opened the socket (SDK, library and React frames skipped), a button that
 * opens it in the Sources panel when the panel runs in DevTools, the async stack with the app's
 * frames marked, and React's development double mount when that is what the socket was.
 */
export function AppCode({ socket, state }: { socket: SocketRecord; state: TabState | null }) {
  const appFrame = appFrameOf(socket);
  const frame = appFrame === null ? null : parseFrame(appFrame);
  const appFrames = new Set(appFramesOf(socket));
  const doubleMount = state ? strictModeDoubleMount(state, socket) : null;
  return (
    <section class="app-code" aria-label="App code">
      <p>
        App code:{' '}
        {frame && appFrame ? (
          sourcesAvailable() ? (
            <button type="button" class="link app-frame" title={`Open ${appFrame} in Sources`} onClick={() => openInSources(frame)}>
              {appFrame}
            </button>
          ) : (
            <code class="app-frame" title={appFrame}>
              {appFrame}
            </code>
          )
        ) : (
          <span class="muted">not known{hasAsyncStack(socket) ? ' (every frame is the SDK’s or a library’s)' : `: ${NO_CALL_SITE_HINT}`}</span>
        )}
        {frame ? <span class="muted"> ({shortLocation(frame)})</span> : null}
      </p>
      {doubleMount ? (
        <p class="cause-note" data-cause={doubleMount.id}>
          <code class="cause-id">{doubleMount.id}</code> {doubleMount.message}
        </p>
      ) : null}
      {socket.asyncStack && socket.asyncStack.length > 0 ? (
        <details>
          <summary>Async creation stack ({socket.asyncStack.length} frames, app code marked)</summary>
          <ol class="stack" aria-label="Async creation stack">
            {socket.asyncStack.map((line, index) => (
              <li key={`${index}-${line}`} class={appFrames.has(line) ? 'app-frame-line' : undefined} data-app={String(appFrames.has(line))}>
                <code>{line}</code>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </section>
  );
}
