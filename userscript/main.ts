/**
 * Сверка as a userscript: the in-page part of the extension built from the same lib/ and components/. The
 * same bundle runs twice: on the portal page (badges, panel, blob hook, check at the file picker, overlay,
 * journal, menu commands) and, started from a Blob URL of its own source, as the Worker that runs the checks.
 */
import { portalForUrl, type PortalId } from '../lib/portals';
import { runPortalPage } from '../components/inpage/portal-page';
import { installBlobHook } from '../components/inpage/blob-hook';
import { watchUploads } from '../components/inpage/upload-watch';
import type { FileLink } from '../components/inpage/decorate-links';
import type { UploadRule } from '../lib/upload/expected';
import { torKndFileLinks, TOR_KND_UPLOAD_RULES } from '../entrypoints/tor-knd.content/selectors';
import { posFileLinks } from '../entrypoints/pos.content/selectors';
import { erulFileLinks, ERUL_UPLOAD_RULES } from '../entrypoints/erul.content/selectors';
import { EGISSO_UPLOAD_RULES } from '../entrypoints/egisso.content/selectors';
import { ECP_MIS_UPLOAD_RULES } from '../entrypoints/ecp-mis.content/selectors';
import { watchSstuId } from '../entrypoints/pos.content/id-watch';
import { gmStore, pageWindow } from './gm';
import { GmJournal } from './journal';
import { userscriptHost } from './host';
import { serveChecksInWorker } from './run-check';
import { ENTRY_HELPER_NAME, helperFor, type HelperWorkerLike } from '../lib/checks/entry-helper';
import { isGecko } from '../lib/gecko';
import { startOverlay } from './overlay';

/** The build wraps the bundle in `function sverkaUserscript() {…}`: its source is what the worker runs. */
declare const sverkaUserscript: (() => void) | undefined;

const FILE_LINKS: Partial<Record<PortalId, (root: ParentNode) => FileLink[]>> = {
  'tor-knd': torKndFileLinks,
  pos: posFileLinks,
};

const UPLOAD_RULES: Partial<Record<PortalId, readonly UploadRule[]>> = {
  'tor-knd': TOR_KND_UPLOAD_RULES,
  egisso: EGISSO_UPLOAD_RULES,
};
/**
 * A host added to `@match` by hand (ЕРУЛ, ЕЦП.МИС, ССТУ.РФ) is not told apart: only the rules whose words
 * belong to one portal apply. ССТУ.РФ's («Загрузка файла», «архив») would claim every upload input of any page.
 */
const HAND_ADDED_UPLOAD_RULES: readonly UploadRule[] = [...ERUL_UPLOAD_RULES, ...ECP_MIS_UPLOAD_RULES];

function workerUrl(): string | null {
  if (typeof sverkaUserscript !== 'function') return null;
  try {
    return URL.createObjectURL(new Blob([`(${sverkaUserscript.toString()})()`], { type: 'text/javascript' }));
  } catch {
    return null;
  }
}

function whenBodyReady(run: () => void): void {
  if (document.body) run();
  else document.addEventListener('DOMContentLoaded', run, { once: true });
}

function startPage(): void {
  const portal = portalForUrl(location.href);
  const journal = new GmJournal(gmStore);
  let overlay: ReturnType<typeof startOverlay> | null = null;
  const host = userscriptHost({ portal, journal, workerUrl: workerUrl(), openReport: (id) => overlay?.openReport(id) });
  // document-start: the blob hook must be in place before the portal's own scripts run
  installBlobHook(pageWindow(), (blob, name) => host.checkBlob(blob, name));
  whenBodyReady(() => {
    const controller = new AbortController();
    overlay = startOverlay(host, journal, gmStore);
    // a host added to @match by hand is not a built-in portal: its file links are found the generic way
    runPortalPage(host, controller.signal, portal ? FILE_LINKS[portal] : erulFileLinks);
    watchUploads(host, portal ? (UPLOAD_RULES[portal] ?? []) : HAND_ADDED_UPLOAD_RULES, controller.signal);
    if (portal === 'pos') watchSstuId(document, controller.signal);
  });
}

// in worker mode a second worker of the same source may help with big archives (its own source is this Blob URL)
if (typeof document === 'undefined')
  serveChecksInWorker(self as unknown as Parameters<typeof serveChecksInWorker>[0], () =>
    helperFor(self.name, () => new Worker(self.location.href, { name: ENTRY_HELPER_NAME }) as unknown as HelperWorkerLike, { gecko: isGecko(navigator.userAgent) }),
  );
else startPage();
