import { chromium, type Browser } from '@playwright/test';
import { findChromiumExecutable } from '../../scripts/chromium.mjs';

/**
 * The same Chromium the extension tests use, without the extension: the reference a page
 * must behave identically against. Same flags as extensionLaunchOptions, minus the extension.
 */
export async function launchPlainChromium(): Promise<Browser> {
  const executablePath = findChromiumExecutable();
  return chromium.launch({
    headless: true,
    ...(executablePath ? { executablePath } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
