/** Messages between a page (or the offscreen document) and the dedicated Worker that runs one check. */
import type { CheckReport } from './report';
import type { EntryOutcome } from './archive-entry';
import type { ZipEntry } from '../formats/zip';

export interface WorkerCheckRequest {
  type: 'check';
  name: string;
  blob: Blob;
  /** The sender reads the file itself and posts its pieces (WorkerBytes) while the Worker checks. */
  arriving?: boolean;
}

/**
 * A piece of the file the sender read (transferred; `length` bytes from the buffer's start, all of it when
 * absent), or why it could not read on.
 */
export type WorkerBytes = { type: 'bytes'; offset: number; bytes: ArrayBuffer; length?: number } | { type: 'bytes-failed'; message: string };

/**
 * To a check Worker serving as another's entry helper (lib/checks/entry-helper.ts): one archive entry's header and
 * data (transferred), to check as lib/checks/archive-entry.ts does.
 */
export interface WorkerEntryRequest {
  type: 'entry';
  id: number;
  bytes: ArrayBuffer;
  entry: ZipEntry;
  countRecords: boolean;
}

export type WorkerInbound = WorkerCheckRequest | WorkerBytes | WorkerEntryRequest;

/** From a helper: `ready` once it takes entries, then one answer per entry. */
export type WorkerEntryReply = { type: 'ready' } | { type: 'entry-done'; id: number; outcome: EntryOutcome } | { type: 'entry-failed'; id: number; message: string };

export type WorkerCheckReply =
  | { type: 'progress'; fraction: number }
  /** The report, ahead of `done` (which waits for the file's hash). */
  | { type: 'report'; report: CheckReport }
  /** `buffers`: the pieces the sender posted, given back for its next file once the check has done with them. */
  | { type: 'done'; sha256: string; report: CheckReport; buffers?: ArrayBuffer[] }
  | { type: 'failed'; message: string }
  | WorkerEntryReply;
