import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { fixedPortalMatchPatterns } from './lib/portals';

// Permissions are the minimum: fixed portal hosts are required; ЕРУЛ and regional ЕЦП.МИС hosts are
// user-added and requested at run time as optional host permissions from the options page.
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  outDir: '.output',
  imports: false,
  zip: { excludeSources: ['tests/fixtures/generated*/**', 'tests/e2e/.tmp/**', '.tmp/**', 'coverage/**'] },
  // modulepreload is native in every browser we target (Chromium, Firefox ≥ 115): no polyfill script per page
  vite: () => ({ plugins: [preact()], build: { modulePreload: { polyfill: false } } }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'ru',
    // offscreen (Chromium only): the service worker cannot start a Worker, the offscreen document runs checks in one
    permissions: ['downloads', 'storage', 'alarms', 'unlimitedStorage', 'scripting', 'notifications', ...(browser === 'firefox' ? [] : ['offscreen'])],
    host_permissions: fixedPortalMatchPatterns(),
    optional_host_permissions: ['https://*/*'],
    // popup.html is a static page (public/popup.html): no module script ahead of its first script
    action: { default_title: '__MSG_extName__', default_popup: 'popup.html' },
    ...(browser === 'firefox'
      ? {
          // Firefox builds MV2: optional hosts are optional_permissions there
          optional_permissions: ['https://*/*'],
          browser_specific_settings: {
            // 140: data_collection_permissions (the store's consent screen); world MAIN needs 128
            gecko: { id: 'sverka@sverka.local', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {
          // content_scripts world MAIN needs Chromium 111
          minimum_chrome_version: '111',
          // what an organisation may set by policy (3rdparty); Firefox takes the same values from policies.json
          storage: { managed_schema: 'managed_schema.json' },
          // the hidden frame a portal page's content script hands a chosen file to (lib/upload/handoff.ts). Any
          // https page: user-added portal hosts are not known at build time. Not use_dynamic_url: a frame loaded
          // from a dynamic URL has an origin of its own and does not share the offscreen document's channel.
          web_accessible_resources: [{ resources: ['upload-frame.html'], matches: ['https://*/*'] }],
        }),
  }),
});
