import { describe, expect, it } from 'vitest';
import { CheckReportSchema, type CheckReport } from '../../../lib/checks/report';
import {
  buildCards,
  egissoCard,
  renumberingCard,
  RENUMBERING_CARD_FILES,
  sstuCard,
  sstuDeadline,
  sstuPeriodAt,
  sstuPeriodRange,
  type CardModel,
  type DashEntry,
  type DashboardSettings,
} from '../../../lib/dashboard';

const settings: DashboardSettings = { closedPeriods: [], userHosts: [] };
const day = (y: number, m: number, d: number, h = 10) => new Date(y, m - 1, d, h).getTime();

function report(r: Partial<CheckReport> & Pick<CheckReport, 'file' | 'kind'>): CheckReport {
  return CheckReportSchema.parse({ verdict: 'ok', summary: {}, findings: [], ...r });
}
let nextId = 1;
function entry(r: CheckReport, at: number, extra: Partial<DashEntry> = {}): DashEntry {
  return { id: nextId++, fileName: r.file, kind: r.kind, verdict: r.verdict, status: 'done', firstSeenAt: at, lastSeenAt: at, report: r, portal: null, ...extra };
}
const countOf = (c: CardModel, key: string) => c.counts.find((x) => x.key === key)?.value;

const L = (n: number) => `Л041-00110-77/${String(n).padStart(8, '0')}`;
const OLD = (n: number) => `77-01-${String(n).padStart(6, '0')}`;

describe('card «Переприсвоение лицензий»', () => {
  const exp = report({
    file: 'export.zip',
    kind: 'tor-knd-registry-export',
    summary: { licences: 4, files: 1, overLimitFiles: 0, duplicates: 0, invalidNumbers: 0 },
    details: { licences: [OLD(1), OLD(2), OLD(3), OLD(4)] },
  });
  const erulFailed = report({
    file: 'result.json',
    kind: 'erul-renumbering-result',
    verdict: 'error',
    summary: { total: 3, renumbered: 2, alreadyInErul: 0, failed: 1, pairingProblems: 0 },
    records: [
      { old: OLD(1), new: L(1), outcome: 'renumbered', error: '' },
      { old: OLD(2), new: L(2), outcome: 'renumbered', error: '' },
      { old: OLD(3), new: '', outcome: 'failed', error: 'Внутренняя ошибка' },
    ],
  });
  const imp = report({
    file: 'import.json',
    kind: 'tor-knd-import-result',
    summary: { total: 1, success: 1, alreadyInErul: 0, failed: 0 },
    records: [{ old: OLD(1), new: L(1), outcome: 'renumbered', error: '', status: 'success' }],
  });

  it('is idle with the first step when nothing was checked', () => {
    const c = renumberingCard([], settings);
    expect(c.tone).toBe('idle');
    expect(c.next).toContain('Выгрузка реестра лицензий в ЕРУЛ');
    expect(c.actions[0]).toEqual({ type: 'url', url: 'https://tor.knd.gov.ru/', label: 'Открыть ТОР КНД' });
  });

  it('counts exported / renumbered / imported / to fix across days and points to the support letter', () => {
    const e1 = entry(exp, day(2026, 11, 2));
    const e2 = entry(erulFailed, day(2026, 11, 3));
    const e3 = entry(imp, day(2026, 11, 4));
    const c = renumberingCard([e3, e1, e2], settings);
    expect(countOf(c, 'exported')).toBe(4);
    expect(countOf(c, 'renumbered')).toBe(2);
    expect(countOf(c, 'imported')).toBe(1);
    expect(countOf(c, 'toFix')).toBe(1);
    expect(c.tone).toBe('error');
    expect(c.state).toContain('1 лицензия с ошибкой');
    expect(c.actions[0]).toEqual({ type: 'report', entryId: e2.id, label: 'Открыть письмо' });
    expect(c.lines.join(' ')).toContain('1 лицензия переприсвоена в ЕРУЛ, но ещё не загружена в ТОР КНД.');
    expect(c.lines.join(' ')).toContain('1 лицензия выгружена, но результата ЕРУЛ по ней нет.');
  });

  it('says what waits when nothing failed: import into ТОР КНД next', () => {
    const ok = report({ ...erulFailed, verdict: 'ok', summary: { ...erulFailed.summary, failed: 0 }, records: erulFailed.records!.slice(0, 2) });
    const c = renumberingCard([entry(ok, day(2026, 11, 3)), entry(imp, day(2026, 11, 4))], settings);
    expect(c.tone).toBe('warn');
    expect(c.state).toBe('Ждёт загрузки в ТОР КНД: 1 лицензия.');
    expect(c.next).toContain('Загрузка присвоенных номеров лицензий из ЕРУЛ');
    const all = report({ ...imp, summary: { total: 2, success: 2, alreadyInErul: 0, failed: 0 }, records: [imp.records![0], { old: OLD(2), new: L(2), outcome: 'renumbered', error: '', status: 'success' }] });
    const done = renumberingCard([entry(ok, day(2026, 11, 3)), entry(all, day(2026, 11, 5))], settings);
    expect(done.tone).toBe('ok');
    expect(done.state).toBe('Все переприсвоенные лицензии (2) загружены в ТОР КНД.');
  });

  it('says when the counts cover only the newest files the popup reads', () => {
    const many = Array.from({ length: RENUMBERING_CARD_FILES }, (_, i) => entry({ ...imp, file: `import_${i}.json` }, day(2026, 11, 4) + i));
    const full = renumberingCard([entry(exp, day(2026, 11, 2)), ...many], settings);
    expect(full.lines.join(' ')).toContain(`по последним ${RENUMBERING_CARD_FILES} файлам`);
    const fewer = renumberingCard([entry(exp, day(2026, 11, 2)), ...many.slice(1)], settings);
    expect(fewer.lines.join(' ')).not.toContain('по последним');
  });

  it('an unrelated unreadable file is one line under the card; the pending letter stays its headline', () => {
    const broken = report({ file: 'secret.zip', kind: 'tor-knd-registry-export', verdict: 'error', findings: [{ severity: 'error', code: 'unreadable', message: 'Архив зашифрован' }] });
    const c = renumberingCard([entry(exp, day(2026, 11, 2)), entry(erulFailed, day(2026, 11, 3)), entry(broken, day(2026, 11, 4))], settings);
    expect(c.tone).toBe('error');
    expect(c.state).toBe('1 лицензия с ошибкой — нужно обращение в поддержку ТОР КНД.');
    expect(c.actions[0]).toMatchObject({ type: 'report', label: 'Открыть письмо' });
    expect(c.lines.filter((l) => l.includes('secret.zip'))).toEqual(['Файл «secret.zip» не удалось прочитать — скачайте его заново; в сводке он не учтён.']);
    // only an unreadable file: the card does not claim all is well
    const only = renumberingCard([entry(broken, day(2026, 11, 4))], settings);
    expect(only.tone).toBe('warn');
    expect(only.state).not.toContain('secret.zip');
    expect(only.state).not.toContain('Ошибок нет');
  });
});

