/**
 * Our in-page UI lives in shadow roots so the portal's CSS and ours never mix. Closed: the portal page's
 * scripts must not read our verdicts or press «Проверить»/«Открыть отчёт» for the official (content scripts
 * call attachShadow from their isolated world, so a page patching it changes nothing). Accessibility
 * trees still see closed roots. Only the e2e build (`wxt build --mode e2e`) and unit tests open them, so
 * Playwright locators can reach the UI; tests/e2e/closed-shadow.test.ts proves the production build's page cannot.
 */
export const SHADOW_MODE: ShadowRootMode = import.meta.env?.MODE === 'e2e' || import.meta.env?.MODE === 'test' ? 'open' : 'closed';

/**
 * Taken when the module loads: the userscript runs in the page's own world from document start, before the
 * portal's scripts could replace attachShadow to catch our roots. (Absent where there is no DOM: its worker.)
 */
const attachShadow = typeof Element === 'undefined' ? undefined : Element.prototype.attachShadow;

export function createShadowHost(tag: string, css: string): { host: HTMLElement; root: ShadowRoot } {
  const host = document.createElement(tag);
  const root = attachShadow!.call(host, { mode: SHADOW_MODE });
  const style = document.createElement('style');
  style.textContent = css;
  root.append(style);
  return { host, root };
}

export const INPAGE_CSS = `
:host { all: initial; }
* { box-sizing: border-box; font-family: system-ui, "Segoe UI", Arial, sans-serif; }
.badge, .check { display: inline-flex; align-items: center; gap: 4px; margin-left: 6px; padding: 1px 8px; border-radius: 10px;
  font-size: 12px; line-height: 18px; border: 1px solid transparent; cursor: pointer; vertical-align: middle; }
.badge.ok { background: #e8f5e9; color: #1b5e20; border-color: #a5d6a7; }
.badge.warn { background: #fff8e1; color: #7a5b00; border-color: #ffe082; }
.badge.error { background: #ffebee; color: #b71c1c; border-color: #ef9a9a; }
.check { background: #e3f2fd; color: #0d47a1; border-color: #90caf9; }
.check.failed { background: #ffebee; color: #b71c1c; border-color: #ef9a9a; }
button:focus-visible { outline: 2px solid #1565c0; outline-offset: 2px; }
.panel { position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; width: 380px; max-width: calc(100vw - 32px);
  background: #fff; color: #1a1a1a; border-radius: 8px; box-shadow: 0 4px 20px rgba(0,0,0,.25); padding: 12px 14px; font-size: 14px; }
.panel h2 { font-size: 14px; margin: 0 0 6px; }
.panel .lines { list-style: none; margin: 0; padding: 0; max-height: 60vh; overflow: auto; }
.panel .line + .line { border-top: 1px solid #e0e0e0; margin-top: 6px; padding-top: 6px; }
.panel .file { font-weight: 600; word-break: break-all; }
.panel p { margin: 4px 0; }
.panel .actions { display: flex; gap: 8px; margin-top: 8px; }
.panel button { font-size: 13px; padding: 4px 10px; border-radius: 4px; border: 1px solid #90a4ae; background: #f5f7f8; cursor: pointer; }
.panel .close { position: absolute; top: 6px; right: 8px; border: none; background: none; font-size: 18px; }
.v-ok { color: #1b5e20; } .v-warn { color: #7a5b00; } .v-error { color: #b71c1c; }
`;
