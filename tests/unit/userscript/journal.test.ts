import { describe, expect, it } from 'vitest';
import { GmJournal, JOURNAL_KEY, JOURNAL_LIMIT, withoutPersonalData } from '../../../userscript/journal';
import { memoryStore } from '../../../userscript/gm';
import type { CheckReport } from '../../../lib/checks/report';
import { headline } from '../../../lib/checks/headline';

/** A whole report with its headline, as a check hands it over: the journal must keep only the short facts. */
function report(file: string, message = 'Не удалось прочитать'): CheckReport & { headline: string } {
  const r: CheckReport = { file, kind: 'unknown', verdict: 'error', summary: {}, findings: [{ severity: 'error', code: 'unreadable', message }] };
  return { ...r, headline: headline(r) };
}

describe('userscript journal in the userscript manager storage', () => {
  it('keeps the newest 200 lines, newest first, one line per check', () => {
    const store = memoryStore();
    const j = new GmJournal(store);
    for (let i = 0; i < JOURNAL_LIMIT + 25; i++) j.add(report(`f${i}.json`), 1_700_000_000_000 + i);
    const lines = j.lines();
    expect(lines).toHaveLength(JOURNAL_LIMIT);
    expect(lines[0].file).toBe(`f${JOURNAL_LIMIT + 24}.json`);
    expect(lines.at(-1)!.file).toBe('f25.json');
    expect(new Set(lines.map((l) => l.id)).size).toBe(JOURNAL_LIMIT);
  });

  it('stores only the line (no findings, records or details) and masks СНИЛС and full names', () => {
    const store = memoryStore();
    const j = new GmJournal(store);
    const r = report('Иванов Иван Иванович 112-233-445 95.xml', 'Запись 3: СНИЛС 11223344595 у Петрова П. П. не прошёл проверку');
    r.records = [{ number: 'Л041-00110-77/00012345', status: 'success' } as never];
    j.add(r, Date.now(), 'https://tor.knd.gov.ru/api/tasks/1/result.json');
    const stored = JSON.stringify(store.dump()[JOURNAL_KEY]);
    expect(stored).not.toMatch(/Иванов|Петров|11223344595|112-233-445 95/);
    expect(stored).not.toContain('Л041-00110-77');
    expect(stored).toContain('[ФИО скрыто]');
    expect(Object.keys(j.lines()[0]).sort()).toEqual(['at', 'file', 'headline', 'id', 'kind', 'url', 'verdict']);
  });

  it('looks verdicts up by portal link and forgets everything on purge', () => {
    const store = memoryStore();
    const j = new GmJournal(store);
    const older = j.add(report('a.json'), 1, 'https://pos.gosuslugi.ru/a.json');
    const newer = j.add({ ...report('a.json'), verdict: 'ok', headline: 'в порядке' }, 2, 'https://pos.gosuslugi.ru/a.json');
    const found = j.lookup(['https://pos.gosuslugi.ru/a.json', 'https://pos.gosuslugi.ru/other.json']);
    expect(found).toEqual([{ url: 'https://pos.gosuslugi.ru/a.json', entryId: newer.id, verdict: 'ok', headline: expect.any(String) }]);
    expect(newer.id).toBeGreaterThan(older.id);
    j.clear();
    expect(j.lines()).toEqual([]);
    expect(store.dump()).toEqual({});
  });

  it('masking leaves ordinary numbers and words alone', () => {
    expect(withoutPersonalData('12 лицензий: 10 переприсвоено, 2 ошибки — нужно обращение в поддержку ТОР КНД')).toBe('12 лицензий: 10 переприсвоено, 2 ошибки — нужно обращение в поддержку ТОР КНД');
    expect(withoutPersonalData('import_result_1057.json')).toBe('import_result_1057.json');
  });
});
