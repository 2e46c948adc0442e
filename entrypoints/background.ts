/**
 * Service worker: capture → check → journal → badge. Listeners are registered synchronously at the top
 * level; state that must outlive the worker is in IndexedDB / storage, timers are alarms.
 */
import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { CapturePortMessageSchema, ContentRequestSchema } from '../lib/messages';
import { CAPTURE_ACCEPTED, CAPTURE_PORT, CHECK_FAILED_MESSAGE, UPLOAD_CHECK_FAILED, fromBase64, type CheckDoneNotice, type CheckFailedNotice, type UploadRecordedNotice, type UploadVerdictNotice } from '../lib/capture-protocol';
import type { Sighting } from '../lib/journal/schema';
import { portalForUrl, type PortalId } from '../lib/portals';
import { autoCheckEnabled } from '../lib/settings';
import { applyRetention } from '../lib/journal/store';
import { interruptRunning } from '../lib/journal/heartbeat';
import type { CheckEntry } from '../lib/journal/schema';
import { MAX_FILE_BYTES } from '../lib/checks/registry';
import { loadSettings } from '../platform/settings';
import { journal } from '../platform/journal';
import { recordedOf, type CheckInput } from '../platform/check-and-record';
import { HandoffMissing, checkAndRecordInBackground, prewarmChecks, type HandedFile } from '../platform/offscreen-checks';
import { canStartWorkers } from '../platform/isolated-check';
import { handoffKey } from '../lib/upload/handoff';
import { progressReporter } from '../platform/check-progress';
import { refreshBadge } from '../platform/badge';
import { refreshDashboardSummary, watchDashboardSettings } from '../platform/dashboard-summary';
import { listenForReminderClicks, REMINDER_ALARM, runReminders, scheduleReminders } from '../platform/reminders';
import { isExtensionPageSender, portalOfContentSender } from '../platform/sender';
import { contentDispositionName, downloadName } from '../lib/download-name';
import { watchUserHosts } from '../platform/user-hosts';
import { claimDownload, safetyNetFrom } from '../platform/claimed-downloads';
import { expireFormDrafts } from './forms/drafts';
import { lookupLinks } from '../platform/link-lookup';
import { PAGE_CAPTURE_REFUSED, takePageCapture } from '../platform/rate-limit';
import { uploadNotice } from '../platform/upload-check';
import { settleRunningChecks } from '../platform/resume-checks';
import { SETTLE_ALARM, watchRunningChecks } from '../platform/settle-alarm';
import { takesWholeFile } from '../platform/port-file';

const RETENTION_ALARM = 'retention';
/** How far back the safety net looks for portal downloads that no event announced. */
const RECONCILE_WINDOW_MS = 2 * 60 * 1000;

/** Failures inside the worker are logged for the developer console; the official sees the panel message. */
function logFailure(err: unknown): void {
  console.error('Сверка: ошибка фоновой проверки', err);
}

export default defineBackground(() => {
  browser.downloads.onChanged.addListener((delta) => {
    if (delta.state?.current === 'complete') onDownloadComplete(delta.id).catch(logFailure);
  });
  browser.runtime.onMessage.addListener((message, sender) => onMessage(message, sender));
  browser.runtime.onConnect.addListener(onCapturePort);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETENTION_ALARM) void retention();
    else if (alarm.name === SETTLE_ALARM) void settleChecks();
    else if (alarm.name === REMINDER_ALARM) {
      void runReminders().catch(logFailure);
      void refreshDashboardSummary().catch(logFailure);
    }
  });
  listenForReminderClicks();
  // the e2e build lets tests run reminders on an injected date
  if (import.meta.env?.MODE === 'e2e') Object.assign(globalThis, { __sverkaTest: { runReminders } });
  browser.runtime.onInstalled.addListener(() => void startUp());
  browser.runtime.onStartup.addListener(() => void startUp());
  watchUserHosts();
  watchDashboardSettings();
  void safetyNetFrom();
  void startUp();
});

/**
 * Safety net: Chromium does not always deliver downloads.onChanged (seen for downloads made while the
 * worker was starting). Recent completed downloads are searched and any unclaimed portal file is checked.
 * Runs at start-up and whenever a portal page reports a click on a file link.
 */
async function reconcileDownloads(): Promise<void> {
  const startedAfter = new Date(Math.max(Date.now() - RECONCILE_WINDOW_MS, await safetyNetFrom())).toISOString();
  const items = await browser.downloads.search({ state: 'complete', startedAfter });
  for (const item of items) await onDownloadComplete(item.id).catch(logFailure);
}

