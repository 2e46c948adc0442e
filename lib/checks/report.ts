/** The CheckReport of the contract (shared/contracts/check-cli.md), validated with zod. */
import { z } from '../zod';
import { KIND_IDS } from './kinds';

export const SeveritySchema = z.enum(['info', 'warn', 'error']);
export type Severity = z.infer<typeof SeveritySchema>;

export const VerdictSchema = z.enum(['ok', 'warn', 'error']);
export type Verdict = z.infer<typeof VerdictSchema>;

export const FindingSchema = z.object({
  severity: SeveritySchema,
  /** Stable kebab-case code: tests and the journal rely on it. */
  code: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  /** Russian text for the official: what is wrong and what to do. */
  message: z.string().min(1),
  /** Record index, sheet!A5, entry name, line:column… */
  where: z.string().optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

export const RenumberingOutcomeSchema = z.enum(['renumbered', 'alreadyInErul', 'failed', 'pairingProblem']);
export type RenumberingOutcome = z.infer<typeof RenumberingOutcomeSchema>;

export const LicenceRecordSchema = z.object({
  old: z.string(),
  new: z.string(),
  outcome: RenumberingOutcomeSchema,
  error: z.string(),
  status: z.string().optional(),
  description: z.string().optional(),
});
export type LicenceRecord = z.infer<typeof LicenceRecordSchema>;

export const TopicSchema = z.object({
  category: z.string(),
  subcategory: z.string(),
  fact: z.string(),
  messages: z.number().int().nonnegative(),
  lko: z.array(z.string()),
});
export type Topic = z.infer<typeof TopicSchema>;

export const SummaryValueSchema = z.union([z.number(), z.string(), z.boolean(), z.null(), z.record(z.string(), z.number())]);
export const SummarySchema = z.record(z.string(), SummaryValueSchema);
export type Summary = z.infer<typeof SummarySchema>;

export const CheckReportSchema = z.object({
  file: z.string(),
  kind: z.enum(KIND_IDS),
  verdict: VerdictSchema,
  summary: SummarySchema,
  findings: z.array(FindingSchema),
  /** Renumbering kinds: one row per licence record (registry export: the exported licences, outcome-free). */
  records: z.array(LicenceRecordSchema).optional(),
  /** sstu-unbound-topics only. */
  topics: z.array(TopicSchema).optional(),
  /**
   * Kind-specific extra data the UI and the ledger need (exported licence numbers, per-ЛКО rows, protocol
   * records…). An extension of the contract: plain JSON, never rendered as HTML.
   */
  details: z.record(z.string(), z.unknown()).optional(),
});
export type CheckReport = z.infer<typeof CheckReportSchema>;

const RANK: Record<Severity, number> = { info: 0, warn: 1, error: 2 };

/** The verdict follows the worst finding: error → error, warn → warn, info or nothing → ok. */
export function verdictOf(findings: readonly Finding[]): Verdict {
  let worst = 0;
  for (const f of findings) worst = Math.max(worst, RANK[f.severity]);
  return worst === 2 ? 'error' : worst === 1 ? 'warn' : 'ok';
}
