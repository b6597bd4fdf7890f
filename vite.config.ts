import { crx, type CrxPlugin, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };

// Both content scripts are standalone IIFEs: crxjs's default loader imports the real chunk
// asynchronously, after the page's first inline script has already opened its sockets
// (docs/architecture.md, "Facts that shaped the code").
const contentScripts = ['src/content/relay/relay.ts', 'src/content/page/hook.ts'];

/**
 * The manifest's content_scripts only tell crxjs what to build: the worker registers the two
 * scripts at run time for the sites to watch (src/background/contentScriptRegistration.ts), so
 * the emitted manifest declares none, or every site would get them whatever the settings say.
 */
const contentScriptsRegisteredAtRunTime: CrxPlugin = {
  name: 'onesocket:content-scripts-registered-at-run-time',
  renderCrxManifest(manifest) {
    const { content_scripts: _builtOnly, ...rest } = manifest;
    return rest;
  },
};

/**
 * Firefox MV3 has no extension service worker (background scripts instead) and needs a gecko id.
 * `world: "MAIN"` content scripts need Firefox 128; addons.mozilla.org asks every new add-on to
 * declare the data it collects and sends (none: nothing leaves the browser), a key Firefox reads
 * from 140 on (142 on Android), hence those minimum versions (older ESRs are out of support).
 */
function firefoxManifest(): ManifestV3Export {
  const { minimum_chrome_version: _chromeOnly, background, ...rest } = manifest;
  return {
    ...rest,
    background: { scripts: [background.service_worker], type: background.type },
    browser_specific_settings: {
      gecko: { id: 'onesocket@onesocket.dev', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
      gecko_android: { strict_min_version: '142.0' },
    },
  } as unknown as ManifestV3Export;
}

// `vite build` makes the Chrome extension in dist/; `vite build --mode firefox` the Firefox one.
export default defineConfig(({ mode }) => {
  const firefox = mode === 'firefox';
  return {
    plugins: [
      preact(),
      crx({
        manifest: firefox ? firefoxManifest() : (manifest as ManifestV3Export),
        browser: firefox ? 'firefox' : 'chrome',
        contentScripts: { standaloneFiles: contentScripts },
      }),
      contentScriptsRegisteredAtRunTime,
    ],
    build: {
      outDir: firefox ? 'dist-firefox' : 'dist',
      emptyOutDir: true,
      sourcemap: false,
      rolldownOptions: {
        // Pages the manifest does not name must be listed to be built.
        input: { panel: 'src/devtools/panel.html', rule: 'src/devtools/rule.html' },
      },
    },
  };
});
