/**
 * Where the build writes the two content scripts (standalone IIFEs, vite.config.ts), which the
 * worker registers at run time. Pure, so the build checks can read it outside a browser.
 */
export const CONTENT_SCRIPT_FILES = { relay: 'src/content/relay/relay.js', hook: 'src/content/page/hook.js' } as const;
