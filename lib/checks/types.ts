import type { Finding, LicenceRecord, Summary, Topic, Verdict, CheckReport } from './report';
import type { KindId } from './kinds';
import type { PreparedFile } from '../formats/prepared';
import type { LmszSource } from '../egisso/package';
import type { ArchiveEntryHelper } from './archive-entry';

export interface CheckContext {
  /** 0…1 while a long check runs (large archives, big sheets). */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  /** ЕГИССО: the LMSZ of this provider's last 10.05.I package in the journal (rules 014/019 for 10.06.S). */
  egissoLmsz?: () => Promise<LmszSource | null>;
  /** A second thread for an archive's entries (lib/checks/entry-helper.ts); without it they are checked one by one here. */
  entryHelper?: ArchiveEntryHelper;
}

/** What a kind's check returns; the registry adds file, kind and (unless overridden) the verdict. */
export interface KindResult {
  summary: Summary;
  findings: Finding[];
  records?: LicenceRecord[];
  topics?: Topic[];
  details?: Record<string, unknown>;
  /** Only when the contract's verdict does not follow from the worst finding. */
  verdict?: Verdict;
}

export interface KindCheck {
  id: Exclude<KindId, 'unknown'>;
  /**
   * How sure this kind is that the file is its own: 0 = not mine. Must be cheap after the first
   * call (PreparedFile memoises decoding) and must not throw for other kinds' files.
   */
  detect(file: PreparedFile): Promise<number>;
  check(file: PreparedFile, ctx: CheckContext): Promise<KindResult>;
}

/**
 * A step that runs over all reports of files checked together (archive numbering, status counts…).
 * It may push findings onto reports; the registry recomputes verdicts afterwards.
 */
export type TogetherStep = (reports: CheckReport[]) => void;