function reconcileSoon(): void {
  for (const delay of [1500, 6000]) setTimeout(() => void reconcileDownloads().catch(logFailure), delay);
}

async function startUp(): Promise<void> {
  // created once: re-creating it on every worker start would push its next run back each time
  if (!(await browser.alarms.get(RETENTION_ALARM))) await browser.alarms.create(RETENTION_ALARM, { periodInMinutes: 6 * 60, delayInMinutes: 1 });
  await scheduleReminders();
  await settleChecks();
  await retention();
  reconcileSoon();
}

/** Running checks whose runner is gone: checked again once when the bytes are reachable, else interrupted. */
async function settleChecks(): Promise<void> {
  if (await settleRunningChecks(resumeCheck).catch((err: unknown) => (logFailure(err), 0))) await journalChanged();
}

async function resumeCheck(entry: CheckEntry, again: { bytes: Blob } | { url: string }): Promise<void> {
  const s = entry.sightings[entry.sightings.length - 1];
  const portal = entry.portal as PortalId | null;
  const resume = { key: entry.sha256, at: s.at };
  if ('url' in again) {
    if (portal) return fetchAndCheck(again.url, s.fileName, portal, s.via === 'button' ? 'button' : 'download', undefined, entry.size, resume);
    return interruptRunning(journal, entry.sha256);
  }
  const done = await checkAndRecordInBackground(again.bytes, s, undefined, undefined, entry.sha256);
  await journalChanged();
  if (portal) await notifyTab(undefined, portal, { type: 'check-done', entryId: done.entryId, fileName: s.fileName, verdict: done.verdict, headline: withSaveError(done.headline, done.saveError), ...(s.sourceUrl ? { sourceUrl: s.sourceUrl } : {}) });
}

async function retention(): Promise<void> {
  const settings = await loadSettings();
  await applyRetention(journal, settings.retentionDays);
  await expireFormDrafts(settings.retentionDays);
  await journalChanged();
}

async function onDownloadComplete(downloadId: number): Promise<void> {
  const [item] = await browser.downloads.search({ id: downloadId });
  if (!item || item.state !== 'complete') return;
  const url = item.finalUrl || item.url;
  // blob: and data: downloads are captured in the page by the content script; they cannot be re-fetched here
  if (!/^https?:/i.test(url)) return;
  const settings = await loadSettings();
  const portal = portalForUrl(url, settings.userHosts) ?? (item.referrer ? portalForUrl(item.referrer, settings.userHosts) : null);
  if (!portal || !autoCheckEnabled(settings, portal)) return;
  if (!(await claimDownload(item))) return;
  await fetchAndCheck(url, downloadName(item.filename, url), portal, 'download', undefined, item.fileSize > 0 ? item.fileSize : undefined);
}

/**
 * Re-fetches a portal file with the session's cookies and checks it. When the download's size is known and
 * the re-fetch differs (a form POST that a GET cannot replay, a one-time link), nothing is checked: a wrong
 * verdict on the wrong bytes is worse than asking the official to drop the file on the report page.
 */
async function fetchAndCheck(
  url: string,
  fileName: string,
  portal: PortalId,
  via: 'download' | 'button',
  tabId?: number,
  expectedSize?: number,
  /** A cut-off check run again: its running entry and first sighting. */
  resume?: { key: string; at: number },
): Promise<void> {
  let source: CheckInput;
  try {
    const response = await fetch(url, { credentials: 'include' });
    if (!response.ok) throw new Error(String(response.status));
    if (via === 'button') fileName = contentDispositionName(response.headers.get('content-disposition')) ?? fileName;
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > MAX_FILE_BYTES) {
      // refused before reading: the registry reports the size without touching the bytes
      source = { size: declared };
      void response.body?.cancel();
    } else {
      const blob = await response.blob();
      if (expectedSize !== undefined && blob.size !== expectedSize) throw new Error('different bytes');
      source = blob;
    }
  } catch {
    if (resume) await interruptRunning(journal, resume.key).then(journalChanged, logFailure);
    return notifyFailure(tabId, portal, fileName, url);
  }
  void watchRunningChecks().catch(logFailure);
  const tabs = await tabsToTell(tabId, portal);
  const progress = progressReporter(fileName, source.size, (n) => tabs.forEach((id) => void browser.tabs.sendMessage(id, n).catch(() => undefined)));
  let done: Awaited<ReturnType<typeof checkAndRecordInBackground>>;
  try {
    done = await checkAndRecordInBackground(source, { at: resume?.at ?? Date.now(), fileName, sourceUrl: url, portal, via }, progress, undefined, resume?.key);
  } catch (err) {
    logFailure(err);
    await journalChanged();
    return notifyFailure(tabId, portal, fileName, url);
  }
  await journalChanged();
  await notifyTab(tabId, portal, {
    type: 'check-done',
    entryId: done.entryId,
    fileName,
    verdict: done.verdict,
    headline: withSaveError(done.headline, done.saveError),
    sourceUrl: url,
  });
}

