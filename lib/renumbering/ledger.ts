/**
 * The renumbering ledger across files and days: export → ЕРУЛ result → ТОР КНД import.
 * A pure function of CheckReports (from one CLI run, or every report the journal keeps), never of raw files.
 */
import { z } from '../zod';
import type { CheckReport } from '../checks/report';
import { isAlreadyInErulError, isEmptyError } from './portal-texts';

export const LedgerStateSchema = z.enum(['imported', 'importMismatch', 'notImported', 'alreadyInErul', 'failed', 'exportedOnly']);
export type LedgerState = z.infer<typeof LedgerStateSchema>;

export const LedgerSchema = z.object({
  renumbered: z.number().int().nonnegative(),
  imported: z.number().int().nonnegative(),
  importMismatch: z.number().int().nonnegative(),
  notImported: z.number().int().nonnegative(),
  licences: z.array(z.object({ old: z.string(), new: z.string(), state: LedgerStateSchema })),
});
export type Ledger = z.infer<typeof LedgerSchema>;
export type LedgerLicence = Ledger['licences'][number];

export const RENUMBERING_KINDS = new Set(['erul-renumbering-result', 'tor-knd-import-result', 'tor-knd-registry-export']);

/** What ЕРУЛ said about a licence, across every result given (the best outcome wins: a retry may succeed). */
interface ErulEntry {
  old: string;
  /** ЕРУЛ's new number (the first one it gave). */
  new: string;
  /** 3 renumbered, 2 alreadyInErul, 1 failed (incl. pairing problems). */
  rank: number;
  /** Came only from a ТОР КНД import record (no ЕРУЛ result among the reports). */
  fromImport: boolean;
}

interface ImportEntry {
  /** New numbers of every «success» record. */
  success: string[] | null;
}

const RANK_RENUMBERED = 3;
const RANK_ALREADY = 2;
const RANK_FAILED = 1;

function putErul(map: Map<string, ErulEntry>, old: string, nw: string, rank: number, fromImport: boolean): void {
  const cur = map.get(old);
  const next = { old, new: rank === RANK_RENUMBERED ? nw : '', rank, fromImport };
  if (!cur) map.set(old, next);
  // A real ЕРУЛ result outranks what an import record repeats, unless the import shows a later success.
  else if (!fromImport && cur.fromImport) {
    if (rank >= cur.rank) map.set(old, next);
  } else if (rank > cur.rank) {
    map.set(old, { ...next, fromImport: cur.fromImport && fromImport });
  }
}

function detailsLicences(r: CheckReport): string[] {
  const v = r.details?.licences;
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/**
 * The ledger of the given reports (in the order they were checked), or undefined when none of them is a
 * renumbering file. Licences are matched by their normalised old number (the checks normalise already).
 */
export function buildLedger(reports: readonly CheckReport[]): Ledger | undefined {
  if (!reports.some((r) => RENUMBERING_KINDS.has(r.kind))) return undefined;
  const erul = new Map<string, ErulEntry>();
  const imports = new Map<string, ImportEntry>();
  const exported: string[] = [];

  for (const r of reports) {
    if (r.kind === 'erul-renumbering-result') {
      for (const rec of r.records ?? []) {
        if (!rec.old) continue; // an orphan new number names no licence
        const rank = rec.outcome === 'renumbered' ? RANK_RENUMBERED : rec.outcome === 'alreadyInErul' ? RANK_ALREADY : RANK_FAILED;
        putErul(erul, rec.old, rec.new, rank, false);
      }
    } else if (r.kind === 'tor-knd-import-result') {
      for (const rec of r.records ?? []) {
        if (!rec.old) continue;
        let entry = imports.get(rec.old);
        if (!entry) {
          entry = { success: null };
          imports.set(rec.old, entry);
        }
        if (rec.outcome === 'renumbered') (entry.success ??= []).push(rec.new);
        // The import record repeats what ЕРУЛ said (old, error, new): use it when no ЕРУЛ result is given.
        const erulRank = isAlreadyInErulError(rec.error)
          ? RANK_ALREADY
          : isEmptyError(rec.error) && rec.new
            ? RANK_RENUMBERED
            : RANK_FAILED;
        putErul(erul, rec.old, rec.new, erulRank, true);
      }
    } else if (r.kind === 'tor-knd-registry-export') {
      for (const n of detailsLicences(r)) exported.push(n);
    }
  }

  const licences: LedgerLicence[] = [];
  let renumbered = 0;
  let imported = 0;
  let mismatch = 0;
  let notImported = 0;
  for (const e of erul.values()) {
    if (e.rank === RANK_RENUMBERED) {
      renumbered++;
      const succ = imports.get(e.old)?.success;
      let state: LedgerState;
      if (!succ) state = 'notImported';
      else if (succ.includes(e.new)) state = 'imported';
      else state = 'importMismatch';
      if (state === 'imported') imported++;
      else if (state === 'importMismatch') mismatch++;
      else notImported++;
      licences.push({ old: e.old, new: e.new, state });
    } else {
      licences.push({ old: e.old, new: '', state: e.rank === RANK_ALREADY ? 'alreadyInErul' : 'failed' });
    }
  }
  const listed = new Set<string>();
  for (const n of exported) {
    if (erul.has(n) || listed.has(n)) continue;
    listed.add(n);
    licences.push({ old: n, new: '', state: 'exportedOnly' });
  }
  return { renumbered, imported, importMismatch: mismatch, notImported, licences };
}

/** Counts per state, for the summary lines and the popup card. */
export function ledgerCounts(ledger: Ledger): Record<LedgerState, number> {
  const out: Record<LedgerState, number> = { imported: 0, importMismatch: 0, notImported: 0, alreadyInErul: 0, failed: 0, exportedOnly: 0 };
  for (const l of ledger.licences) out[l.state]++;
  return out;
}
