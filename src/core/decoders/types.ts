import type { DecodedProtocol } from '../types';
import type { Direction } from '../wire/hookMessages';

export type { DecodedProtocol };

/** What a decoder reads of a recorded frame (a FrameRecord has these and more). */
export interface FrameInput {
  direction: Direction;
  /** Bytes of the whole payload: tells a preview cut at the cap from a frame that ends in '…'. */
  size: number;
  binary: boolean;
  /** Text as is, binary as hex of its first bytes ("0f a0 …"), both cut at the preview cap. */
  preview: string;
}

/** A frame as a person reads it. */
export interface DecodedFrame {
  /** One line for the table, e.g. `EVENT "message" on /chat, ack 3`. */
  summary: string;
  /** The event the frame carries (Stream `type`, Socket.IO event, STOMP command…); null when it names none. */
  event: string | null;
  /** Keep-alive traffic (pings, health checks) the Frames tab hides by default. */
  heartbeat: boolean;
  /** The structured view: the protocol's fields by name. */
  view: unknown;
  /** The preview was cut at the cap: the view holds what could be read of it. */
  partial: boolean;
}

export interface ProtocolDecoder {
  protocol: DecodedProtocol;
  /** Human name, e.g. "Socket.IO". */
  label: string;
  /** The frame read in this protocol, or null when it is not one of its frames (shown raw). */
  decode(frame: FrameInput): DecodedFrame | null;
  /** Whether this frame alone says the socket speaks this protocol (a handshake, a typical first frame). */
  recognizes(frame: FrameInput): boolean;
}
