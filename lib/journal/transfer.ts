/**
 * Journal export and import. The export is one JSON document carrying its schema version; the import
 * validates everything with zod before writing anything, and merges by SHA-256 (the same file's entry gets
 * the sightings it lacks; nothing is ever duplicated). Errors are Russian sentences for the official.
 */
import { z } from '../zod';
import type { JournalDb } from './db';
import { CheckEntrySchema, JOURNAL_SCHEMA_VERSION, type CheckEntry, type Sighting } from './schema';
import { forgetLicenceRows } from './store';
import { interruptedFields } from './heartbeat';
import { guardQuota } from './errors';
import { searchTermsOf } from './search-terms';
import type { ExportSheet } from '../export/xlsx';
import { PORTALS } from '../portals';
import { KIND_TITLES } from '../checks/kinds';
import { headline } from '../checks/headline';
import { nextAction } from '../checks/next-action';
import { formatDateTime } from '../dates';

export const EXPORT_FORMAT = 'sverka-journal';
const MAX_SIGHTINGS = 50;

export const ExportedEntrySchema = CheckEntrySchema.omit({ id: true });
export type ExportedEntry = z.infer<typeof ExportedEntrySchema>;

export const JournalExportSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  schemaVersion: z.number().int().min(1),
  exportedAt: z.string(),
  checks: z.array(ExportedEntrySchema),
});
export type JournalExport = z.infer<typeof JournalExportSchema>;

export class ImportError extends Error {
  override readonly name = 'ImportError';
}

/** Everything in the journal, oldest first, without the local ids. */
export async function exportJournal(db: JournalDb, now = new Date()): Promise<JournalExport> {
  const checks = await db.checks.orderBy('firstSeenAt').toArray();
  return {
    format: EXPORT_FORMAT,
    schemaVersion: JOURNAL_SCHEMA_VERSION,
    exportedAt: now.toISOString(),
    checks: checks.map(({ id: _id, ...rest }) => rest),
  };
}

export function exportFileName(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `sverka-journal-${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.');
  return path ? `поле «${path}»` : 'запись';
}

/** Reads an export: a clear Russian message for anything that is not one (nothing is written). */
export function parseJournalExport(text: string): JournalExport {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const m = /position (\d+)/.exec(String((err as Error).message));
    throw new ImportError(
      `Файл не является выгрузкой журнала Сверки: это не JSON${m ? ` (ошибка около символа ${m[1]})` : ''}. Выберите файл, сохранённый кнопкой «Выгрузить журнал (JSON)».`,
    );
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw) || (raw as { format?: unknown }).format !== EXPORT_FORMAT) {
    throw new ImportError('Файл не является выгрузкой журнала Сверки. Выберите файл, сохранённый кнопкой «Выгрузить журнал (JSON)».');
  }
  const version = (raw as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new ImportError('В выгрузке журнала не указана версия формата: файл повреждён или изменён вручную.');
  }
  if (version > JOURNAL_SCHEMA_VERSION) {
    throw new ImportError(
      `Выгрузка сделана более новой версией расширения (формат ${version}, эта версия понимает до ${JOURNAL_SCHEMA_VERSION}). Обновите расширение и загрузите файл снова.`,
    );
  }
  const parsed = JournalExportSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const entryIndex = issue.path[0] === 'checks' && typeof issue.path[1] === 'number' ? issue.path[1] : null;
    const where = entryIndex !== null
      ? `проверка № ${entryIndex + 1}, ${describeIssue({ ...issue, path: issue.path.slice(2) } as z.core.$ZodIssue)}`
      : describeIssue(issue);
    throw new ImportError(`Выгрузка журнала повреждена (${where}: неверное значение). Ничего не загружено. Выгрузите журнал заново.`);
  }
  return parsed.data;
}

export interface ImportResult {
  added: number;
  merged: number;
  unchanged: number;
}

const sightingKey = (s: Sighting) => `${s.at}|${s.via}|${s.fileName}|${s.sourceUrl ?? ''}`;

/** A check that was running when exported can never finish: it arrives as interrupted. */
function settle(e: ExportedEntry): ExportedEntry {
  if (e.status !== 'running') return e;
  return { ...e, ...interruptedFields(e.report) };
}

/** Writes a parsed export in one transaction; all or nothing. */
export async function importJournal(db: JournalDb, data: JournalExport): Promise<ImportResult> {
  const result: ImportResult = { added: 0, merged: 0, unchanged: 0 };
  // the same file twice inside one export: merged first
  const bySha = new Map<string, ExportedEntry>();
  for (const raw of data.checks) {
    const e = settle(raw);
    const cur = bySha.get(e.sha256);
    bySha.set(e.sha256, cur ? mergeEntries(cur, e) : e);
  }
  await guardQuota(() =>
    db.transaction('rw', db.checks, db.licences, async () => {
      for (const incoming of bySha.values()) {
        const existing = await db.checks.where('sha256').equals(incoming.sha256).first();
        if (!existing || existing.id === undefined) {
          // search terms are recomputed: an export from an older version gets today's terms
          await db.checks.add({ ...incoming, searchTerms: searchTermsOf(incoming.fileName, incoming.report) } as CheckEntry);
          result.added++;
          continue;
        }
        const merged = mergeEntries(existing, incoming);
        const changed =
          merged.sightings.length !== existing.sightings.length ||
          merged.status !== existing.status ||
          merged.firstSeenAt !== existing.firstSeenAt ||
          merged.lastSeenAt !== existing.lastSeenAt;
        if (!changed) {
          result.unchanged++;
          continue;
        }
        await db.checks.put({ ...merged, id: existing.id });
        if (existing.status !== 'done' && merged.status === 'done') await forgetLicenceRows(db, existing.id);
        result.merged++;
      }
    }),
  );
  return result;
}

/** Two entries of the same file: sightings united, the finished report preferred over an unfinished one. */
export function mergeEntries<T extends ExportedEntry>(a: T, b: ExportedEntry): T {
  const seen = new Set(a.sightings.map(sightingKey));
  const sightings = [...a.sightings, ...b.sightings.filter((s) => !seen.has(sightingKey(s)))]
    .sort((x, y) => x.at - y.at)
    .slice(-MAX_SIGHTINGS);
  const takeB = a.status !== 'done' && b.status === 'done';
  const base = takeB ? { ...a, ...b } : a;
  return {
    ...base,
    sightings,
    firstSeenAt: Math.min(a.firstSeenAt, b.firstSeenAt),
    lastSeenAt: Math.max(a.lastSeenAt, b.lastSeenAt),
  } as T;
}

const XLSX_HEADER = ['Дата последней проверки', 'Файл', 'Портал', 'Вид файла', 'Итог', 'Кратко', 'Что делать', 'Сколько раз видели', 'SHA-256'];
const VERDICT_WORD = { ok: 'В порядке', warn: 'Посмотрите', error: 'Нужно действие' } as const;

/** The journal as an XLSX sheet (the page passes it to lib/export/xlsx, which neutralises cells). */
export function journalSheet(entries: readonly CheckEntry[]): ExportSheet {
  const portalName = (id: string | null) => PORTALS.find((p) => p.id === id)?.name ?? 'файл с компьютера';
  return {
    name: 'Журнал проверок',
    header: XLSX_HEADER,
    rows: entries.map((e) => [
      formatDateTime(e.lastSeenAt),
      e.fileName,
      portalName(e.portal),
      KIND_TITLES[e.kind],
      VERDICT_WORD[e.verdict],
      headline(e.report),
      nextAction(e.report),
      e.sightings.length,
      e.sha256,
    ]),
  };
}
