import { describe, expect, it } from 'vitest';
import type { FrameRecord } from '../../core/types';
import { decodedFrame, eventNames, filterFrames, frameRows, DEFAULT_FRAME_FILTER } from './decodedFrames';

const frame = (direction: 'in' | 'out', preview: string, at = 0): FrameRecord => ({ at, direction, size: preview.length, binary: false, preview });
const FRAMES = [frame('out', '2probe'), frame('in', '3probe'), frame('out', '42["hello","alice"]'), frame('in', '2'), frame('out', '3'), frame('in', '42["welcome",{"to":"alice"}]'), frame('in', '42["hello","bob"]'), frame('in', 'garbage')];

describe('the Frames tab model', () => {
  const rows = frameRows(FRAMES, 'socket.io');

  it('hides heartbeats by default, shows them when asked', () => {
    expect(filterFrames(rows, DEFAULT_FRAME_FILTER)).toHaveLength(6);
    expect(filterFrames(rows, { ...DEFAULT_FRAME_FILTER, hideHeartbeats: false })).toHaveLength(8);
  });

  it('filters by event name and direction, and searches the frame and its summary', () => {
    expect(filterFrames(rows, { ...DEFAULT_FRAME_FILTER, event: 'hello' }).map((row) => row.frame.preview)).toEqual(['42["hello","alice"]', '42["hello","bob"]']);
    expect(filterFrames(rows, { ...DEFAULT_FRAME_FILTER, event: 'hello', direction: 'in' }).map((row) => row.frame.preview)).toEqual(['42["hello","bob"]']);
    expect(filterFrames(rows, { ...DEFAULT_FRAME_FILTER, search: 'GARB' }).map((row) => row.frame.preview)).toEqual(['garbage']);
    expect(filterFrames(rows, { ...DEFAULT_FRAME_FILTER, search: 'EVENT "welcome"' })).toHaveLength(1);
  });

  it('lists the event names, most frequent first', () => {
    expect(eventNames(rows)).toEqual(['hello', 'probe', 'ping', 'pong', 'welcome']);
  });

  it('decodes each frame once, whatever copy of it a snapshot brings', () => {
    const first = decodedFrame('socket.io', frame('in', '42["once"]'));
    expect(decodedFrame('socket.io', frame('in', '42["once"]', 99))).toBe(first);
    expect(decodedFrame(null, frame('in', '42["once"]'))).toBeNull();
  });
});
