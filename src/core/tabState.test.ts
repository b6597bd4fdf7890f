import { describe, expect, it } from 'vitest';
import { streamConnectUrl, Timeline } from './testing/timeline';
import { alreadyApplied, hasActiveError, liveSocketCount, socketOrdinals } from './tabState';
import { DEFAULT_SETTINGS } from './settings/defaults';

describe('applyTabEvents', () => {
  it('records a socket through its life with counters and its owner', () => {
    const t = new Timeline().connect('a', streamConnectUrl('alice'), 10);
    t.receive('a', 20, JSON.stringify({ type: 'health.check', connection_id: 'conn-1', me: { id: 'alice' } }));
    t.apply({ type: 'hook', event: { type: 'message', socketId: 'a', at: 30, direction: 'out', size: 4, binary: true, preview: '00 01 02 03' } });
    t.close('a', 40, 1000);
    const socket = t.state.sockets['a'];
    expect(socket).toMatchObject({
      state: 'closed',
      createdAt: 10,
      connectedAt: 10,
      closedAt: 40,
      closeCode: 1000,
      messagesReceived: 1,
      messagesSent: 1,
      bytesSent: 4,
      initiator: 'connect (https://app.example/app.js:1:1)',
      identity: { userId: 'alice', apiKey: 'demo-key', source: 'stream-url', connectionId: 'conn-1' },
    });
    expect(socket?.bytesReceived).toBeGreaterThan(40);
  });

  it('keeps a bounded frame history per socket, newest last', () => {
    const t = new Timeline({ ...DEFAULT_SETTINGS, framesPerSocket: 3 }).connect('a', 'wss://x.example/', 0);
    for (let i = 1; i <= 5; i++) t.receive('a', i, `m${i}`);
    expect(t.state.sockets['a']?.frames.map((f) => f.preview)).toEqual(['m3', 'm4', 'm5']);
    expect(t.state.sockets['a']?.messagesReceived).toBe(5);
  });

  it('keeps no frame previews with frame capture off, but still counts the frames', () => {
    const t = new Timeline({ ...DEFAULT_SETTINGS, captureFrames: false }).connect('a', 'wss://x.example/', 0);
    t.receive('a', 1, 'secret chat text');
    expect(t.state.sockets['a']?.frames).toEqual([]);
    expect(t.state.sockets['a']?.messagesReceived).toBe(1);
  });

  it('ignores a duplicate created event and events of unknown sockets', () => {
    const t = new Timeline().connect('a', 'wss://x.example/', 0).connect('a', 'wss://y.example/', 1);
    t.receive('zzz', 2, 'hi');
    expect(t.state.socketOrder).toEqual(['a']);
    expect(t.state.sockets['a']?.url).toBe('wss://x.example/');
  });

  it('starts a fresh record on a new document unless Preserve log is on', () => {
    const t = new Timeline().connect('a', streamConnectUrl('alice'), 0).connect('b', streamConnectUrl('alice'), 0);
    t.check(2000);
    t.apply({ type: 'document-started', at: 3000, url: 'https://app.example/next' });
    expect(t.state.socketOrder).toEqual([]);
    t.connect('c', streamConnectUrl('alice'), 3100);
    expect(socketOrdinals(t.state).get('c')).toBe(1);
    expect(t.state.findings).toEqual([]);
    expect(t.state.pages.map((p) => p.url)).toEqual(['https://app.example/next']);
  });

  it('with Preserve log keeps earlier pages, closes their sockets and resolves their findings', () => {
    const t = new Timeline().apply({ type: 'set-preserve-log', value: true });
    t.connect('a', streamConnectUrl('alice'), 0).connect('b', streamConnectUrl('alice'), 0);
    t.check(2000);
    expect(hasActiveError(t.state)).toBe(true);
    t.apply({ type: 'document-started', at: 3000, url: 'https://app.example/next' });
    t.connect('c', streamConnectUrl('alice'), 3100);
    t.check(5000);
    expect(t.state.pages).toHaveLength(2);
    expect(t.state.sockets['a']).toMatchObject({ state: 'closed', closedAt: 3000, pageId: t.state.pages[0]?.id });
    expect(t.state.sockets['c']?.pageId).toBe(t.state.pages[1]?.id);
    expect(liveSocketCount(t.state)).toBe(1);
    expect(t.state.findings.map((f) => f.active)).toEqual([false]);
    expect(hasActiveError(t.state)).toBe(false);
  });

  it('Clear forgets closed sockets, resolved findings and frames, and keeps the live sockets with their counts and findings', () => {
    const t = new Timeline().connect('a', streamConnectUrl('bob'), 0).close('a', 10);
    t.connect('b', streamConnectUrl('carol'), 20).connect('c', streamConnectUrl('carol'), 20).check(2000);
    t.close('c', 2100).check(2100);
    t.connect('d', streamConnectUrl('alice'), 3000).connect('e', streamConnectUrl('alice'), 3000);
    t.receive('d', 3100, 'hello');
    t.check(5000);
    const duplicates = () => t.state.findings.filter((f) => f.rule === 'duplicate-connection').map((f) => [f.userId, f.active]);
    expect(duplicates()).toEqual([
      ['carol', false],
      ['alice', true],
    ]);
    t.apply({ type: 'clear', at: 6000 });
    t.check(6000);
    expect(t.state.socketOrder).toEqual(['b', 'd', 'e']);
    expect(liveSocketCount(t.state)).toBe(3);
    expect(t.state.sockets['d']).toMatchObject({ messagesReceived: 1, frames: [] });
    expect(duplicates()).toEqual([['alice', true]]);
    expect(t.state.findings.every((f) => f.active)).toBe(true);
    expect(hasActiveError(t.state)).toBe(true);
  });
});

