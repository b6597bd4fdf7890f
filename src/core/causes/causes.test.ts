import { describe, expect, it } from 'vitest';
import { withAsyncInitiators } from '../appFrames/asyncInitiators';
import { streamConnectUrl, Timeline } from '../testing/timeline';
import { strictModeDoubleMount } from './findingCauses';

const SDK_FRAME = 'StableWSConnection._connect (https://app.example/app.js:16751:20)';
const alice = streamConnectUrl('alice');
const bob = streamConnectUrl('bob');

/** `new WebSocket(url)` by the SDK (the hook's stack holds only its frames), open at once. */
function sdkConnect(t: Timeline, socketId: string, url: string, at: number, sdkFrame = SDK_FRAME): Timeline {
  t.apply({ type: 'hook', event: { type: 'created', socketId, at, url, protocols: [], frameUrl: 'https://app.example/', stack: [sdkFrame, 'StableWSConnection.connect (https://app.example/app.js:16600:3)'] } });
  return t.open(socketId, at);
}

/** The browser's async initiator stacks, one per socket in creation order, reaching the app's code. */
function withCallSites(t: Timeline, sites: Array<[url: string, appFrame: string]>): Timeline {
  t.state = withAsyncInitiators(
    t.state,
    sites.map(([url, appFrame]) => ({ url, frames: [SDK_FRAME, 'StreamChat.connectUser (https://app.example/app.js:20100:7)', appFrame, 'commitHookEffectListMount (https://app.example/app.js:5000:1)'] })),
  );
  return t;
}

function causeOf(t: Timeline, rule: string) {
  return t.state.findings.find((finding) => finding.rule === rule && finding.active)?.cause;
}

describe('the cause of a duplicate-connection', () => {
  it('is sdk-copies when the sockets carry different X-Stream-Client values', () => {
    const t = new Timeline();
    sdkConnect(t, 's1', `${alice}&X-Stream-Client=stream-chat-javascript-client-browser-9.53.0`, 0);
    sdkConnect(t, 's2', `${alice}&X-Stream-Client=stream-chat-javascript-client-browser-8.40.0`, 100);
    t.check(5000);
    expect(causeOf(t, 'duplicate-connection')).toMatchObject({ id: 'sdk-copies' });
    expect(causeOf(t, 'duplicate-connection')?.message).toContain('stream-chat-javascript-client-browser-9.53.0, stream-chat-javascript-client-browser-8.40.0');
  });

  it('is sdk-copies when the SDK opened them from two bundled copies (its new WebSocket at two places)', () => {
    const t = new Timeline();
    sdkConnect(t, 's1', alice, 0);
    sdkConnect(t, 's2', alice, 100, 'StableWSConnection._connect (https://app.example/app.js:40210:20)');
    t.check(5000);
    expect(causeOf(t, 'duplicate-connection')?.id).toBe('sdk-copies');
  });

  it('is separate-clients, naming both components, when two app call sites opened them', () => {
    const t = new Timeline();
    sdkConnect(t, 's1', alice, 0);
    sdkConnect(t, 's2', alice, 5000);
    withCallSites(t, [
      [alice, 'ChatWidget (https://app.example/src/ChatWidget.tsx:12:5)'],
      [alice, 'Inbox (https://app.example/src/Inbox.tsx:30:9)'],
    ]);
    t.check(10_000);
    expect(causeOf(t, 'duplicate-connection')).toEqual({
      id: 'separate-clients',
      message: 'Separate clients: ChatWidget (ChatWidget.tsx:12) and Inbox (Inbox.tsx:30) each create their own client; create one (StreamChat.getInstance, or one client in a context) and share it.',
    });
  });

  it('names the components, not the shared helper both call through', () => {
    const t = new Timeline();
    sdkConnect(t, 's1', alice, 0);
    sdkConnect(t, 's2', alice, 5000);
    const helper = 'connectAs (https://app.example/src/clients.ts:112:41)';
    t.state = withAsyncInitiators(t.state, [
      { url: alice, frames: [SDK_FRAME, helper, 'ChatWidget (https://app.example/src/ChatWidget.tsx:12:5)', 'main (https://app.example/src/main.tsx:1:1)'] },
      { url: alice, frames: [SDK_FRAME, helper, 'ChatWidget (https://app.example/src/ChatWidget.tsx:12:30)', 'main (https://app.example/src/main.tsx:1:1)'] },
    ]);
    t.check(10_000);
    expect(causeOf(t, 'duplicate-connection')?.message).toContain('ChatWidget (ChatWidget.tsx:12:5) and ChatWidget (ChatWidget.tsx:12:30) each create their own client');
  });

  it('is missing-disconnect when one call site opened a new socket and the previous stayed open', () => {
    const t = new Timeline();
    sdkConnect(t, 's1', alice, 0);
    sdkConnect(t, 's2', alice, 5000);
    withCallSites(t, [
      [alice, 'ChatPane (https://app.example/src/ChatPane.tsx:42:7)'],
      [alice, 'ChatPane (https://app.example/src/ChatPane.tsx:42:7)'],
    ]);
    t.check(10_000);
    expect(causeOf(t, 'duplicate-connection')?.id).toBe('missing-disconnect');
    expect(causeOf(t, 'duplicate-connection')?.message).toContain('ChatPane (ChatPane.tsx:42) opened a new connection while the previous one stayed open; call disconnectUser()');
  });

  it('rests on timing, and says how to see the app code, when no call site is known', () => {
    const together = new Timeline();
    sdkConnect(together, 's1', alice, 0);
    sdkConnect(together, 's2', alice, 50);
    together.check(5000);
    expect(causeOf(together, 'duplicate-connection')?.id).toBe('separate-clients');
    expect(causeOf(together, 'duplicate-connection')?.message).toContain('open DevTools before the page loads to see the app code');

    const later = new Timeline();
    sdkConnect(later, 's1', alice, 0);
    sdkConnect(later, 's2', alice, 20_000);
    later.check(25_000);
    expect(causeOf(later, 'duplicate-connection')?.id).toBe('missing-disconnect');
  });

  it('is updated when the app code becomes known after the finding was raised', () => {
    const t = new Timeline();
    sdkConnect(t, 's1', alice, 0);
    sdkConnect(t, 's2', alice, 50);
    t.check(5000);
    withCallSites(t, [
      [alice, 'Header (https://app.example/src/Header.tsx:3:1)'],
      [alice, 'Header (https://app.example/src/Header.tsx:3:1)'],
    ]);
    t.check(6000);
    expect(causeOf(t, 'duplicate-connection')?.id).toBe('missing-disconnect');
  });
});

