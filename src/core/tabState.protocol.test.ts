import { describe, expect, it } from 'vitest';
import { buildReport } from './report';
import { streamConnectUrl, Timeline } from './testing/timeline';

const SIGNALR_HANDSHAKE = '{"protocol":"json","version":1}\u001e';

describe('the protocol a socket speaks, on its record and in the report', () => {
  it('is read from the handshake when it names one', () => {
    const t = new Timeline();
    t.apply({ type: 'hook', event: { type: 'created', socketId: 's', at: 0, url: 'wss://broker.example/ws', protocols: ['v12.stomp'], frameUrl: 'https://app.example/', stack: [] } });
    expect(t.state.sockets['s']?.protocol).toBe('stomp');
    t.connect('chat', streamConnectUrl('alice'), 0);
    expect(t.state.sockets['chat']?.protocol).toBe('stream');
  });

  it('else from the first frames each way, and only those', () => {
    const t = new Timeline().connect('hub', 'wss://app.example/chathub', 0);
    expect(t.state.sockets['hub']?.protocol).toBeNull();
    t.send('hub', 1, SIGNALR_HANDSHAKE);
    expect(t.state.sockets['hub']?.protocol).toBe('signalr');

    // A socket whose first frames say nothing stays unknown, whatever later frames look like.
    const late = new Timeline().connect('x', 'wss://app.example/ws', 0).send('x', 1, 'hello').send('x', 2, 'hello again').send('x', 3, SIGNALR_HANDSHAKE);
    expect(late.state.sockets['x']?.protocol).toBeNull();
  });

  it('is exported on each socket of the report', () => {
    const t = new Timeline().connect('a', streamConnectUrl('alice'), 0).connect('b', 'wss://app.example/ws', 0);
    const report = buildReport(t.state, { now: 10, toolVersion: '0.1.0', redact: true });
    expect(report.sockets.map((socket) => socket.protocol)).toEqual(['stream', null]);
  });
});
