import { describe, expect, it } from 'vitest';
import { HOOK_SOURCE, PROTOCOL_VERSION, WIRE_LIMITS } from './constants';
import { hookMessageSchema, parseHookMessage } from './hookMessages';
import { parseWire } from './parse';

const checkHookMessage = (value: unknown) => parseWire(hookMessageSchema, value);

const created = { type: 'created', socketId: 'x-1', at: 1, url: 'wss://a/', protocols: [], frameUrl: 'https://a/', stack: [] };

describe('the hook message schema', () => {
  it('accepts a well-formed batch', () => {
    const result = checkHookMessage({ source: HOOK_SOURCE, version: PROTOCOL_VERSION, events: [created] });
    expect(result.ok).toBe(true);
  });

  it('accepts a long-poll session and refuses an unknown transport', () => {
    expect(checkHookMessage({ source: HOOK_SOURCE, version: PROTOCOL_VERSION, events: [{ ...created, transport: 'longpoll' }] }).ok).toBe(true);
    expect(checkHookMessage({ source: HOOK_SOURCE, version: PROTOCOL_VERSION, events: [{ ...created, transport: 'pigeon' }] }).ok).toBe(false);
  });

  it.each([
    ['another source', { source: 'evil', version: PROTOCOL_VERSION, events: [] }],
    ['another version', { source: HOOK_SOURCE, version: 99, events: [] }],
    ['an unknown event', { source: HOOK_SOURCE, version: PROTOCOL_VERSION, events: [{ type: 'boom', socketId: 'a', at: 1 }] }],
    ['a negative size', { source: HOOK_SOURCE, version: PROTOCOL_VERSION, events: [{ type: 'message', socketId: 'a', at: 1, direction: 'in', size: -1, binary: false, preview: '' }] }],
    ['an extra field', { source: HOOK_SOURCE, version: PROTOCOL_VERSION, events: [{ ...created, command: 'clear' }] }],
    ['a huge extensions header', { source: HOOK_SOURCE, version: PROTOCOL_VERSION, events: [{ type: 'open', socketId: 'a', at: 1, protocol: '', extensions: 'x'.repeat(WIRE_LIMITS.extensions + 1) }] }],
    ['a huge url', { source: HOOK_SOURCE, version: PROTOCOL_VERSION, events: [{ ...created, url: 'x'.repeat(100_000) }] }],
    ['not an object', 'hello'],
  ])('rejects %s with a readable reason', (_name, value) => {
    const result = checkHookMessage(value);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.length).toBeGreaterThan(3);
  });
});

describe('parseHookMessage: the text the relay forwards unchecked', () => {
  it('parses and checks it in one step', () => {
    const result = parseHookMessage(JSON.stringify({ source: HOOK_SOURCE, version: PROTOCOL_VERSION, events: [created] }));
    expect(result.ok && result.value.events).toEqual([created]);
  });

  it.each([
    ['text that is not JSON', '{"source":', /not JSON/],
    ['JSON that fails the schema', JSON.stringify({ source: HOOK_SOURCE, version: PROTOCOL_VERSION, events: [{ ...created, command: 'clear' }] }), /events/],
    ['an empty text', '', /not JSON/],
  ])('refuses %s with a reason, without throwing', (_name, text, reason) => {
    const result = parseHookMessage(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(reason);
  });
});