describe('the cause of a user-switch-leak', () => {
  it('is missing-disconnect: connectUser for the next user without disconnectUser', () => {
    const t = new Timeline();
    sdkConnect(t, 's1', alice, 0);
    sdkConnect(t, 's2', bob, 4000);
    t.check(8000);
    expect(causeOf(t, 'user-switch-leak')).toMatchObject({ id: 'missing-disconnect' });
    expect(causeOf(t, 'user-switch-leak')?.message).toContain('await disconnectUser() before connectUser() for another user');
  });
});

describe('the cause of reconnect-churn', () => {
  it('is effect-rerun when one call site keeps replacing its socket (each closed by the client)', () => {
    const t = new Timeline();
    for (let i = 0; i < 6; i++) {
      sdkConnect(t, `s${i}`, alice, i * 200);
      if (i < 5) t.close(`s${i}`, i * 200 + 150);
    }
    withCallSites(t, Array.from({ length: 6 }, (): [string, string] => [alice, 'anonymous (https://app.example/src/Chat.tsx:8:3)']));
    t.check(1200);
    expect(causeOf(t, 'reconnect-churn')?.id).toBe('effect-rerun');
    expect(causeOf(t, 'reconnect-churn')?.message).toContain('useCallback');
  });

  it('is server-reconnect when the server closed each socket (not 1000 by the client)', () => {
    const t = new Timeline();
    for (let i = 0; i < 5; i++) {
      sdkConnect(t, `s${i}`, alice, i * 3000);
      if (i < 4) t.dropped(`s${i}`, i * 3000 + 2500, 4000);
    }
    t.check(13_000);
    expect(causeOf(t, 'reconnect-churn')).toMatchObject({ id: 'server-reconnect' });
    expect(causeOf(t, 'reconnect-churn')?.message).toContain('close code 4000');
  });

  it('is missing-disconnect when each replaced socket stayed open', () => {
    const t = new Timeline();
    for (let i = 0; i < 5; i++) sdkConnect(t, `s${i}`, alice, i * 300);
    t.check(1500);
    expect(causeOf(t, 'reconnect-churn')?.id).toBe('missing-disconnect');
  });
});

describe('strictmode-double-mount', () => {
  it("names React's double mount on both sockets, and raises no finding", () => {
    const t = new Timeline();
    sdkConnect(t, 's1', alice, 0);
    t.close('s1', 40);
    sdkConnect(t, 's2', alice, 60);
    t.check(5000);
    expect(t.state.findings).toEqual([]);
    const s1 = t.state.sockets.s1;
    const s2 = t.state.sockets.s2;
    if (!s1 || !s2) throw new Error('sockets missing');
    expect(strictModeDoubleMount(t.state, s1)?.id).toBe('strictmode-double-mount');
    expect(strictModeDoubleMount(t.state, s2)?.message).toContain('No bug');
  });

  it('is not named for a session the user ended after a while, nor for a server close', () => {
    const t = new Timeline();
    sdkConnect(t, 's1', alice, 0);
    t.close('s1', 8000);
    sdkConnect(t, 's2', alice, 8100);
    const u = new Timeline();
    sdkConnect(u, 's1', alice, 0);
    u.dropped('s1', 40, 1006);
    sdkConnect(u, 's2', alice, 60);
    for (const [timeline, id] of [[t, 's2'], [u, 's1']] as const) {
      const socket = timeline.state.sockets[id];
      if (!socket) throw new Error('socket missing');
      expect(strictModeDoubleMount(timeline.state, socket)).toBeNull();
    }
  });
});
