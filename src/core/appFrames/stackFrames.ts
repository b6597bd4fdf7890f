/**
 * Stack frames as the record keeps them: V8's text form, `fn (url:line:col)` or `url:line:col`,
 * newest first, lines and columns 1-based. The hook's synchronous stack arrives in this form; an
 * async initiator stack (CDP or a DevTools HAR, 0-based) is written in it too, so one reader
 * serves both.
 */
export interface StackFrame {
  functionName: string;
  url: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

/** A CDP `Runtime.CallFrame` (also what a DevTools HAR `_initiator.stack` holds): 0-based. */
export interface CdpCallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

/** A CDP `Runtime.StackTrace`: the frames, then the async parent chain (`await`, `setTimeout`...). */
export interface CdpStackTrace {
  description?: string;
  callFrames: CdpCallFrame[];
  parent?: CdpStackTrace;
}

const FRAME = /^(?:(.*?)\s+\()?(\S+?):(\d+):(\d+)\)?$/;

export function parseFrame(text: string): StackFrame | null {
  const match = FRAME.exec(text.trim());
  if (!match) return null;
  const [, functionName = '', url = '', line = '0', column = '0'] = match;
  return { functionName: functionName.replace(/^async\s+/, ''), url, line: Number(line), column: Number(column) };
}

export function formatFrame(frame: StackFrame): string {
  const location = `${frame.url}:${frame.line}:${frame.column}`;
  return frame.functionName ? `${frame.functionName} (${location})` : location;
}

/** "ChatPane.tsx:42" from a frame's URL and line: what fits a table cell. */
export function shortLocation(frame: StackFrame): string {
  const file = frame.url.replace(/[?#].*$/, '').replace(/^.*\//, '');
  return `${file || frame.url}:${frame.line}`;
}

/** Every frame of an async stack, newest first, the async parents' frames after their children's. */
export function framesOfStackTrace(stack: CdpStackTrace | undefined, limit = 60): string[] {
  const frames: string[] = [];
  for (let trace = stack; trace && frames.length < limit; trace = trace.parent) {
    for (const call of trace.callFrames) {
      if (!call.url) continue;
      frames.push(formatFrame({ functionName: call.functionName, url: call.url, line: call.lineNumber + 1, column: call.columnNumber + 1 }));
      if (frames.length >= limit) break;
    }
  }
  return frames;
}
