import { rm } from 'node:fs/promises';
import { test as base, expect } from '@playwright/test';
import { connectToBrowser, debuggingPort, type CdpSession } from './support/cdp';
import { extensionWorker, launchWithExtension } from './support/extension';
import { startFixtureServer } from './support/fixtureServer';
import { streamConnectUrl } from './support/streamUrls';

interface AttachedTarget {
  sessionId: string;
  targetInfo: { type: string; url: string };
  waitingForDebugger: boolean;
}

/**
 * OneSocket sends nothing anywhere. Every extension target (its service worker from its first
 * instruction, every extension page) is watched with the Network domain while a page holds
 * sockets and each extension page is used: no request may leave the extension
 * (chrome-extension:// loads of its own files are not network requests).
 */
base('the extension makes no network requests of its own', async () => {
  const fixtures = await startFixtureServer();
  const { context, profile } = await launchWithExtension(['--remote-debugging-port=0']);
  let browserSession: CdpSession | null = null;
  try {
    const worker = await extensionWorker(context);
    const extensionId = new URL(worker.url()).host;
    const ours = (url: string): boolean => url.startsWith(`chrome-extension://${extensionId}/`);
    const requests: string[] = [];

    // Attach to every new target paused, watch the network of ours, then let it run.
    browserSession = await connectToBrowser(await debuggingPort(profile));
    const session = browserSession;
    session.on('Target.attachedToTarget', (params) => {
      const { sessionId, waitingForDebugger } = params as AttachedTarget;
      void (async () => {
        // Pages attach as about:blank before they navigate: watch every target, and judge each
        // request by the document that sent it.
        await session.send('Network.enable', {}, sessionId).catch(() => undefined);
        if (waitingForDebugger) await session.send('Runtime.runIfWaitingForDebugger', {}, sessionId).catch(() => undefined);
      })();
    });
    session.on('Network.requestWillBeSent', (params) => {
      const { documentURL, request } = params as { documentURL?: string; request: { url: string } };
      if (ours(documentURL ?? '') && !ours(request.url)) requests.push(`${documentURL} -> ${request.url}`);
    });
    await session.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true });

    const page = await context.newPage();
    await page.goto(`${fixtures.origin}/blank.html`);
    await page.evaluate((url) => {
      const w = window as unknown as { held: WebSocket[] };
      w.held = [new WebSocket(url), new WebSocket(url)];
    }, streamConnectUrl(fixtures.wsOrigin, 'alice'));
    await expect.poll(() => fixtures.liveSockets().length).toBe(2);

    for (const path of ['src/devtools/panel.html?tabId=1', 'src/popup/popup.html', 'src/options/options.html', 'src/devtools/rule.html?rule=duplicate-connection']) {
      const extensionPage = await context.newPage();
      await extensionPage.goto(`chrome-extension://${extensionId}/${path}`);
      await extensionPage.waitForTimeout(1000);
      await extensionPage.close();
    }
    expect(requests).toEqual([]);

    // And it could not if it tried: the extension's CSP (connect-src 'none') blocks the worker.
    const attempt = await worker.evaluate((url) => fetch(url).then(() => 'sent', () => 'blocked'), `${fixtures.origin}/phone-home`);
    expect(attempt).toBe('blocked');
    expect(fixtures.requestedPaths()).not.toContain('/phone-home');
  } finally {
    browserSession?.close();
    await context.close();
    await fixtures.close();
    await rm(profile, { recursive: true, force: true });
  }
});