/**
 * What follows every change of the journal: the badge and the popup's stored dashboard summary, both before
 * the page hears the verdict (a popup opened after it shows the new cards at once).
 */
async function journalChanged(): Promise<void> {
  await Promise.all([refreshBadge(), refreshDashboardSummary().catch(logFailure)]);
}

function withSaveError(line: string, saveError: string | undefined): string {
  return saveError ? `${line}. ${saveError}` : line;
}

async function notifyFailure(tabId: number | undefined, portal: PortalId, fileName: string, sourceUrl: string): Promise<void> {
  const notice: CheckFailedNotice = { type: 'check-failed', fileName, message: CHECK_FAILED_MESSAGE, sourceUrl };
  for (const id of await tabsToTell(tabId, portal)) await browser.tabs.sendMessage(id, notice).catch(() => undefined);
}

/** The tab the file came from hears the verdict (for its in-page panel); when unknown, the portal's tabs do. */
async function notifyTab(tabId: number | undefined, portal: PortalId, notice: CheckDoneNotice): Promise<void> {
  for (const id of await tabsToTell(tabId, portal)) await browser.tabs.sendMessage(id, notice).catch(() => undefined);
}

async function tabsToTell(tabId: number | undefined, portal: PortalId): Promise<number[]> {
  if (tabId !== undefined) return [tabId];
  const settings = await loadSettings();
  const tabs = await browser.tabs.query({});
  return tabs.filter((t) => t.id !== undefined && t.url && portalForUrl(t.url, settings.userHosts) === portal).map((t) => t.id!);
}

