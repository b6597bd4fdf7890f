import { brief, frameText, isObject, parseJson, stringField } from './frameText';
import type { DecodedFrame, FrameInput, ProtocolDecoder } from './types';

const SERVER_TYPES = new Set(['welcome', 'ping', 'confirm_subscription', 'reject_subscription', 'disconnect']);
const COMMANDS = new Set(['subscribe', 'unsubscribe', 'message']);

/** The channel an identifier names: the identifier is itself JSON, `{"channel":"ChatChannel",…}`. */
function channelOf(identifier: unknown): { channel: string | null; params: unknown } {
  if (typeof identifier !== 'string') return { channel: null, params: null };
  const params = parseJson(identifier);
  return { channel: isObject(params) && typeof params['channel'] === 'string' ? params['channel'] : identifier, params: params ?? identifier };
}

/** Rails Action Cable: welcome and ping, subscription commands, and messages per channel. */
export const actionCableDecoder: ProtocolDecoder = {
  protocol: 'actioncable',
  label: 'Action Cable',
  decode(frame: FrameInput): DecodedFrame | null {
    if (frame.binary) return null;
    const { text, cut } = frameText(frame);
    const message = parseJson(text);
    if (!isObject(message)) {
      if (!cut) return null;
      const command = stringField(text, 'command') ?? stringField(text, 'type');
      return command ? { summary: `${command} …`, event: command, heartbeat: command === 'ping', view: { text }, partial: true } : { summary: 'message …', event: 'message', heartbeat: false, view: { text }, partial: true };
    }
    const { channel, params } = channelOf(message['identifier']);
    const on = channel ? ` ${channel}` : '';
    const type = message['type'];
    if (typeof type === 'string' && SERVER_TYPES.has(type)) {
      const reason = typeof message['reason'] === 'string' ? ` ${message['reason']}` : '';
      return { summary: `${type}${on}${reason}`, event: type, heartbeat: type === 'ping', view: { ...message, ...(channel ? { identifier: params } : {}) }, partial: false };
    }
    const command = message['command'];
    if (typeof command === 'string' && COMMANDS.has(command)) {
      // A `message` command's data is JSON too; its `action` names the channel method called.
      const data = typeof message['data'] === 'string' ? (parseJson(message['data']) ?? message['data']) : message['data'];
      const action = isObject(data) && typeof data['action'] === 'string' ? data['action'] : null;
      return { summary: `${command}${on}${action ? ` ${action}` : ''}${data === undefined ? '' : ` ${brief(data, 60)}`}`, event: action ?? command, heartbeat: false, view: { command, identifier: params, ...(data === undefined ? {} : { data }) }, partial: false };
    }
    if ('message' in message && channel) {
      return { summary: `message${on} ${brief(message['message'], 70)}`, event: 'message', heartbeat: false, view: { identifier: params, message: message['message'] }, partial: false };
    }
    return null;
  },
  recognizes(frame: FrameInput): boolean {
    if (frame.binary) return false;
    const message = parseJson(frameText(frame).text);
    return isObject(message) && (message['type'] === 'welcome' || (message['command'] === 'subscribe' && typeof message['identifier'] === 'string'));
  },
};
