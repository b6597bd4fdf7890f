import { describe, expect, it } from 'vitest';
import { streamConnectUrl, Timeline } from '../testing/timeline';

describe('invalid-user-id', () => {
  it('is an error for characters Stream does not allow, naming them', () => {
    const t = new Timeline().connect('a', streamConnectUrl('john.doe smith'), 0);
    t.check(1);
    expect(t.activeRules()).toEqual(['invalid-user-id:john.doe smith']);
    expect(t.state.findings[0]).toMatchObject({ severity: 'error', userId: 'john.doe smith', socketIds: ['a'] });
    expect(t.state.findings[0]?.message).toBe('User id "john.doe smith" has characters Stream does not allow (".", " "); only a-z, 0-9, @, _ and - are valid.');
  });

  it('is only a warning when upper case is the only problem', () => {
    const t = new Timeline().connect('a', streamConnectUrl('Alice'), 0);
    t.check(1);
    expect(t.state.findings[0]).toMatchObject({ rule: 'invalid-user-id', severity: 'warning' });
  });

  it('accepts a-z, 0-9, @, _ and -', () => {
    const t = new Timeline().connect('a', streamConnectUrl('user_42@team-a'), 0);
    t.check(1);
    expect(t.state.findings).toEqual([]);
  });

  it("leaves other SDKs' ids alone", () => {
    const t = new Timeline().connect('a', 'wss://ws-app.sendbird.com/?user_id=Jane%20Doe', 0);
    t.check(1);
    expect(t.state.findings).toEqual([]);
  });
});
