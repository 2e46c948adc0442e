/**
 * Chromium's service worker cannot start a Worker, so its checks run in the offscreen document
 * (entrypoints/offscreen), which runs each check in a Worker of its own and records the result in the journal itself
 * (a 200,000-licence report never crosses a message). The bytes go through Cache Storage, which the worker
 * and the document share: no base64, no copy through JSON. Firefox's background page starts Workers itself.
 */
import { browser, type Browser } from 'wxt/browser';
import type { Sighting } from '../lib/journal/schema';
import { provisionalKey } from '../lib/journal/store';
import { claimResume, interruptRunning } from '../lib/journal/heartbeat';
import { briefOf, checkAndRecord, type CheckInput, type RecordedBrief } from './check-and-record';
import { canStartWorkers } from './isolated-check';
import type { UploadVerdictNotice } from '../lib/capture-protocol';
import { earlyUploadVerdict, type UploadHook } from './upload-check';
import { isExtensionPageSender } from './sender';
import { journal } from './journal';

export const PENDING_CACHE = 'sverka-pending-files';
/** Where a file waits for its check: under its running entry's key, so a cut-off check can be found again. */
export const pendingUrl = (runningKey: string): string => `https://sverka.invalid/pending/${runningKey}`;
const OFFSCREEN_URL = 'offscreen.html';

/**
 * A file chosen at a portal's input and handed to the extension frame (lib/upload/handoff.ts): the offscreen
 * document asks the frame for it by key. The size is what the content script announced; a file of another
 * size is not taken.
 */
export interface HandedFile {
  handoff: string;
  size: number;
}

export const isHandedFile = (file: unknown): file is HandedFile => typeof (file as Partial<HandedFile> | null)?.handoff === 'string';

/** The offscreen document did not get the handed file from the frame: the bytes must come over the port. */
export class HandoffMissing extends Error {
  constructor() {
    super('the handed file did not reach the offscreen document');
  }
}

/** The offscreen document's answer when the frame did not give it the handed file. */
export const HANDOFF_MISSING = 'handoff-missing';

export interface RunCheckMessage {
  target: 'offscreen';
  type: 'run-check';
  key: string;
  /** Set when the file is to be asked from the extension frame rather than read from Cache Storage. */
  handed?: HandedFile;
  /** The journal key of the running entry (the same on a resumed run). */
  runningKey: string;
  sighting: Sighting;
  /** A file chosen at a portal's file input: its verdict is sent (UploadVerdictReadyMessage) before the journal has it. */
  upload?: { expect?: string };
}

export interface UploadVerdictReadyMessage {
  type: 'upload-verdict-ready';
  key: string;
  notice: UploadVerdictNotice;
}

export interface CheckProgressMessage {
  type: 'check-progress';
  key: string;
  fraction: number;
}

interface OffscreenApi {
  createDocument(p: { url: string; reasons: string[]; justification: string }): Promise<void>;
}
interface ContextsApi {
  getContexts?(f: { contextTypes: string[] }): Promise<unknown[]>;
}

let ensuring: Promise<void> | null = null;

/** Opens the offscreen document (and so its spare Worker) ahead of a check: a file input is about to be used on a portal page. */
export async function prewarmChecks(): Promise<void> {
  if (!canStartWorkers()) await ensureOffscreen();
}

/**
 * Concurrent checks share one look-and-create round: two downloads finishing together once made the second
 * call find the document not yet listed, be refused («Only a single offscreen document…») and send its file
 * before the document listened — a check lost without a journal entry.
 */
function ensureOffscreen(): Promise<void> {
  ensuring ??= (async () => {
    const runtime = browser.runtime as unknown as ContextsApi;
    const existing = await runtime.getContexts?.({ contextTypes: ['OFFSCREEN_DOCUMENT'] });
    if (existing?.length) return;
    const offscreen = (browser as unknown as { offscreen: OffscreenApi }).offscreen;
    await offscreen
      .createDocument({ url: OFFSCREEN_URL, reasons: ['WORKERS'], justification: 'Проверка файлов в отдельном потоке, который можно остановить' })
      .catch((err: unknown) => {
        // made by an earlier worker of this session: the document is there, which is all we need
        if (!String(err).includes('Only a single offscreen')) throw err;
      });
  })().finally(() => (ensuring = null));
  return ensuring;
}

/** The document may still be loading its script (created by an earlier worker of this session): ask again briefly. */
async function askOffscreen(message: RunCheckMessage): Promise<RecordedBrief | typeof HANDOFF_MISSING | undefined> {
  for (let attempt = 1; ; attempt++) {
    try {
      return (await browser.runtime.sendMessage(message)) as RecordedBrief | typeof HANDOFF_MISSING | undefined;
    } catch (err) {
      if (attempt >= 5 || !String(err).includes('Receiving end does not exist')) throw err;
      await new Promise((r) => setTimeout(r, 200 * attempt));
    }
  }
}

/**
 * Checks and records a file wherever this browser can start a Worker; resolves with what the tab should hear.
 * `runningKey`: the running entry of a cut-off check this one resumes. When the offscreen document goes away
 * mid-check (closed, crashed), the file it was given is checked once more; a second loss marks the entry
 * interrupted at once (lib/journal/heartbeat.ts).
 */
export async function checkAndRecordInBackground(
  file: CheckInput | HandedFile,
  sighting: Sighting,
  onProgress?: (fraction: number) => void,
  upload?: UploadHook,
  runningKey = provisionalKey(),
): Promise<RecordedBrief> {
  const handed = isHandedFile(file) ? file : undefined;
  if (!handed && (!(file instanceof Blob) || canStartWorkers())) {
    const early = upload && earlyUploadVerdict(sighting.fileName, upload.expect, upload.onVerdict);
    return briefOf(await checkAndRecord(file as CheckInput, sighting, onProgress, undefined, early, runningKey));
  }
  const key = pendingUrl(runningKey);
  const cache = await caches.open(PENDING_CACHE);
  if (!handed) await cache.put(key, new Response(file as Blob));
  const listener = (msg: unknown, sender: Browser.runtime.MessageSender) => {
    const m = msg as Partial<CheckProgressMessage> | null;
    if (m?.type === 'check-progress' && m.key === key && typeof m.fraction === 'number') onProgress?.(m.fraction);
    const ready = msg as Partial<UploadVerdictReadyMessage> | null;
    if (ready?.type === 'upload-verdict-ready' && ready.key === key && ready.notice && isExtensionPageSender(sender)) upload?.onVerdict(ready.notice);
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  try {
    const message: RunCheckMessage = { target: 'offscreen', type: 'run-check', key, runningKey, sighting, ...(upload ? { upload: { expect: upload.expect } } : {}), ...(handed ? { handed } : {}) };
    for (let resumed = false; ; resumed = true) {
      try {
        await ensureOffscreen();
        const brief = await askOffscreen(message);
        if (brief === HANDOFF_MISSING) throw new HandoffMissing();
        if (!brief) throw new Error('no answer from the offscreen document');
        return brief;
      } catch (err) {
        // nothing was checked or marked yet: the caller sends the bytes the other way
        if (err instanceof HandoffMissing && !resumed) throw err;
        if (resumed || !(await claimResume(journal, runningKey))) {
          await interruptRunning(journal, runningKey).catch(() => undefined);
          throw err;
        }
      }
    }
  } finally {
    browser.runtime.onMessage.removeListener(listener);
    await cache.delete(key);
  }
}
