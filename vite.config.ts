import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };

// Both content scripts are standalone IIFEs: crxjs's default loader imports the real chunk
// asynchronously, after the page's first inline script has already opened its sockets
// (../shared/field-notes.md, "Building the extension with crxjs").
const contentScripts = ['src/content/relay.ts', 'src/content/hook.ts'];

export default defineConfig({
  plugins: [preact(), crx({ manifest: manifest as ManifestV3Export, contentScripts: { standaloneFiles: contentScripts } })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    rolldownOptions: {
      // Pages the manifest does not name must be listed to be built.
      input: { panel: 'src/devtools/panel.html', rule: 'src/devtools/rule.html' },
    },
  },
});
