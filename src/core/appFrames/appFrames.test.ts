import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { redactTabState } from '../redact';
import { Timeline, streamConnectUrl } from '../testing/timeline';
import { appFrameOf, withAsyncInitiators } from './asyncInitiators';
import { firstAppFrame } from './libraryFrames';
import { inlineSourceMap, resolveFrames, sourceMapFromDataUrl } from './sourceMaps';
import { framesOfStackTrace } from './stackFrames';

describe('firstAppFrame', () => {
  it("skips the SDK's, the libraries' and React's frames, bundled or under node_modules", () => {
    expect(
      firstAppFrame([
        'StableWSConnection._connect (http://127.0.0.1:8765/app.js:16751:20)',
        '_StreamChat.connectUser (http://127.0.0.1:8765/app.js:20100:7)',
        'Socket.open (http://localhost:5173/node_modules/.vite/deps/socket__io-client.js?v=1:900:3)',
        'connect (http://localhost:5173/node_modules/graphql-ws/lib/client.mjs:10:1)',
        'Object.useEffect (https://cdn.example/assets/vendor-3f2a.js:1:2000)',
        'commitHookEffectListMount (http://127.0.0.1:8765/app.js:9000:1)',
        'runWithFiberInDEV (http://127.0.0.1:8765/app.js:8000:1)',
        'ChatWidget (http://127.0.0.1:8765/src/ChatWidget.tsx:12:5)',
        'main (http://127.0.0.1:8765/app.js:1:1)',
      ]),
    ).toBe('ChatWidget (http://127.0.0.1:8765/src/ChatWidget.tsx:12:5)');
  });

  it('keeps an anonymous app frame, and answers null when every frame is a library one', () => {
    expect(firstAppFrame(['StableWSConnection._connect (http://h/app.js:1:2)', 'http://h/app.js:300:4'])).toBe('http://h/app.js:300:4');
    expect(firstAppFrame(['StableWSConnection._connect (http://h/app.js:1:2)', 'StableWSConnection.connect (http://h/app.js:3:4)'])).toBeNull();
  });
});

describe('source maps', () => {
  const original = ['export function openChat(url: string) {', '  const label: string = "chat";', '  return new WebSocket(url + label);', '}', ''].join('\n');
  const built = transformSync(original, { loader: 'ts', sourcemap: 'inline', sourcefile: 'src/ChatPane.tsx', format: 'esm' }).code;

  it('resolve a bundled frame to the original file and line, from an inline map', () => {
    const map = inlineSourceMap(built);
    expect(map).not.toBeNull();
    const line = built.split('\n').findIndex((text) => text.includes('new WebSocket')) + 1;
    const column = (built.split('\n')[line - 1] ?? '').indexOf('new WebSocket') + 1;
    const [resolved] = resolveFrames([`openChat (http://127.0.0.1:8765/assets/app.js:${line}:${column})`], new Map([['http://127.0.0.1:8765/assets/app.js', map!]]));
    expect(resolved).toBe(`openChat (http://127.0.0.1:8765/assets/src/ChatPane.tsx:3:${original.split('\n')[2]!.indexOf('new WebSocket') + 1})`);
  });

  it("read CDP's data: URL form, and leave frames of scripts without a map as they are", () => {
    const dataUrl = /sourceMappingURL=(data:\S+)/.exec(built)?.[1] ?? '';
    expect(sourceMapFromDataUrl(dataUrl)?.sources).toEqual(['src/ChatPane.tsx']);
    expect(sourceMapFromDataUrl('https://app/app.js.map')).toBeNull();
    expect(resolveFrames(['f (http://other/x.js:1:1)'], new Map())).toEqual(['f (http://other/x.js:1:1)']);
  });
});

describe('async initiators', () => {
  it('are written as frames, async parents after their children, 0-based positions made 1-based', () => {
    expect(
      framesOfStackTrace({
        callFrames: [{ functionName: '_connect', url: 'http://h/app.js', lineNumber: 9, columnNumber: 4 }],
        parent: { description: 'await', callFrames: [{ functionName: 'Inbox', url: 'http://h/src/Inbox.tsx', lineNumber: 29, columnNumber: 0 }, { functionName: '', url: '', lineNumber: 0, columnNumber: 0 }] },
      }),
    ).toEqual(['_connect (http://h/app.js:10:5)', 'Inbox (http://h/src/Inbox.tsx:30:1)']);
  });

  it('reach the record in creation order per URL and set each socket its app frame', () => {
    const alice = streamConnectUrl('alice');
    const t = new Timeline().connect('s1', alice, 0).connect('s2', alice, 10).connect('s3', 'wss://other.example/ws', 20);
    // The hook's stack alone ends in the SDK's `connect`: no app code yet.
    expect(appFrameOf(t.state.sockets.s1!)).toBeNull();
    const state = withAsyncInitiators(t.state, [
      { url: alice, frames: ['StableWSConnection._connect (http://h/app.js:1:1)', 'ChatWidget (http://h/src/ChatWidget.tsx:12:5)'] },
      { url: alice, frames: ['StableWSConnection._connect (http://h/app.js:1:1)', 'Inbox (http://h/src/Inbox.tsx:30:9)'] },
    ]);
    expect(appFrameOf(state.sockets.s1!)).toBe('ChatWidget (http://h/src/ChatWidget.tsx:12:5)');
    expect(appFrameOf(state.sockets.s2!)).toBe('Inbox (http://h/src/Inbox.tsx:30:9)');
    expect(state.sockets.s3).toBe(t.state.sockets.s3);
  });

  it("match the panel's redacted view of the record to the browser's unredacted URLs", () => {
    const alice = streamConnectUrl('alice');
    const t = new Timeline().connect('s1', alice, 0);
    const state = withAsyncInitiators(redactTabState(t.state), [{ url: alice, frames: ['Inbox (http://h/src/Inbox.tsx:30:9)'] }]);
    expect(state.sockets.s1?.url).toContain('[REDACTED]');
    expect(appFrameOf(state.sockets.s1!)).toBe('Inbox (http://h/src/Inbox.tsx:30:9)');
  });
});
