import { describe, expect, it } from 'vitest';
import { DEFAULT_DURATION_MS, parseCommand, UsageError } from './args';

describe('onesocket CLI arguments', () => {
  it('reads an audit with every option', () => {
    expect(parseCommand(['audit', 'http://localhost:3000/chat', '--json', '--duration', '8000', '--script', 'flows/login.mjs'])).toEqual({
      kind: 'audit',
      options: { url: 'http://localhost:3000/chat', json: true, durationMs: 8000, script: 'flows/login.mjs' },
    });
  });

  it('defaults to a 5 s watch, human output and no flow', () => {
    expect(parseCommand(['audit', 'https://app.example/'])).toEqual({
      kind: 'audit',
      options: { url: 'https://app.example/', json: false, durationMs: DEFAULT_DURATION_MS, script: null },
    });
  });

  it('shows the usage when asked or given nothing', () => {
    expect(parseCommand([])).toEqual({ kind: 'help' });
    expect(parseCommand(['--help'])).toEqual({ kind: 'help' });
    expect(parseCommand(['audit', '-h'])).toEqual({ kind: 'help' });
  });

  it.each([
    [['check', 'http://x/'], /unknown command "check"/],
    [['audit'], /needs the URL/],
    [['audit', 'localhost:3000'], /not an http\(s\) URL/],
    [['audit', 'file:///tmp/chat.html'], /not an http\(s\) URL/],
    [['audit', 'http://x/', 'http://y/'], /unexpected argument "http:\/\/y\/"/],
    [['audit', 'http://x/', '--duration', '5s'], /whole milliseconds, not "5s"/],
    [['audit', 'http://x/', '--duration=-1'], /whole milliseconds/],
    [['audit', 'http://x/', '--verbose'], /verbose/],
    [['audit', 'http://x/', '--script'], /script/],
  ])('refuses %j with a clear message', (argv, message) => {
    expect(() => parseCommand(argv)).toThrow(UsageError);
    expect(() => parseCommand(argv)).toThrow(message);
  });
});
