// Bench floor: the least a WebSocket observer can do in the page. One `message` listener per
// socket and a wrapped `send`, each adding the data's length to a number; nothing leaves the page.
(() => {
  const Native = window.WebSocket;
  const nativeSend = Native.prototype.send;
  let bytes = 0;
  /** @param {unknown} data */
  const count = (data) => {
    bytes += typeof data === 'string' ? data.length : data instanceof ArrayBuffer || ArrayBuffer.isView(data) ? data.byteLength : 0;
  };
  window.WebSocket = new Proxy(Native, {
    construct(target, args, newTarget) {
      const socket = Reflect.construct(target, args, newTarget);
      socket.addEventListener('message', (/** @type {MessageEvent} */ event) => count(event.data));
      return socket;
    },
  });
  /** @this {WebSocket} @param {string | ArrayBuffer | Blob | ArrayBufferView<ArrayBuffer>} data */
  Native.prototype.send = function send(data) {
    count(data);
    return nativeSend.call(this, data);
  };
  Object.defineProperty(window, '__floorBytes', { get: () => bytes });
})();
