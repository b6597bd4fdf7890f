import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { collectInitiators } from './networkInitiators';

/** A DevTools HAR WebSocket entry as Chrome's HAR writer makes it (0-based positions, async parents). */
function wsEntry(url: string, startedDateTime: string, frames: Array<[string, string, number, number]>) {
  return {
    _resourceType: 'websocket',
    request: { url },
    startedDateTime,
    _initiator: {
      type: 'script',
      stack: {
        callFrames: [{ functionName: '_connect', url: 'http://app.test/app.js', lineNumber: 9, columnNumber: 4 }],
        parent: { description: 'await', callFrames: frames.map(([functionName, url, lineNumber, columnNumber]) => ({ functionName, url, lineNumber, columnNumber })) },
      },
    },
  };
}

const network = (entries: unknown[]) => ({ getHAR: (callback: (har: { entries: unknown[] }) => void) => callback({ entries }) });

describe("the DevTools network log's WebSocket initiators", () => {
  it('are read from the WebSocket entries only, oldest first, through the scripts’ inline source maps', async () => {
    const built = transformSync('export function Inbox() {\n  return new WebSocket("ws://x");\n}\n', { loader: 'ts', sourcemap: 'inline', sourcefile: 'src/Inbox.tsx', format: 'esm' }).code;
    const line = built.split('\n').findIndex((text) => text.includes('new WebSocket'));
    const inspected = {
      getResources: (callback: (resources: Array<{ url: string; type: string; getContent(cb: (content: string, encoding: string) => void): void }>) => void) =>
        callback([{ url: 'http://app.test/inbox.js', type: 'script', getContent: (cb) => cb(built, '') }]),
    };
    const found = await collectInitiators(
      network([
        wsEntry('ws://chat.test/connect?b', '2026-01-01T00:00:02.000Z', [['Inbox', 'http://app.test/inbox.js', line, 2]]),
        { _resourceType: 'script', request: { url: 'http://app.test/app.js' }, startedDateTime: '2026-01-01T00:00:00.000Z' },
        wsEntry('ws://chat.test/connect?a', '2026-01-01T00:00:01.000Z', [['ChatWidget', 'http://app.test/app.js', 99, 0]]),
      ]),
      inspected,
    );
    expect(found.map((initiator) => initiator.url)).toEqual(['ws://chat.test/connect?a', 'ws://chat.test/connect?b']);
    expect(found[0]?.frames).toEqual(['_connect (http://app.test/app.js:10:5)', 'ChatWidget (http://app.test/app.js:100:1)']);
    expect(found[1]?.frames[1]).toMatch(/^Inbox \(http:\/\/app\.test\/src\/Inbox\.tsx:2:\d+\)$/);
  });

  it('are still given, unmapped, when DevTools never answers for the scripts', async () => {
    const silent = { getResources: () => undefined };
    const found = await collectInitiators(network([wsEntry('ws://chat.test/connect', '2026-01-01T00:00:01.000Z', [['Header', 'http://app.test/late.js', 4, 0]])]), silent);
    expect(found[0]?.frames).toEqual(['_connect (http://app.test/app.js:10:5)', 'Header (http://app.test/late.js:5:1)']);
  });
});
