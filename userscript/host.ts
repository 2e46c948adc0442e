/**
 * The userscript's in-page host: checks run in the page through lib/ (userscript/run-check.ts), verdicts go to
 * the small journal in the userscript manager's storage, and full reports live in memory for as long as the
 * page is open (the journal never holds them). The same components as the extension draw everything.
 */
import type { CheckReport } from '../lib/checks/report';
import { LEDGER_KINDS, uploadVerdictNotice, verdictAtUpload } from '../lib/upload/verdict';
import { applyTogether } from '../lib/checks/registry';
import { headline } from '../lib/checks/headline';
import { portalForUrl, type PortalId } from '../lib/portals';
import { contentDispositionName } from '../lib/download-name';
import type { InpageHost, PageNotice } from '../components/inpage/host';
import type { OverlayProgress } from '../components/inpage/ReportOverlay';
import type { GmJournal, JournalLine } from './journal';
import { runCheck, warmUp, type Checked } from './run-check';

export interface UserscriptHost extends InpageHost {
  /** Files dropped on the overlay: checked one after another, then together. */
  checkFiles(files: File[], onProgress: (p: OverlayProgress) => void): Promise<CheckReport[]>;
  /** The full report of a check made while this page is open; undefined for older ones (only their line is kept). */
  report(entryId: number): CheckReport | undefined;
  forgetReports(): void;
}

export interface HostOptions {
  portal: PortalId | null;
  journal: GmJournal;
  workerUrl: string | null;
  openReport: (entryId: number) => void;
}

export const UPLOAD_CHECK_FAILED = 'Сверка не смогла проверить этот файл. Загрузить его можно как обычно.';

export const FETCH_FAILED =
  'Файл не удалось получить с портала для проверки. Скачайте его и перетащите в окно Сверки (меню менеджера скриптов → «Сверка: проверить файлы»).';

/** The page's own origin, or another host of the same built-in portal. */
function samePortal(url: string, portal: PortalId | null): boolean {
  try {
    if (new URL(url).origin === location.origin) return true;
  } catch {
    return false;
  }
  return portal !== null && portalForUrl(url) === portal;
}

export function userscriptHost({ portal, journal, workerUrl, openReport }: HostOptions): UserscriptHost {
  const listeners = new Set<(n: PageNotice) => void>();
  const reports = new Map<number, Checked>();
  let uploads: Promise<void> = Promise.resolve();
  const emit = (n: PageNotice) => {
    for (const l of listeners) l(n);
  };

  const record = (checked: Checked, url?: string, via?: 'upload'): JournalLine => {
    const line = journal.add(checked, Date.now(), url, via);
    reports.set(line.id, checked);
    return line;
  };

  const check = async (blob: Blob, name: string, sourceUrl?: string): Promise<void> => {
    const where = sourceUrl ? { sourceUrl } : {};
    emit({ type: 'check-started', fileName: name, ...where });
    let last = 0;
    const checked = await runCheck(blob, name, (fraction) => {
      // one notice per percent is plenty for a progress bar
      if (fraction - last < 0.01 && fraction < 1) return;
      last = fraction;
      emit({ type: 'check-progress', fileName: name, fraction, ...where });
    }, workerUrl);
    const line = record(checked, sourceUrl);
    emit({ type: 'check-done', entryId: line.id, fileName: name, verdict: checked.verdict, headline: checked.headline, ...where });
  };

  return {
    async checkUrl(url, name) {
      // only files of this portal: a page cannot make the userscript fetch elsewhere
      if (!samePortal(url, portal)) return { ok: false };
      let blob: Blob;
      try {
        const response = await fetch(url, { credentials: 'include' });
        if (!response.ok) throw new Error(String(response.status));
        name = contentDispositionName(response.headers.get('content-disposition')) ?? name;
        blob = await response.blob();
      } catch {
        emit({ type: 'check-failed', fileName: name, message: FETCH_FAILED, sourceUrl: url });
        return { ok: false };
      }
      await check(blob, name, url);
      return { ok: true };
    },
    checkBlob(blob, name) {
      void check(blob, name.slice(0, 1000));
    },
    checkUpload(file, expect, onResult) {
      const name = file.name.slice(0, 1000);
      // one chosen file after another: twenty files of a `multiple` input do not start twenty workers at once
      uploads = uploads.then(async () => {
        const checked = await runCheck(file, name, () => undefined, workerUrl);
        const line = record(checked, location.href, 'upload');
        // the ledger knows the checks made while this page is open (the journal keeps no records)
        const earlier = async () => [...reports].filter(([id, c]) => id !== line.id && (LEDGER_KINDS as readonly string[]).includes(c.kind)).map(([, c]) => c.report());
        onResult(uploadVerdictNotice(await verdictAtUpload(checked, expect, earlier), line.id, name));
      }).catch(() => onResult({ type: 'upload-verdict', entryId: null, fileName: name, verdict: 'warn', headline: UPLOAD_CHECK_FAILED, notes: [] }));
    },
    // starting a worker compiles the whole script: done while the official is still picking the file
    prewarmUpload: () => warmUp(workerUrl),
    async lookup(urls) {
      return journal.lookup(urls);
    },
    openReport,
    listen(onNotice) {
      listeners.add(onNotice);
      return () => listeners.delete(onNotice);
    },
    async checkFiles(files, onProgress) {
      const out: CheckReport[] = [];
      for (let i = 0; i < files.length; i++) {
        const f = files[i];
        onProgress({ done: i, total: files.length, current: f.name, fraction: 0 });
        const checked = await runCheck(f, f.name, (fraction) => onProgress({ done: i, total: files.length, current: f.name, fraction }), workerUrl);
        out.push(checked.report());
      }
      // the cross-file steps may change verdicts: the journal keeps the verdicts the official sees
      for (const r of applyTogether(out)) record({ file: r.file, kind: r.kind, verdict: r.verdict, headline: headline(r), report: () => r });
      return out;
    },
    report: (id) => reports.get(id)?.report(),
    forgetReports: () => reports.clear(),
  };
}
