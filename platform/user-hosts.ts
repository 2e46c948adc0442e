/**
 * Content scripts on user-added hosts (ЕРУЛ, regional ЕЦП.МИС, ССТУ.РФ). Their hosts are not in the manifest: the
 * official adds them in the options page, which requests the optional host permission. For every host whose
 * permission is actually granted (permissions.getAll() is the truth) the worker registers our content
 * scripts dynamically; when a permission or a host goes, so do the registrations.
 */
import { browser } from 'wxt/browser';
import { loadSettings, onSettingsChanged } from './settings';
import { matchPatternForHost, type PortalId, type UserHost } from '../lib/portals';

const ID_PREFIX = 'sverka-user-';
/** The page-world capture script (blob: downloads), shared by every portal. */
export const CAPTURE_SCRIPT = 'content-scripts/capture-page.js';
/**
 * Isolated-world script per portal with user hosts; built from entrypoints/<portal>.content with
 * `registration: 'runtime'`. Registered only when the build has it.
 */
export const PORTAL_SCRIPTS: Partial<Record<PortalId, string>> = {
  erul: 'content-scripts/erul.js',
  'ecp-mis': 'content-scripts/ecp-mis.js',
  sstu: 'content-scripts/sstu.js',
};

export interface ScriptPlan {
  id: string;
  js: string[];
  matches: string[];
  runAt: 'document_start' | 'document_idle';
  world?: 'MAIN';
  allFrames: false;
  persistAcrossSessions: true;
}

/** Does a granted origin pattern («https://*\/*», «https://*.region.ru/*», «https://ecp.region.ru/*») cover this host? */
export function patternCoversHost(pattern: string, host: string): boolean {
  if (pattern === '<all_urls>') return true;
  const m = /^(\*|https):\/\/([^/]+)\//.exec(pattern);
  if (!m) return false;
  const p = m[2].toLowerCase();
  const h = host.toLowerCase();
  if (p === '*') return true;
  if (p.startsWith('*.')) return h === p.slice(2) || h.endsWith(p.slice(1));
  return p === h;
}

export function isHostGranted(host: string, origins: readonly string[]): boolean {
  return origins.some((o) => patternCoversHost(o, host));
}

/** The registrations wanted for these hosts, permissions and built files. Pure. */
export function planUserHostScripts(hosts: readonly UserHost[], origins: readonly string[], builtFiles: ReadonlySet<string>): ScriptPlan[] {
  const byPortal = new Map<PortalId, string[]>();
  for (const h of hosts) {
    if (!isHostGranted(h.host, origins)) continue;
    const list = byPortal.get(h.portal) ?? [];
    const pattern = matchPatternForHost(h.host);
    if (!list.includes(pattern)) list.push(pattern);
    byPortal.set(h.portal, list);
  }
  const plans: ScriptPlan[] = [];
  for (const [portal, matches] of [...byPortal.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    const script = PORTAL_SCRIPTS[portal];
    // without the portal's isolated script nothing would relay what the capture script posts
    if (!script || !builtFiles.has(script)) continue;
    matches.sort();
    if (builtFiles.has(CAPTURE_SCRIPT)) {
      plans.push({ id: `${ID_PREFIX}${portal}-capture`, js: [CAPTURE_SCRIPT], matches, runAt: 'document_start', world: 'MAIN', allFrames: false, persistAcrossSessions: true });
    }
    plans.push({ id: `${ID_PREFIX}${portal}`, js: [script], matches, runAt: 'document_idle', allFrames: false, persistAcrossSessions: true });
  }
  return plans;
}

async function builtFiles(): Promise<Set<string>> {
  const out = new Set<string>();
  for (const f of [CAPTURE_SCRIPT, ...Object.values(PORTAL_SCRIPTS)]) {
    if (!f) continue;
    try {
      const r = await fetch(browser.runtime.getURL(`/${f}` as '/popup.html'));
      if (r.ok) out.add(f);
      void r.body?.cancel();
    } catch {
      // not built
    }
  }
  return out;
}

const sameScripts = (a: readonly { id: string; js?: string[]; matches?: string[] }[], b: readonly ScriptPlan[]) =>
  JSON.stringify(a.map((s) => [s.id, s.js, [...(s.matches ?? [])].sort()]).sort()) === JSON.stringify(b.map((s) => [s.id, s.js, s.matches]).sort());

let chain: Promise<void> = Promise.resolve();

/** Brings the registered scripts in line with the granted user hosts. Calls are serialised. */
export function syncUserHostScripts(): Promise<void> {
  chain = chain.then(doSync, doSync).catch((err: unknown) => console.warn('user host scripts', err));
  return chain;
}

async function doSync(): Promise<void> {
  if (!browser.scripting?.registerContentScripts) return;
  const [settings, perms, files] = await Promise.all([loadSettings(), browser.permissions.getAll(), builtFiles()]);
  const wanted = planUserHostScripts(settings.userHosts, perms.origins ?? [], files);
  const registered = (await browser.scripting.getRegisteredContentScripts()).filter((s) => s.id.startsWith(ID_PREFIX));
  if (sameScripts(registered, wanted)) return;
  if (registered.length) await browser.scripting.unregisterContentScripts({ ids: registered.map((s) => s.id) });
  if (wanted.length) await browser.scripting.registerContentScripts(wanted);
}

/** Called once from the worker's top level: listeners first (synchronously), then a sync. */
export function watchUserHosts(): void {
  browser.permissions.onAdded.addListener(() => void syncUserHostScripts());
  browser.permissions.onRemoved.addListener(() => void syncUserHostScripts());
  onSettingsChanged(() => void syncUserHostScripts());
  void syncUserHostScripts();
}
