/**
 * What the in-page UI (badges, verdict panel, blob hook, upload check) asks of whoever runs the checks. The
 * extension answers through messages to its service worker (platform/extension-host.ts); the userscript runs
 * lib/ in the page and keeps a small journal in the userscript manager's storage (userscript/host.ts).
 * Nothing under components/ touches extension APIs: that is what lets one set of components serve both.
 */
import type { CheckDoneNotice, LinkVerdict, UploadVerdictNotice } from '../../lib/capture-protocol';

/** A check of a file from this page started, moved on, finished or could not be done. */
export type PageNotice =
  | CheckDoneNotice
  | { type: 'check-started'; fileName: string; sourceUrl?: string }
  | { type: 'check-progress'; fileName: string; fraction: number; sourceUrl?: string; /** «Проверяется: 45 % из 99,87 МБ» */ text?: string }
  | { type: 'check-failed'; fileName: string; message: string; sourceUrl?: string };

/** The verdict for a file chosen at a portal's file input; `off`: Сверка is switched off for this portal. */
export type UploadResult = 'off' | UploadVerdictNotice;

export interface InpageHost {
  /** «Проверить» beside a file link: fetch it with the portal session and check it; notices tell the result. */
  checkUrl(url: string, name: string): Promise<{ ok: boolean }>;
  /** A file the page built itself (blob: or data: link), handed over by the blob hook. */
  checkBlob(blob: Blob, name: string): void;
  /**
   * A file chosen at a portal's file input (or dropped on its upload area): check it and record it as seen at
   * upload; `expect` is the kind the input expects (from the portal's upload rules), undefined when unknown.
   * `onResult` may come once more with the same verdict when the journal has the check (its `entryId`).
   */
  checkUpload(file: File, expect: string | undefined, onResult: (result: UploadResult) => void): void;
  /** A file input is about to be used (focused, clicked, a file dragged in): ready the check runner. */
  prewarmUpload?(): void;
  /** Verdicts already known for these links. */
  lookup(urls: string[]): Promise<LinkVerdict[]>;
  /** Shows the full report of a check (a tab of the extension, or the overlay of the userscript). */
  openReport(entryId: number): void;
  /** Notices about checks of files from this page. Returns the unsubscribe function. */
  listen(onNotice: (notice: PageNotice) => void): () => void;
  /** The official clicked an ordinary file link (the extension then makes sure the download gets checked). */
  fileLinkClicked?(): void;
}
