import { describe, expect, it } from 'vitest';
import { formatRoutine, routineSteps } from './routine';

describe('the routine', () => {
  it('loads, reloads twice, visits the routes, and leaves the site and comes back; a route seen before is "back to"', () => {
    expect(routineSteps('http://app.example/chat', ['/settings', '/chat', '/settings']).map((step) => step.name)).toEqual([
      'load',
      'reload 1',
      'reload 2',
      'route /settings',
      'back to /chat',
      'back to /settings',
      'off the site and back',
    ]);
    expect(routineSteps('http://app.example/app#/chat', []).map((step) => step.name)).toEqual(['load', 'reload 1', 'reload 2', 'off the site and back']);
  });

  it('prints a table of steps, sockets per user and the findings each raised', () => {
    const text = formatRoutine([
      { step: 'load', url: 'u', at: 0, socketsByUser: { alice: 1 }, findings: [] },
      { step: 'back to /chat', url: 'u', at: 0, socketsByUser: { alice: 2, bob: 1 }, findings: ['duplicate-connection:alice'] },
      { step: 'route /settings', url: 'u', at: 0, socketsByUser: {}, findings: [] },
    ]);
    expect(text.split('\n')).toEqual([
      'Routine:',
      'step             live sockets per user  findings raised',
      'load             alice 1                –',
      'back to /chat    alice 2, bob 1         duplicate-connection:alice',
      'route /settings  none                   –',
    ]);
  });
});
