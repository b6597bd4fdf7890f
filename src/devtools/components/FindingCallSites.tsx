import { appFrameOf } from '../../core/appFrames/asyncInitiators';
import { parseFrame, shortLocation } from '../../core/appFrames/stackFrames';
import type { Finding, SocketRecord } from '../../core/types';

interface Props {
  finding: Finding;
  sockets: Readonly<Record<string, SocketRecord>>;
  ordinals: ReadonlyMap<string, number>;
}

/** Which app code opened each of the finding's sockets ("#1 ChatWidget.tsx:12"), when known. */
export function FindingCallSites({ finding, sockets, ordinals }: Props) {
  const sites = finding.socketIds.flatMap((id) => {
    const socket = sockets[id];
    const frame = socket ? parseFrame(appFrameOf(socket) ?? '') : null;
    return frame ? [{ id, label: `#${ordinals.get(id) ?? id} ${frame.functionName ? `${frame.functionName} ` : ''}${shortLocation(frame)}` }] : [];
  });
  if (sites.length === 0) return null;
  return (
    <span class="finding-call-sites muted" aria-label="Opened by">
      {' · opened by '}
      {sites.map((site, index) => (
        <span key={site.id}>
          {index > 0 ? ', ' : ''}
          <code>{site.label}</code>
        </span>
      ))}
    </span>
  );
}
