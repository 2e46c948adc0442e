/**
 * The renumbering ledger across files: export → ЕРУЛ result → ТОР КНД import.
 * (Filled in by the renumbering issue; the shape is the contract's.)
 */
import { z } from 'zod';
import type { CheckReport } from '../checks/report';

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

export const RENUMBERING_KINDS = new Set(['erul-renumbering-result', 'tor-knd-import-result', 'tor-knd-registry-export']);

/** The ledger of the given reports, or undefined when none of them is a renumbering file. */
export function buildLedger(reports: readonly CheckReport[]): Ledger | undefined {
  if (!reports.some((r) => RENUMBERING_KINDS.has(r.kind))) return undefined;
  return { renumbered: 0, imported: 0, importMismatch: 0, notImported: 0, licences: [] };
}
