/**
 * What a page can observe about WebSocket, run inside the page (page.evaluate) with and
 * without the extension: the two results must be identical. The function is serialised into
 * the page, so it is self-contained: no imports, no closures over this module.
 *
 * Results are plain JSON: values, error names and messages, and the order in which handlers
 * fired. `socketsConstructed` counts the sockets the page created, so the test can check the
 * extension recorded every one of them.
 */
export interface TransparencyResults {
  checks: Record<string, unknown>;
  socketsConstructed: number;
}

export async function runTransparencyChecks(wsOrigin: string): Promise<TransparencyResults> {
  const checks: Record<string, unknown> = {};
  let socketsConstructed = 0;
  const held: WebSocket[] = [];
  const open = (url: string, protocols?: string | string[]): WebSocket => {
    const socket = new WebSocket(url, protocols);
    socketsConstructed++;
    held.push(socket);
    return socket;
  };
  const errorOf = (run: () => unknown): unknown => {
    try {
      const value = run();
      return { returned: typeof value };
    } catch (error) {
      const e = error as Error;
      // The stack's frames too: an error tracker records them, and the native error has only the
      // page's. A frame of V8's own builtins (`(<anonymous>)`, no line) is left out: the one
      // builtin the hook wraps, Function.prototype.toString, shows such a frame over the page's,
      // and no trap can drop its own frame while keeping one the builtin made above it.
      const frames = typeof e?.stack === 'string' ? e.stack.split('\n').filter((line) => line.startsWith('    at ') && !line.endsWith('(<anonymous>)')) : null;
      return { name: e?.name, message: e?.message, isDOMException: e instanceof DOMException, code: (e as DOMException)?.code, frames };
    }
  };
  const describe = (target: object, key: PropertyKey): unknown => {
    const descriptor = Object.getOwnPropertyDescriptor(target, key);
    if (!descriptor) return null;
    return {
      writable: descriptor.writable ?? null,
      enumerable: descriptor.enumerable,
      configurable: descriptor.configurable,
      kind: 'value' in descriptor ? typeof descriptor.value : 'accessor',
    };
  };
  const until = <T>(socket: WebSocket, type: string, read: (event: Event) => T): Promise<T> =>
    new Promise((resolve) => socket.addEventListener(type, (event) => resolve(read(event)), { once: true }));
  const toString = Function.prototype.toString;

  // The constructor and its prototype, as the page sees them.
  checks.identity = {
    typeof: typeof WebSocket,
    name: WebSocket.name,
    length: WebSocket.length,
    constants: [WebSocket.CONNECTING, WebSocket.OPEN, WebSocket.CLOSING, WebSocket.CLOSED],
    protoConstants: [WebSocket.prototype.CONNECTING, WebSocket.prototype.OPEN, WebSocket.prototype.CLOSING, WebSocket.prototype.CLOSED],
    protoConstructorIsGlobal: WebSocket.prototype.constructor === WebSocket,
    parentIsEventTarget: Object.getPrototypeOf(WebSocket) === EventTarget,
    protoParentIsEventTargetProto: Object.getPrototypeOf(WebSocket.prototype) === EventTarget.prototype,
    sameOnSelfAndGlobalThis: self.WebSocket === WebSocket && globalThis.WebSocket === WebSocket,
    staticKeys: Reflect.ownKeys(WebSocket).map(String).sort(),
    protoKeys: Reflect.ownKeys(WebSocket.prototype).map(String).sort(),
    globalDescriptor: describe(window, 'WebSocket'),
    sendDescriptor: describe(WebSocket.prototype, 'send'),
    closeDescriptor: describe(WebSocket.prototype, 'close'),
    constructorDescriptor: describe(WebSocket.prototype, 'constructor'),
    objectToString: Object.prototype.toString.call(WebSocket),
    sendNameLength: [WebSocket.prototype.send.name, WebSocket.prototype.send.length],
    closeNameLength: [WebSocket.prototype.close.name, WebSocket.prototype.close.length],
  };

  // Source text: what Function.prototype.toString prints, including for itself.
  checks.sourceText = {
    constructor: toString.call(WebSocket),
    viaString: String(WebSocket),
    viaMethod: WebSocket.toString(),
    send: toString.call(WebSocket.prototype.send),
    close: toString.call(WebSocket.prototype.close),
    toStringItself: toString.call(toString),
    toStringToString: toString.toString(),
    toStringNameLength: [toString.name, toString.length],
    toStringDescriptor: describe(Function.prototype, 'toString'),
    toStringOnObject: errorOf(() => toString.call({})),
    fetch: toString.call(fetch),
    xhrOpen: toString.call(XMLHttpRequest.prototype.open),
    xhrSend: toString.call(XMLHttpRequest.prototype.send),
  };

  // The same exceptions, from the native code.
  checks.exceptions = {
    callWithoutNew: errorOf(() => (WebSocket as unknown as (url: string) => unknown)(`${wsOrigin}/x`)),
    noArguments: errorOf(() => new (WebSocket as unknown as new () => WebSocket)()),
    relativeUrl: errorOf(() => open('not a url')),
    badUrl: errorOf(() => open('ws://[')),
    badScheme: errorOf(() => open('ftp://127.0.0.1/')),
    fragment: errorOf(() => open(`${wsOrigin}/fragment#hash`).close()),
    duplicateProtocols: errorOf(() => open(`${wsOrigin}/x`, ['chat', 'chat'])),
    badProtocolToken: errorOf(() => open(`${wsOrigin}/x`, ['bad protocol'])),
  };
  const early = open(`${wsOrigin}/early`);
  checks.exceptions = {
    ...(checks.exceptions as object),
    sendBeforeOpen: errorOf(() => early.send('too soon')),
    // The wrapper tells no argument from one (the native's TypeError) and passes on one of many.
    sendNothing: errorOf(() => (early as unknown as { send(): void }).send()),
    sendTwo: errorOf(() => (early as unknown as { send(a: string, b: string): void }).send('one', 'two')),
    invalidCloseCode: errorOf(() => early.close(1001)),
    longCloseReason: errorOf(() => early.close(1000, 'x'.repeat(124))),
    sendOnPrototype: errorOf(() => WebSocket.prototype.send.call({}, 'x')),
    readUrlOnPrototype: errorOf(() => WebSocket.prototype.url),
    closeOnPrototype: errorOf(() => WebSocket.prototype.close.call({})),
  };
  // The page's own Error.stackTraceLimit holds for what the natives throw through the hook.
  const pageLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 1;
  checks.limitedStack = errorOf(() => open(`${wsOrigin}/fragment#limited`));
  Error.stackTraceLimit = pageLimit;

  // A subclass, and Reflect.construct with another new.target.
  class AppSocket extends WebSocket {
    hello(): string {
      return 'hello';
    }
  }
  const sub = new AppSocket(`${wsOrigin}/subclass`);
  socketsConstructed++;
  held.push(sub);
  const viaReflect = Reflect.construct(WebSocket, [`${wsOrigin}/reflect`], AppSocket) as AppSocket;
  socketsConstructed++;
  held.push(viaReflect);
  checks.subclass = {
    isSubclass: sub instanceof AppSocket,
    isWebSocket: sub instanceof WebSocket,
    method: sub.hello(),
    constructorIsSubclass: sub.constructor === AppSocket,
    parentIsWebSocket: Object.getPrototypeOf(AppSocket) === WebSocket,
    reflectPrototype: Object.getPrototypeOf(viaReflect) === AppSocket.prototype,
    subclassEcho: await new Promise((resolve) => {
      sub.onopen = () => sub.send('from a subclass');
      sub.onmessage = (event) => resolve(event.data);
    }),
  };

  // Handlers: property handlers, once, signal, and their order.
  const order: string[] = [];
  const handlers = open(`${wsOrigin}/handlers`, ['chat', 'superchat']);
  const abort = new AbortController();
  checks.instance = {
    isWebSocket: handlers instanceof WebSocket,
    prototype: Object.getPrototypeOf(handlers) === WebSocket.prototype,
    constructor: handlers.constructor === WebSocket,
    ownKeys: Reflect.ownKeys(handlers).map(String),
    readyState: handlers.readyState,
    binaryType: handlers.binaryType,
    bufferedAmount: handlers.bufferedAmount,
    protocolBeforeOpen: handlers.protocol,
    extensionsBeforeOpen: handlers.extensions,
    url: handlers.url,
  };
  handlers.onopen = (event) => order.push(`onopen:${event.type}:${event.target === handlers}`);
  handlers.addEventListener('open', () => order.push('open listener'));
  handlers.addEventListener('message', (event) => order.push(`once:${event.data}`), { once: true });
  handlers.addEventListener('message', (event) => order.push(`signal:${event.data}`), { signal: abort.signal });
  handlers.onmessage = (event: MessageEvent) => {
    order.push(`onmessage:${event.data}:${event instanceof MessageEvent}:${event.origin === new URL(wsOrigin).origin}`);
    if (event.data === 'one') abort.abort();
  };
  await until(handlers, 'open', () => undefined);
  checks.afterOpen = { protocol: handlers.protocol, extensions: handlers.extensions, readyState: handlers.readyState };
  handlers.send('one');
  handlers.send('two');
  checks.bufferedAmountAfterSend = typeof handlers.bufferedAmount;
  await new Promise<void>((resolve) => {
    let seen = 0;
    handlers.addEventListener('message', () => ++seen === 2 && resolve());
  });
  handlers.onmessage = null;
  checks.handlerOrder = order;
  checks.close = await new Promise((resolve) => {
    handlers.onclose = (event) => resolve({ code: event.code, reason: event.reason, wasClean: event.wasClean, readyState: handlers.readyState });
    handlers.close(4000, 'bye');
    order.push(`readyState after close(): ${handlers.readyState}`);
  });

  // binaryType set after construction still decides what a binary message is.
  const binary = async (binaryType: BinaryType | null): Promise<unknown> => {
    const socket = open(`${wsOrigin}/binary`);
    if (binaryType) socket.binaryType = binaryType;
    await until(socket, 'open', () => undefined);
    socket.send(new Uint8Array([1, 2, 3, 250]));
    const data: unknown = await until(socket, 'message', (event) => (event as MessageEvent).data);
    const bytes = data instanceof Blob ? new Uint8Array(await data.arrayBuffer()) : new Uint8Array(data as ArrayBuffer);
    socket.close();
    return { type: Object.prototype.toString.call(data), bytes: [...bytes] };
  };
  checks.binary = { default: await binary(null), arraybuffer: await binary('arraybuffer'), blob: await binary('blob') };

  // A connection that fails: error, then close 1006, and nothing else.
  const failing = open('ws://127.0.0.1:9/refused');
  checks.refused = await new Promise((resolve) => {
    const seen: string[] = [];
    failing.onerror = (event) => seen.push(`error:${event.constructor.name}`);
    failing.onclose = (event) => resolve([...seen, `close:${event.code}:${event.wasClean}`]);
  });

  // A page that replaces window.WebSocket itself later keeps working, and can put it back.
  const Original = window.WebSocket;
  class Wrapped extends Original {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      order.push('wrapped constructor ran');
    }
  }
  window.WebSocket = Wrapped;
  const wrapped = new WebSocket(`${wsOrigin}/wrapped`);
  socketsConstructed++;
  held.push(wrapped);
  checks.replaced = {
    isWrapped: wrapped instanceof Wrapped,
    echo: await new Promise((resolve) => {
      wrapped.onopen = () => wrapped.send('through a wrapper');
      wrapped.onmessage = (event) => resolve(event.data);
    }),
  };
  window.WebSocket = Original;
  checks.restored = window.WebSocket === Original;
  checks.finalOrder = order;

  // XMLHttpRequest and fetch, which the hook wraps for the long-poll view and for Stream API
  // calls (a URL carrying api_key): such URLs and ordinary ones behave as without us, events,
  // errors, promises and all.
  const xhrEvents = (url: string): Promise<string[]> =>
    new Promise((resolve) => {
      const xhr = new XMLHttpRequest();
      const seen: string[] = [];
      xhr.onreadystatechange = () => seen.push(`readystate:${xhr.readyState}`);
      for (const type of ['loadstart', 'progress', 'load', 'error']) xhr.addEventListener(type, () => seen.push(type));
      xhr.onloadend = () => resolve([...seen, `loadend:${xhr.status}:${xhr.responseText.length}`]);
      xhr.open('GET', url);
      xhr.send();
    });
  const fetched = async (input: () => Promise<Response>): Promise<unknown> => {
    try {
      const response = await input();
      return { status: response.status, type: response.type, body: (await response.text()).length, bodyUsed: response.bodyUsed };
    } catch (error) {
      return { rejected: `${(error as Error).name}: ${(error as Error).message}` };
    }
  };
  const plainFetch = fetch;
  checks.http = {
    xhrBadMethod: errorOf(() => new XMLHttpRequest().open('BAD METHOD', '/')),
    xhrSendBeforeOpen: errorOf(() => new XMLHttpRequest().send()),
    xhrOrdinary: await xhrEvents('/blank.html'),
    xhrLongPoll: await xhrEvents('/longpoll?connection_id=abc'),
    xhrSync: (() => {
      const xhr = new XMLHttpRequest();
      xhr.open('GET', '/longpoll?json=%7B%7D', false);
      xhr.send();
      return [xhr.status, xhr.responseText.length];
    })(),
    fetchReturnsPromise: fetch('/blank.html') instanceof Promise,
    fetchOrdinary: await fetched(() => fetch('/blank.html')),
    fetchLongPoll: await fetched(() => fetch(new Request('/longpoll?connection_id=abc'))),
    fetchUnbound: await fetched(() => plainFetch('/longpoll?close=true&connection_id=abc')),
    fetchRefused: await fetched(() => fetch('http://127.0.0.1:9/longpoll')),
    fetchBadInit: await fetched(() => fetch('/longpoll', { method: 'GET', body: 'not allowed' })),
    xhrApiCall: await xhrEvents('/channels?api_key=k&user_id=a'),
    xhrApiCallSync: (() => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', '/channels?api_key=k', false);
      xhr.send(JSON.stringify({ filter_conditions: { members: { $in: ['a'] } } }));
      return [xhr.status, xhr.responseText.length, xhr.getAllResponseHeaders().length];
    })(),
    fetchApiCall: await fetched(() => fetch('/channels?api_key=k', { method: 'POST', body: '{"filter_conditions":{}}' })),
    fetchApiCallRequest: await fetched(() => fetch(new Request('/app?api_key=k', { method: 'GET' }))),
    fetchApiCallRefused: await fetched(() => fetch('http://127.0.0.1:9/channels?api_key=k')),
    fetchApiCallBadInit: await fetched(() => fetch('/channels?api_key=k', { method: 'GET', body: 'not allowed' })),
    fetchApiCallSettlesAsNative: await (async () => {
      // The page's own promise is returned: it settles in the same turn as the native one would.
      const order: string[] = [];
      const pending = fetch('/blank.html?api_key=k').then(() => order.push('api'));
      const reference = fetch('/blank.html').then(() => order.push('plain'));
      await Promise.all([pending, reference]);
      return order.length;
    })(),
  };

  for (const socket of held) socket.close();
  return { checks, socketsConstructed };
}