async function onMessage(message: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> {
  if (isExtensionPageSender(sender)) {
    if (typeof message === 'object' && message && (message as { type?: string }).type === 'journal-changed') {
      await journalChanged();
      // a report page's check may have been cut off by another page closing: look now, not at the next alarm
      void settleChecks();
    }
    return undefined;
  }
  const settings = await loadSettings();
  const portal = portalOfContentSender(sender, settings.userHosts);
  if (!portal) return undefined;
  const parsed = ContentRequestSchema.safeParse(message);
  if (!parsed.success) return undefined;
  const req = parsed.data;
  switch (req.type) {
    case 'check-url': {
      // only files of the same portal: a page cannot make us fetch elsewhere
      if (portalForUrl(req.url, settings.userHosts) !== portal) return { ok: false };
      void fetchAndCheck(req.url, req.name, portal, 'button', sender.tab?.id);
      return { ok: true };
    }
    case 'lookup':
      return lookupLinks(journal, req.urls, sender.url!, portal, settings.userHosts);
    case 'file-link-clicked':
      reconcileSoon();
      return { ok: true };
    case 'upload-prewarm':
      void prewarmChecks().catch(logFailure);
      return { ok: true };
    case 'open-report':
      await browser.tabs.create({ url: browser.runtime.getURL(`/report.html?id=${req.entryId}`) });
      return { ok: true };
  }
}

/**
 * Files from the page (blob: downloads, POST responses, files chosen at an input) arrive over a port: the File
 * itself in Firefox, base64 chunks in Chromium (where a chosen file goes through the extension frame instead).
 */
function onCapturePort(port: Browser.runtime.Port): void {
  if (port.name !== CAPTURE_PORT) return;
  let portal: PortalId | null = null;
  let name = '';
  let started = false;
  // what the page claims about where the bytes came from is never believed: the record carries the tab's own URL
  const sourceUrl = port.sender?.url;
  // a file chosen at the page's file input: the verdict goes back to that input
  let upload: { expect?: string } | null = null;
  // the one-time key under which the content script hands the chosen file to the extension frame
  let handoff: string | null = null;
  let expected = 0;
  let received = 0;
  const parts: Uint8Array[] = [];
  let ready = loadSettings().then((s) => {
    portal = portalOfContentSender(port.sender ?? {}, s.userHosts);
    if (!portal || !autoCheckEnabled(s, portal)) port.disconnect();
  });
  port.onMessage.addListener((raw) => {
    ready = ready.then(async () => {
      if (!portal) return;
      const parsed = CapturePortMessageSchema.safeParse(raw);
      if (!parsed.success) return port.disconnect();
      const msg = parsed.data;
      if (msg.type === 'capture-start') {
        if (!takePageCapture(port.sender?.tab?.id)) {
          port.postMessage({ type: 'check-failed', fileName: msg.name, message: PAGE_CAPTURE_REFUSED });
          portal = null;
          return port.disconnect();
        }
        started = true;
        name = msg.name;
        expected = msg.size;
        if (msg.via === 'upload') upload = { expect: msg.expect };
        if (expected > MAX_FILE_BYTES) {
          await finishCapture({ size: expected });
          port.disconnect();
        } else if (upload) {
          // Chromium: the file goes by reference (offscreen document ← extension frame), not as base64 over this port
          if (msg.handoff && !canStartWorkers()) handoff = handoffKey();
          port.postMessage({ type: CAPTURE_ACCEPTED, ...(handoff ? { handoff } : {}) });
        }
      } else if (msg.type === 'capture-handed') {
        if (!handoff) return port.disconnect();
        const handed: HandedFile = { handoff, size: expected };
        handoff = null;
        if (await finishCapture(handed)) port.disconnect();
        // not handed after all: the content script streams the bytes, as if there were no frame
        else port.postMessage({ type: CAPTURE_ACCEPTED });
      } else if (msg.type === 'capture-file') {
        if (!takesWholeFile({ started, expected, received }, msg.file)) return port.disconnect();
        received = expected;
        await finishCapture(msg.file);
        port.disconnect();
      } else if (msg.type === 'capture-chunk') {
        const bytes = fromBase64(msg.data);
        received += bytes.length;
        if (received > expected || received > MAX_FILE_BYTES) return port.disconnect();
        parts.push(bytes);
      } else {
        await finishCapture(new Blob(parts as BlobPart[]));
        port.disconnect();
      }
    });
  });

  /** False when a handed file never reached the offscreen document (its bytes are to come over the port). */
  async function finishCapture(file: CheckInput | HandedFile): Promise<boolean> {
    if (!portal) return true;
    void watchRunningChecks().catch(logFailure);
    const progress = progressReporter(name, file.size, (n) => port.postMessage(n));
    const sighting = { at: Date.now(), fileName: name || 'файл', ...(sourceUrl ? { sourceUrl } : {}), portal, via: upload ? ('upload' as const) : ('page' as const) };
    if (upload) return finishUpload(file, sighting, upload.expect, progress);
    const done = await checkAndRecordInBackground(file, sighting, progress);
    await journalChanged();
    const notice: CheckDoneNotice = { type: 'check-done', entryId: done.entryId, fileName: name, verdict: done.verdict, headline: withSaveError(done.headline, done.saveError), ...(sourceUrl ? { sourceUrl } : {}) };
    port.postMessage(notice);
    return true;
  }

  /** The verdict goes to the input as soon as the report exists; the journal entry's id follows once badge and summary are current. */
  async function finishUpload(file: CheckInput | HandedFile, sighting: Sighting, expect: string | undefined, progress: (fraction: number) => void): Promise<boolean> {
    let told = false;
    const tell = (n: UploadVerdictNotice) => {
      if (told) return;
      told = true;
      port.postMessage(n);
    };
    let done: Awaited<ReturnType<typeof checkAndRecordInBackground>>;
    try {
      done = await checkAndRecordInBackground(file, sighting, progress, { expect, onVerdict: tell });
    } catch (err) {
      if (err instanceof HandoffMissing) return false;
      logFailure(err);
      // the input's line must not spin for ever: say so, the portal's button stays free
      if (!told) port.postMessage({ type: 'check-failed', fileName: name, message: UPLOAD_CHECK_FAILED });
      return true;
    }
    // the early verdict could not be formed (or crossed the reply): the old way, from the journal
    if (!told) tell(await uploadNotice(await recordedOf(done, name), name, expect));
    const recorded: UploadRecordedNotice = { type: 'upload-recorded', entryId: done.entryId, ...(done.saveError ? { saveError: done.saveError } : {}) };
    await journalChanged();
    port.postMessage(recorded);
    return true;
  }
}
