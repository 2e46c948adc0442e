/**
 * What the journal stores. Types and zod schemas only: the Dexie database is in db.ts.
 */
import { z } from '../zod';
import { CheckReportSchema, LicenceRecordSchema } from '../checks/report';

export const SightingViaSchema = z.enum(['download', 'page', 'button', 'drop', 'cli', 'import', 'upload']);
export type SightingVia = z.infer<typeof SightingViaSchema>;

export const SightingSchema = z.object({
  at: z.number(),
  fileName: z.string(),
  sourceUrl: z.string().optional(),
  portal: z.string().nullable(),
  via: SightingViaSchema,
});
export type Sighting = z.infer<typeof SightingSchema>;

export const CheckStatusSchema = z.enum(['done', 'running', 'interrupted']);

/** One checked file (by SHA-256): its report and every time it was seen. */
export const CheckEntrySchema = z.object({
  id: z.number().int().optional(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  fileName: z.string(),
  size: z.number().int().nonnegative(),
  portal: z.string().nullable(),
  sourceUrl: z.string().optional(),
  kind: CheckReportSchema.shape.kind,
  verdict: CheckReportSchema.shape.verdict,
  status: CheckStatusSchema,
  firstSeenAt: z.number(),
  lastSeenAt: z.number(),
  /** While running: when its runner last said it is alive (lib/journal/heartbeat.ts). */
  heartbeatAt: z.number().optional(),
  /** How many times a cut-off run was started again (at most MAX_RESUMES). */
  resumes: z.number().int().nonnegative().optional(),
  sightings: z.array(SightingSchema),
  report: CheckReportSchema,
  /** Lower-cased words to search by: file name, licence numbers, ЛКО ids, package id. */
  searchTerms: z.array(z.string()),
});
export type CheckEntry = z.infer<typeof CheckEntrySchema>;

/** A licence record kept for the renumbering ledger and for search by number. */
export const LicenceRowSchema = LicenceRecordSchema.extend({
  id: z.number().int().optional(),
  checkId: z.number().int(),
  kind: CheckReportSchema.shape.kind,
  at: z.number(),
});
export type LicenceRow = z.infer<typeof LicenceRowSchema>;

/** The Dexie schema version (db.ts) and the version written into journal exports. */
export const JOURNAL_SCHEMA_VERSION = 2;
