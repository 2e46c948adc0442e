import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { freshJournal, meta, report, sha } from './helpers';
import { markInterrupted, markRunning, recordCheck, recentChecks, purgeAll } from '../../../lib/journal/store';
import { searchChecks, queryWords, entriesOfKinds } from '../../../lib/journal/queries';
import { exportJournal, importJournal, parseJournalExport, ImportError, journalSheet } from '../../../lib/journal/transfer';
import { JournalQuotaError, QUOTA_MESSAGE, isQuotaError } from '../../../lib/journal/errors';
import { JOURNAL_SCHEMA_VERSION } from '../../../lib/journal/schema';

const T0 = new Date(2026, 10, 20, 10, 0).getTime();

const erul = report({
  file: 'result_1057.json',
  kind: 'erul-renumbering-result',
  verdict: 'error',
  summary: { total: 2, renumbered: 1, alreadyInErul: 0, failed: 1, pairingProblems: 0 },
  findings: [{ severity: 'error', code: 'renumbering-failed', message: 'Ошибка ЕРУЛ' }],
  records: [
    { old: 'Л041-00110-77/00012345', new: 'Л041-00110-77/00000001', outcome: 'renumbered', error: '' },
    { old: 'Л041-00110-77/00099999', new: '', outcome: 'failed', error: 'Внутренняя ошибка' },
  ],
});
const egisso = report({
  file: 'protocol.xml',
  kind: 'egisso-protocol',
  verdict: 'error',
  summary: { packageStatus: 3, recordNum: 10, recordNumSuccess: 8, failedRecords: 2, errors: 2, warnings: 0, byCode: { '019': 2 } },
  details: { packageID: 'b7e0c7d2-5a5e-4c1a-9d7e-0f6a5b1c2d3e' },
});
const sstu = report({
  file: 'Перечень сообщений без тематик.xls',
  kind: 'sstu-unbound-topics',
  verdict: 'error',
  summary: { rows: 3, lko: 1, topics: 1 },
  topics: [{ category: 'Жилище', subcategory: 'Ремонт', fact: 'Протечка', messages: 3, lko: ['1234567'] }],
});

