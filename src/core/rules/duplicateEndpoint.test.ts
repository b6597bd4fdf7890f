import { describe, expect, it } from 'vitest';
import { streamConnectUrl, Timeline } from '../testing/timeline';

describe('duplicate-endpoint', () => {
  it('fires for two anonymous sockets to the same origin and path', () => {
    const t = new Timeline().connect('a', 'wss://rt.example/socket?x=1', 0).connect('b', 'wss://rt.example/socket?x=2', 10);
    expect(t.check(500)).toBe(1010);
    t.check(1010);
    expect(t.activeRules()).toEqual(['duplicate-endpoint:wss://rt.example/socket']);
    expect(t.state.findings[0]).toMatchObject({ severity: 'warning', userId: null, socketIds: ['a', 'b'] });
  });

  it('does not fire for different paths, nor for sockets whose user is known', () => {
    const t = new Timeline()
      .connect('a', 'wss://rt.example/one', 0)
      .connect('b', 'wss://rt.example/two', 0)
      .connect('c', streamConnectUrl('alice'), 0)
      .connect('d', streamConnectUrl('bob'), 0);
    t.check(5000);
    expect(t.findingsOf('duplicate-endpoint')).toEqual([]);
  });
});