describe('card «ССТУ.РФ за <месяц>»', () => {
  it('works on last month during the 1st–5th and on this month after', () => {
    expect(sstuPeriodAt(new Date(2026, 11, 3))).toBe('2026-11');
    expect(sstuPeriodAt(new Date(2026, 11, 5, 23))).toBe('2026-11');
    expect(sstuPeriodAt(new Date(2026, 11, 6))).toBe('2026-12');
    expect(sstuPeriodAt(new Date(2027, 0, 2))).toBe('2026-12');
    const r = sstuPeriodRange('2026-12');
    expect(r.windowStart).toEqual(new Date(2027, 0, 1));
    expect(r.filesFrom).toBe(new Date(2026, 11, 6).getTime());
    expect(r.filesTo).toBe(new Date(2027, 0, 6).getTime());
  });

  it('counts the days of the window', () => {
    expect(sstuDeadline('2026-11', new Date(2026, 10, 23))).toMatchObject({ open: false, days: 8, text: 'Месяц ещё идёт. Данные за ноябрь 2026 выгружаются в ССТУ.РФ с 1 декабря по 5 декабря (через 8 дней).' });
    expect(sstuDeadline('2026-11', new Date(2026, 11, 1, 9))).toMatchObject({ open: true, days: 5 });
    expect(sstuDeadline('2026-11', new Date(2026, 11, 4))).toMatchObject({ open: true, days: 2, text: 'Идёт выгрузка данных за ноябрь 2026 в ССТУ.РФ: осталось 2 дня, до 5 декабря включительно.' });
    expect(sstuDeadline('2026-11', new Date(2026, 11, 5, 18)).text).toBe('Сегодня, 5 декабря, — последний день выгрузки данных за ноябрь 2026 в ССТУ.РФ.');
    expect(sstuDeadline('2026-10', new Date(2026, 10, 23))).toMatchObject({ passed: true });
  });

  const unbound = report({ file: 'Перечень без тематик.xls', kind: 'sstu-unbound-topics', verdict: 'error', summary: { rows: 5, lko: 2, topics: 3 } });
  const statusBad = report({ file: 'Статус.xls', kind: 'sstu-upload-status', verdict: 'error', summary: { totalLko: 10, succeeded: 8, notUploaded: 1, withErrors: 1, consistent: true } });
  const statusOk = report({ file: 'Статус.xls', kind: 'sstu-upload-status', summary: { totalLko: 10, succeeded: 10, notUploaded: 0, withErrors: 0, consistent: true }, details: { periodClosed: false } });
  const statusClosed = report({ ...statusOk, details: { periodClosed: true } });

  it('names the month, the days left, what was checked and what blocks the upload', () => {
    const now = day(2026, 12, 3);
    const e1 = entry(unbound, day(2026, 11, 28));
    const e2 = entry(statusBad, day(2026, 12, 2));
    const old = entry(unbound, day(2026, 11, 2)); // belongs to October
    const c = sstuCard([e1, e2, old], settings, now);
    expect(c.title).toBe('ССТУ.РФ за ноябрь 2026');
    expect(c.tone).toBe('error');
    expect(c.deadline).toMatchObject({ daysLeft: 3, tone: 'warn' });
    expect(c.lines[0]).toBe('Проверено: статус выгрузки, перечень без тематик УРОГ.');
    expect(c.lines).toContain('3 тематики без привязки к УРОГ (5 сообщений) — нужно письмо в поддержку ПОС.');
    expect(c.lines).toContain('Статус выгрузки: не выгрузили 1 ЛКО, с ошибками 1 ЛКО.');
    expect(countOf(c, 'blocks')).toBe(2);
    expect(c.actions[0]).toMatchObject({ type: 'report', label: 'Открыть отчёт' });
    expect(c.actions).toContainEqual({ type: 'toggle-period', period: '2026-11', closed: true, label: 'Отметить период закрытым' });
  });

  it('a newer report of the same kind replaces the older one', () => {
    const c = sstuCard([entry(statusBad, day(2026, 12, 1)), entry(statusOk, day(2026, 12, 2))], settings, day(2026, 12, 2));
    expect(countOf(c, 'blocks')).toBe(0);
    expect(c.state).toBe('Все ЛКО выгрузили данные; период не закрыт.');
    expect(c.tone).toBe('warn');
    expect(c.next).toContain('Отчетный период закрыт');
  });

  it('is closed by the status report or by the user’s mark', () => {
    const byReport = sstuCard([entry(statusClosed, day(2026, 12, 2))], settings, day(2026, 12, 3));
    expect(byReport.tone).toBe('ok');
    expect(byReport.state).toBe('Период закрыт — по статусу выгрузки.');
    const byUser = sstuCard([entry(statusBad, day(2026, 12, 2))], { ...settings, closedPeriods: ['2026-11'] }, day(2026, 12, 3));
    expect(byUser.tone).toBe('ok');
    expect(byUser.state).toBe('Период закрыт (отмечено вами).');
    expect(byUser.actions[0]).toMatchObject({ type: 'toggle-period', period: '2026-11', closed: false });
  });

  it('a damaged download is one line under the card; the state comes from the readable files', () => {
    const broken = report({ file: 'Статус-2.xls', kind: 'sstu-upload-status', verdict: 'error', findings: [{ severity: 'error', code: 'unreadable', message: 'Файл обрывается' }] });
    const c = sstuCard([entry(statusOk, day(2026, 12, 1)), entry(broken, day(2026, 12, 2))], settings, day(2026, 12, 2));
    expect(c.state).toBe('Все ЛКО выгрузили данные; период не закрыт.');
    expect(countOf(c, 'blocks')).toBe(0);
    expect(c.lines).toContain('Файл «Статус-2.xls» не удалось прочитать — скачайте его заново; в сводке он не учтён.');
    // a later readable file of the same kind settles it
    const fixed = sstuCard([entry(broken, day(2026, 12, 1)), entry(statusOk, day(2026, 12, 2))], settings, day(2026, 12, 2));
    expect(fixed.lines.join(' ')).not.toContain('Статус-2.xls');
  });

  it('warns when last month was worked on and its window passed unclosed', () => {
    const c = sstuCard([entry(statusOk, day(2026, 11, 3))], settings, day(2026, 11, 23));
    expect(c.title).toBe('ССТУ.РФ за ноябрь 2026');
    expect(c.tone).toBe('warn');
    expect(c.lines.join(' ')).toContain('За октябрь 2026 период не закрыт');
    const closed = sstuCard([entry(statusOk, day(2026, 11, 3))], { ...settings, closedPeriods: ['2026-10'] }, day(2026, 11, 23));
    expect(closed.lines.join(' ')).not.toContain('октябрь');
    expect(closed.tone).toBe('idle');
  });
});

