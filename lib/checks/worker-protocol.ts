/** Messages between a page (or the offscreen document) and the dedicated Worker that runs one check. */
import type { CheckReport } from './report';

export interface WorkerCheckRequest {
  type: 'check';
  name: string;
  blob: Blob;
}

export type WorkerCheckReply =
  | { type: 'progress'; fraction: number }
  /** The report, ahead of `done` (which waits for the file's hash). */
  | { type: 'report'; report: CheckReport }
  | { type: 'done'; sha256: string; report: CheckReport }
  | { type: 'failed'; message: string };
