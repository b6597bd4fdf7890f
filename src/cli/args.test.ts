import { describe, expect, it } from 'vitest';
import { DEFAULT_DURATION_MS, parseCommand, UsageError } from './args';

const OUTPUT_DEFAULTS = { json: false, failOn: 'error', reportFile: null, markdownFile: null, junitFile: null, settingsFile: null, expectSockets: false, quiet: false };

describe('onesocket CLI arguments', () => {
  it('reads an audit with every option', () => {
    expect(
      parseCommand([
        'audit', 'http://localhost:3000/chat', '--json', '--duration', '8000', '--script', 'flows/login.mjs', '--fail-on', 'warning',
        '--junit', 'out/junit.xml', '--report', 'out/report.json', '--markdown', 'out/report.md', '--settings', 'onesocket.json', '--expect-sockets', '--quiet',
      ]),
    ).toEqual({
      kind: 'audit',
      options: {
        url: 'http://localhost:3000/chat', durationMs: 8000, script: 'flows/login.mjs', json: true, failOn: 'warning',
        junitFile: 'out/junit.xml', reportFile: 'out/report.json', markdownFile: 'out/report.md', settingsFile: 'onesocket.json', expectSockets: true, quiet: true,
        routine: null,
      },
    });
  });

  it('defaults to a 5 s watch, human output, no flow, failing on errors only', () => {
    expect(parseCommand(['audit', 'https://app.example/'])).toEqual({
      kind: 'audit',
      options: { ...OUTPUT_DEFAULTS, url: 'https://app.example/', durationMs: DEFAULT_DURATION_MS, script: null, routine: null },
    });
  });

  it('reads the routine and its routes', () => {
    const command = parseCommand(['audit', 'http://x/', '--routine', '--routes', '/chat, /settings,/chat']);
    expect(command.kind === 'audit' && command.options.routine).toEqual({ routes: ['/chat', '/settings', '/chat'] });
    const bare = parseCommand(['audit', 'http://x/', '--routine']);
    expect(bare.kind === 'audit' && bare.options.routine).toEqual({ routes: [] });
  });

  it('reads analyze with a HAR file and the shared options', () => {
    expect(parseCommand(['analyze', 'session.har', '--fail-on', 'info', '--json'])).toEqual({
      kind: 'analyze',
      options: { ...OUTPUT_DEFAULTS, harFile: 'session.har', failOn: 'info', json: true },
    });
  });

  it('shows the usage or the version when asked', () => {
    expect(parseCommand(['--help'])).toEqual({ kind: 'help' });
    expect(parseCommand(['audit', '-h'])).toEqual({ kind: 'help' });
    expect(parseCommand(['--version'])).toEqual({ kind: 'version' });
  });

  it.each([
    [[], /say what to do/],
    [['check', 'http://x/'], /unknown command "check"/],
    [['audit'], /needs the URL/],
    [['analyze'], /needs the HAR file/],
    [['analyze', 'a.har', '--duration', '100'], /--duration, --script, --routine and --routes are for audit/],
    [['audit', 'localhost:3000'], /not an http\(s\) URL/],
    [['audit', 'file:///tmp/chat.html'], /not an http\(s\) URL/],
    [['audit', 'http://x/', 'http://y/'], /unexpected argument "http:\/\/y\/"/],
    [['audit', 'http://x/', '--duration', '5s'], /whole milliseconds, not "5s"/],
    [['audit', 'http://x/', '--duration=-1'], /whole milliseconds/],
    [['audit', 'http://x/', '--duration', '-5'], /^--duration needs a value/],
    [['audit', 'http://x/', '--verbose'], /^unknown option "--verbose"$/],
    [['audit', 'http://x/', '--script'], /^--script needs a value$/],
    [['audit', 'http://x/', '--routes', '/chat'], /--routes goes with --routine/],
    [['audit', 'http://x/', '--routine', '--routes', '/chat,,/x'], /--routes takes comma-separated routes/],
    [['audit', 'http://x/', '--routine', '--duration', '100'], /--duration is for a watch/],
    [['audit', 'http://x/', '--fail-on', 'fatal'], /--fail-on takes error, warning or info, not "fatal"/],
  ])('refuses %j with a clear message', (argv, message) => {
    expect(() => parseCommand(argv)).toThrow(UsageError);
    expect(() => parseCommand(argv)).toThrow(message);
  });
});
