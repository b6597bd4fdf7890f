import { describe, expect, it } from 'vitest';
import { redactTabState } from '../../core/redact';
import { streamConnectUrl, Timeline } from '../../core/testing/timeline';
import { connectDetails, lifecycleOf, prettyFrame, privacySettingsOf } from './socketDetails';

const base64url = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('socket details', () => {
  it('shows the claims of a redacted socket from its decoded token, while its URL holds no part of the token', () => {
    const claimsPart = base64url({ user_id: 'alice', exp: 2_000_000_000 });
    const token = `${base64url({ alg: 'HS256' })}.${claimsPart}.real-signature`;
    const url = `wss://chat.example/connect?json=${encodeURIComponent(JSON.stringify({ user_id: 'alice', user_details: { id: 'alice' } }))}&authorization=${token}`;
    const socket = redactTabState(new Timeline().connect('a', url, 1000).state).sockets['a']!;
    const details = connectDetails(socket);
    expect(details.payload).toEqual({ user_id: 'alice', user_details: { id: 'alice' } });
    expect(details.token).toEqual({ param: 'authorization', claims: { user_id: 'alice', exp: 2_000_000_000 }, signature: 'redacted' });
    expect(details.params).toContainEqual({ name: 'authorization', value: '[REDACTED]' });
    expect(socket.url).not.toContain(claimsPart);
    expect(JSON.stringify(details)).not.toContain('real-signature');
  });

  it('reads the token from the URL itself while redaction is off', () => {
    const token = `${base64url({ alg: 'HS256' })}.${base64url({ user_id: 'carol' })}.sig`;
    expect(connectDetails({ url: `wss://x.example/connect?authorization=${token}` }).token).toEqual({ param: 'authorization', claims: { user_id: 'carol' }, signature: 'present' });
  });

  it('recognises a development token, redacted or not', () => {
    const token = `${base64url({ alg: 'HS256' })}.${base64url({ user_id: 'bob' })}.devtoken`;
    const url = `wss://x.example/connect?authorization=${token}`;
    expect(connectDetails({ url }).token?.signature).toBe('devtoken');
    expect(connectDetails(redactTabState(new Timeline().connect('b', url, 1000).state).sockets['b']!).token?.signature).toBe('devtoken');
  });

  it('reads Stream privacy settings as on/off lines', () => {
    expect(privacySettingsOf({ id: 'a', privacy_settings: { typing_indicators: { enabled: false }, read_receipts: { enabled: true } } })).toEqual([
      { name: 'Typing indicators', value: 'off' },
      { name: 'Read receipts', value: 'on' },
    ]);
    expect(privacySettingsOf({ id: 'a' })).toEqual([]);
  });

  it('tells the lifecycle with durations and the close code', () => {
    const t = new Timeline().connect('a', streamConnectUrl('alice'), 1000).close('a', 4000, 1000);
    const steps = lifecycleOf(t.state.sockets['a']!, 9000, (ms) => `${ms} ms`);
    expect(steps.map((step) => [step.label, step.detail])).toEqual([
      ['Created', 'new WebSocket(…)'],
      ['Open', 'after 0 ms'],
      ['Closed', 'code 1000; lived 3000 ms'],
    ]);
  });

  it('pretty-prints JSON frames and leaves other text alone', () => {
    expect(prettyFrame('{"type":"health.check"}')).toBe('{\n  "type": "health.check"\n}');
    expect(prettyFrame('hello')).toBe('hello');
  });
});