describe('the per-tab socket cap', () => {
  it('evicts the oldest closed sockets first and counts them', () => {
    const t = new Timeline({ ...DEFAULT_SETTINGS, maxSocketsPerTab: 3 });
    t.connect('a', 'wss://x.example/', 0).connect('b', 'wss://x.example/', 1).close('b', 2).connect('c', 'wss://x.example/', 3).close('c', 4);
    t.connect('d', 'wss://x.example/', 5).connect('e', 'wss://x.example/', 6);
    expect(t.state.socketOrder).toEqual(['a', 'd', 'e']);
    expect(t.state.evictedSockets).toBe(2);
  });

  it('keeps each socket\'s number through eviction and Clear, and remembers the numbers of evicted sockets a finding names', () => {
    const t = new Timeline({ ...DEFAULT_SETTINGS, maxSocketsPerTab: 3 });
    t.connect('a', streamConnectUrl('alice'), 0).connect('b', streamConnectUrl('alice'), 1).check(2000);
    t.close('a', 2100).close('b', 2100).check(2100);
    t.connect('c', 'wss://x.example/', 3000).connect('d', 'wss://x.example/', 3001).connect('e', 'wss://x.example/', 3002);
    expect(t.state.socketOrder).toEqual(['c', 'd', 'e']);
    expect([...socketOrdinals(t.state)]).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
      ['d', 4],
      ['e', 5],
    ]);
    t.close('c', 3100).apply({ type: 'clear', at: 4000 });
    expect([...socketOrdinals(t.state)]).toEqual([
      ['d', 4],
      ['e', 5],
    ]);
    t.connect('f', 'wss://x.example/', 4100);
    expect(socketOrdinals(t.state).get('f')).toBe(6);
  });

  it('evicts the oldest live socket only when every socket is live', () => {
    const t = new Timeline({ ...DEFAULT_SETTINGS, maxSocketsPerTab: 2 });
    t.connect('a', 'wss://x.example/', 0).connect('b', 'wss://x.example/', 1).connect('c', 'wss://x.example/', 2);
    expect(t.state.socketOrder).toEqual(['b', 'c']);
    expect(t.state.evictedSockets).toBe(1);
  });
});

describe('delivery across worker restarts and document teardown', () => {
  it('remembers applied relay sequence numbers so a resent message is recognised', () => {
    const t = new Timeline().apply({ type: 'document-seq', documentId: 'doc-1', seq: 7 });
    expect(alreadyApplied(t.state, 'doc-1', 7)).toBe(true);
    expect(alreadyApplied(t.state, 'doc-1', 8)).toBe(false);
    expect(alreadyApplied(t.state, 'doc-2', 1)).toBe(false);
  });

  it('closes the live sockets of a document that is gone, and only those', () => {
    const t = new Timeline();
    const created = (socketId: string, documentId: string) =>
      t.apply({ type: 'hook', documentId, event: { type: 'created', socketId, at: 1, url: 'wss://x.example/', protocols: [], frameUrl: 'https://app.example/frame', stack: [] } });
    created('in-frame', 'doc-frame');
    created('in-top', 'doc-top');
    t.apply({ type: 'document-gone', documentId: 'doc-frame', at: 50 });
    expect(t.state.sockets['in-frame']).toMatchObject({ state: 'closed', closedAt: 50, closeReason: 'document gone' });
    expect(t.state.sockets['in-top']?.state).toBe('connecting');
    expect(liveSocketCount(t.state)).toBe(1);
  });
});