describe('journal store', () => {
  it('keeps one entry per file and adds sightings when the same file comes again', async () => {
    const { db } = freshJournal();
    const a = await recordCheck(db, erul, meta(1, 'result_1057.json', T0));
    const b = await recordCheck(db, erul, meta(1, 'result_1057 (1).json', T0 + 1000, { via: 'drop', portal: null }));
    expect(a.isNew).toBe(true);
    expect(b).toEqual({ id: a.id, isNew: false });
    const [entry] = await recentChecks(db);
    expect(entry.sightings.map((s) => s.fileName)).toEqual(['result_1057.json', 'result_1057 (1).json']);
    expect(entry.lastSeenAt).toBe(T0 + 1000);
    // no per-licence rows: search reads the entry's terms
    expect(await db.licences.count()).toBe(0);
  });

  it('marks a check cut off by a stopped worker as interrupted, and a later run of the same file replaces it (never doubled)', async () => {
    const { db } = freshJournal();
    await markRunning(db, meta(7, 'большой.zip', T0));
    expect((await recentChecks(db))[0].status).toBe('running');
    // the worker starts again
    expect(await markInterrupted(db)).toBe(1);
    const [cut] = await recentChecks(db);
    expect(cut.status).toBe('interrupted');
    expect(cut.verdict).toBe('error');
    expect(cut.report.findings[0].code).toBe('interrupted');
    expect(cut.report.findings[0].message).toContain('Проверка прервалась');
    // a second start-up finds nothing to mark
    expect(await markInterrupted(db)).toBe(0);
    // the same file checked again: the entry is completed, not duplicated
    await recordCheck(db, erul, meta(7, 'большой.zip', T0 + 5000));
    const all = await recentChecks(db);
    expect(all).toHaveLength(1);
    expect(all[0].status).toBe('done');
    expect(all[0].kind).toBe('erul-renumbering-result');
    expect(all[0].sightings).toHaveLength(2);
  });

  it('two windows writing at once do not corrupt the journal', async () => {
    const factory = new IDBFactory();
    const one = freshJournal(factory).db;
    const two = freshJournal(factory).db;
    const writes: Promise<unknown>[] = [];
    for (let i = 0; i < 40; i++) {
      // both windows record the same 20 files and 20 files of their own, interleaved
      writes.push(recordCheck(one, erul, meta(i % 20, `f${i % 20}.json`, T0 + i)));
      writes.push(recordCheck(two, sstu, meta(100 + i, `g${i}.xls`, T0 + i)));
      writes.push(recordCheck(two, erul, meta(i % 20, `f${i % 20}.json`, T0 + 100 + i)));
    }
    await Promise.all(writes);
    expect(await one.checks.count()).toBe(60);
    const shared = await one.checks.where('sha256').equals(sha(3)).toArray();
    expect(shared).toHaveLength(1);
    expect(shared[0].sightings).toHaveLength(4);
    expect(await two.checks.count()).toBe(60);
  });

  it('quota exhaustion gives a clear Russian message and loses nothing already stored', async () => {
    const { db } = freshJournal();
    await recordCheck(db, erul, meta(1, 'a.json', T0));
    await recordCheck(db, sstu, meta(2, 'b.xls', T0 + 1));
    // from now on every write fails as a full disk does in IndexedDB (middleware applies on reopen)
    db.close();
    db.use({
      stack: 'dbcore',
      name: 'quota',
      create: (down) => ({
        ...down,
        table: (name) => {
          const t = down.table(name);
          return { ...t, mutate: () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) };
        },
      }),
    });
    await db.open();
    const err = await recordCheck(db, egisso, meta(3, 'c.xml', T0 + 2)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JournalQuotaError);
    expect((err as Error).message).toBe(QUOTA_MESSAGE);
    expect((err as Error).message).toContain('Всё, что было в журнале раньше, цело');
    await expect(markRunning(db, meta(4, 'd.xml', T0 + 3))).rejects.toBeInstanceOf(JournalQuotaError);
    // adding a sighting to an existing file fails too, without touching it
    await expect(recordCheck(db, erul, meta(1, 'a (2).json', T0 + 4))).rejects.toBeInstanceOf(JournalQuotaError);
    const left = await recentChecks(db);
    expect(left.map((e) => e.fileName).sort()).toEqual(['a.json', 'b.xls']);
    expect(left.find((e) => e.fileName === 'a.json')!.sightings).toHaveLength(1);
  });

  it('recognises quota errors however they are wrapped', () => {
    expect(isQuotaError(new DOMException('x', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toBe(true);
    expect(isQuotaError(new Error('other'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });
});

describe('journal search', () => {
  async function seeded() {
    const { db } = freshJournal();
    await recordCheck(db, erul, meta(1, 'import_result_1057.json', T0));
    await recordCheck(db, egisso, meta(2, 'protocol.xml', T0 + 86_400_000, { portal: 'egisso' }));
    await recordCheck(db, sstu, meta(3, 'Перечень сообщений без тематик.xls', T0 + 2 * 86_400_000, { portal: 'pos' }));
    await recordCheck(db, report({ file: 'ok.json', kind: 'tor-knd-import-result', summary: { total: 1, success: 1, alreadyInErul: 0, failed: 0 } }), meta(4, 'import_ok.json', T0 + 3 * 86_400_000));
    return db;
  }
  const names = (p: { entries: { fileName: string }[] }) => p.entries.map((e) => e.fileName);

  it('finds by licence number (also typed with a Latin L), by a word of the file name, ЛКО and package id', async () => {
    const db = await seeded();
    expect(names(await searchChecks(db, { text: 'Л041-00110-77/00012345' }))).toEqual(['import_result_1057.json']);
    expect(names(await searchChecks(db, { text: 'L041-00110' }))).toEqual(['import_result_1057.json']);
    expect(names(await searchChecks(db, { text: '1057' }))).toEqual(['import_result_1057.json']);
    expect(names(await searchChecks(db, { text: 'import' }))).toEqual(['import_ok.json', 'import_result_1057.json']);
    expect(names(await searchChecks(db, { text: 'import result' }))).toEqual(['import_result_1057.json']);
    expect(names(await searchChecks(db, { text: '1234567' }))).toEqual(['Перечень сообщений без тематик.xls']);
    expect(names(await searchChecks(db, { text: 'тематик' }))).toEqual(['Перечень сообщений без тематик.xls']);
    expect(names(await searchChecks(db, { text: 'b7e0c7d2' }))).toEqual(['protocol.xml']);
    expect((await searchChecks(db, { text: 'нет-такого' })).total).toBe(0);
  });

  it('filters by verdict and date range, newest first, and says how many match beyond the page', async () => {
    const db = await seeded();
    expect(names(await searchChecks(db, { verdict: 'error' }))).toEqual(['Перечень сообщений без тематик.xls', 'protocol.xml', 'import_result_1057.json']);
    expect(names(await searchChecks(db, { from: T0 + 86_400_000, to: T0 + 2 * 86_400_000 }))).toEqual(['Перечень сообщений без тематик.xls', 'protocol.xml']);
    expect(names(await searchChecks(db, { text: 'import', verdict: 'ok' }))).toEqual(['import_ok.json']);
    const page = await searchChecks(db, { limit: 2 });
    expect(page.total).toBe(4);
    expect(names(page)).toEqual(['import_ok.json', 'Перечень сообщений без тематик.xls']);
    expect(queryWords('«L041» x')).toEqual([['l041', 'л041'], ['x']]);
    const dash = await entriesOfKinds(db, ['egisso-protocol', 'sstu-unbound-topics']);
    expect(dash.map((e) => e.kind)).toEqual(['sstu-unbound-topics', 'egisso-protocol']);
  });
});

describe('journal export and import', () => {
  it('round-trips through JSON with its schema version, merging sightings instead of duplicating', async () => {
    const { db } = freshJournal();
    await recordCheck(db, erul, meta(1, 'a.json', T0));
    await recordCheck(db, egisso, meta(2, 'p.xml', T0 + 10));
    await markRunning(db, meta(3, 'running.zip', T0 + 20));
    const exported = await exportJournal(db, new Date(T0));
    expect(exported.schemaVersion).toBe(JOURNAL_SCHEMA_VERSION);
    expect(exported.format).toBe('sverka-journal');
    const text = JSON.stringify(exported);

    // into an empty journal: everything comes back, the running check as interrupted
    const other = freshJournal().db;
    expect(await importJournal(other, parseJournalExport(text))).toEqual({ added: 3, merged: 0, unchanged: 0 });
    expect(await other.checks.count()).toBe(3);
    expect((await other.checks.where('sha256').equals(sha(3)).first())!.status).toBe('interrupted');
    // again: nothing is duplicated
    expect(await importJournal(other, parseJournalExport(text))).toEqual({ added: 0, merged: 0, unchanged: 3 });
    expect(await importJournal(other, parseJournalExport(JSON.stringify(await exportJournal(other))))).toEqual({ added: 0, merged: 0, unchanged: 3 });
    expect(await other.checks.count()).toBe(3);

    // the same file seen elsewhere meanwhile: sightings merge
    await recordCheck(db, erul, meta(1, 'a (1).json', T0 + 99));
    const again = JSON.stringify(await exportJournal(db));
    const res = await importJournal(other, parseJournalExport(again));
    expect(res.added).toBe(0);
    expect(res.merged).toBe(1);
    const merged = await other.checks.where('sha256').equals(sha(1)).first();
    expect(merged!.sightings.map((s) => s.fileName)).toEqual(['a.json', 'a (1).json']);
    expect(merged!.lastSeenAt).toBe(T0 + 99);

    // the whole journal purged and imported back: equal to what was exported
    await purgeAll(db);
    await importJournal(db, parseJournalExport(again));
    const back = await exportJournal(db, new Date(T0));
    expect(back.checks).toEqual(JSON.parse(again).checks.map((c: { status: string }) => (c.status === 'running' ? expect.objectContaining({ status: 'interrupted' }) : c)));
  });

  it('refuses a bad file with a clear message and writes nothing', async () => {
    const { db } = freshJournal();
    const bad = (text: string) => {
      try {
        parseJournalExport(text);
        return '';
      } catch (e) {
        expect(e).toBeInstanceOf(ImportError);
        return (e as Error).message;
      }
    };
    expect(bad('{"format": "sverka-journal", ')).toMatch(/не является выгрузкой журнала Сверки: это не JSON/);
    expect(bad('[1,2,3]')).toMatch(/не является выгрузкой журнала Сверки/);
    expect(bad('{"licences": []}')).toMatch(/не является выгрузкой журнала Сверки/);
    expect(bad(JSON.stringify({ format: 'sverka-journal', schemaVersion: 99, exportedAt: '', checks: [] }))).toMatch(/более новой версией расширения/);
    expect(bad(JSON.stringify({ format: 'sverka-journal', exportedAt: '', checks: [] }))).toMatch(/не указана версия/);
    const good = await exportJournal((await (async () => {
      const j = freshJournal().db;
      await recordCheck(j, erul, meta(1, 'a.json', T0));
      await recordCheck(j, sstu, meta(2, 'b.xls', T0));
      return j;
    })()));
    const broken = structuredClone(good) as unknown as { checks: { sha256: string }[] };
    broken.checks[1].sha256 = 'not-a-hash';
    expect(bad(JSON.stringify(broken))).toMatch(/проверка № 2, поле «sha256»/);
    expect(bad(JSON.stringify(broken))).toContain('Ничего не загружено');
    expect(await db.checks.count()).toBe(0);
  });

  it('builds the XLSX sheet of the journal in Russian', async () => {
    const { db } = freshJournal();
    await recordCheck(db, erul, meta(1, '=cmd.json', T0));
    const sheet = journalSheet(await recentChecks(db));
    expect(sheet.header).toContain('Итог');
    expect(sheet.rows[0][1]).toBe('=cmd.json'); // neutralised by lib/export/xlsx when written
    expect(sheet.rows[0][4]).toBe('Нужно действие');
    expect(String(sheet.rows[0][5])).toContain('1 переприсвоена');
  });
});

describe('a region-wide ЕРУЛ result is saved as one entry', () => {
  it('200,000 licences: no per-licence rows (was 200,000 indexed puts), every number still found by search', async () => {
    const { db } = freshJournal();
    const records = Array.from({ length: 200_000 }, (_, i) => ({
      old: `Л041-00110-77/${String(i).padStart(8, '0')}`,
      new: `Л041-00110-77/${String(900_000 + i).padStart(8, '0')}`,
      outcome: 'renumbered' as const,
      error: '',
    }));
    const big = report({ file: 'erul-region.json', kind: 'erul-renumbering-result', summary: { total: records.length }, records });
    const { id } = await recordCheck(db, big, meta(42, 'erul-region.json', T0));
    expect(await db.licences.count()).toBe(0);
    expect(await db.checks.count()).toBe(1);
    expect((await searchChecks(db, { text: 'Л041-00110-77/00000017' })).entries.map((e) => e.id)).toEqual([id]);
  }, 120_000);
});