describe('card «ЕГИССО»', () => {
  const proto = (id: string, failed: number, byCode: Record<string, number>, status = 3) =>
    report({
      file: `protocol_${id}.xml`,
      kind: 'egisso-protocol',
      verdict: failed ? 'error' : 'ok',
      summary: { packageStatus: status, recordNum: 100, recordNumSuccess: 100 - failed, failedRecords: failed, errors: failed, warnings: 0, byCode },
      details: { packageID: id },
    });

  it('lists the last packages, sums rejected records and explains the most frequent rule code', () => {
    const now = day(2026, 11, 23);
    const a = entry(proto('p-1', 2, { '019': 2 }), day(2026, 11, 20));
    const b = entry(proto('p-2', 5, { '014': 1, '019': 4 }), day(2026, 11, 22));
    const c0 = entry(proto('p-0', 0, {}), day(2026, 11, 10));
    const c = egissoCard([a, b, c0], settings, now);
    expect(c.tone).toBe('error');
    expect(countOf(c, 'packages')).toBe(3);
    expect(countOf(c, 'rejected')).toBe(7);
    expect(c.lines[0]).toBe('Пакет p-2: принято 95 из 100, отклонено 5 записей.');
    expect(c.lines).toContain('Пакет p-0: принято 100 из 100.');
    expect(c.lines.find((l) => l.startsWith('Код 019 (6)'))).toContain('срок');
    expect(c.next).toContain('срок'); // the fix for 019
    expect(c.actions[0]).toEqual({ type: 'report', entryId: b.id, label: 'Открыть отчёт' });
  });

  it('does not count packages older than 30 days, but always shows the latest; unprocessed packages wait', () => {
    const old = entry(proto('old', 3, { '066': 3 }), day(2026, 9, 1));
    const c = egissoCard([old], settings, day(2026, 11, 23));
    expect(countOf(c, 'packages')).toBe(1);
    const pending = egissoCard([entry(proto('p', 0, {}, 2), day(2026, 11, 22))], settings, day(2026, 11, 23));
    expect(pending.tone).toBe('warn');
    expect(pending.lines[0]).toContain('ещё не обработан');
  });

  it('an unreadable protocol is one line; rejected records stay the headline', () => {
    const broken = report({ file: 'protocol_x.xml', kind: 'egisso-protocol', verdict: 'error', findings: [{ severity: 'error', code: 'unreadable', message: 'Файл обрывается' }] });
    const a = entry(proto('p-1', 2, { '019': 2 }), day(2026, 11, 20));
    const c = egissoCard([a, entry(broken, day(2026, 11, 22))], settings, day(2026, 11, 23));
    expect(c.state).toBe('Отклонены 2 записи в 1 пакете — исправьте и отправьте заново.');
    expect(c.actions[0]).toEqual({ type: 'report', entryId: a.id, label: 'Открыть отчёт' });
    expect(c.lines).toContain('Файл «protocol_x.xml» не удалось прочитать — скачайте его заново; в сводке он не учтён.');
  });

  it('opens the user’s ЕЦП.МИС host when one is set', () => {
    const c = egissoCard([], { ...settings, userHosts: [{ portal: 'ecp-mis', host: 'ecp.region.ru' }] }, day(2026, 11, 23));
    expect(c.actions[0]).toEqual({ type: 'url', url: 'https://ecp.region.ru/', label: 'Открыть ЕЦП.МИС' });
  });
});

it('buildCards gives the three cards in order', () => {
  expect(buildCards([], settings, day(2026, 11, 23)).map((c) => c.id)).toEqual(['renumbering', 'sstu', 'egisso']);
});
