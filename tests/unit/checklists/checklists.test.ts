import { describe, expect, it } from 'vitest';
import { CheckReportSchema, type CheckReport } from '../../../lib/checks/report';
import {
  PROCEDURES,
  checklistUrlFor,
  evaluateChecklist,
  parseProgress,
  periodClosed,
  periodTitle,
  periodWindow,
  procedureById,
  reportingPeriod,
  resetScope,
  scopeKey,
  setMark,
  type ChecklistView,
} from '../../../lib/checklists';

/** Reports go through the contract's zod schema, so the tests cannot drift from the real shape. */
function report(r: Partial<CheckReport> & Pick<CheckReport, 'file' | 'kind'>): CheckReport {
  return CheckReportSchema.parse({ verdict: 'ok', summary: {}, findings: [], ...r });
}

const erulResult = report({
  file: '/home/u/Загрузки/result_1.json',
  kind: 'erul-renumbering-result',
  verdict: 'error',
  summary: { total: 23, renumbered: 11, alreadyInErul: 10, failed: 2, pairingProblems: 0 },
  findings: [{ severity: 'error', code: 'renumbering-failed', message: 'x' }],
});
const erulUnreadable = report({
  file: 'result_2.json',
  kind: 'erul-renumbering-result',
  verdict: 'error',
  findings: [{ severity: 'error', code: 'unreadable', message: 'Файл обрывается', where: '3:15' }],
});

function step(view: ChecklistView, id: string) {
  for (const s of view.sections) for (const st of s.steps) if (st.step.id === id) return st;
  throw new Error(`no step ${id}`);
}

describe('procedures', () => {
  it('cover the four processes of the issue with unique ids and unique step ids', () => {
    expect(PROCEDURES.map((p) => p.id)).toEqual([
      'renumbering',
      'sstu-own-manual',
      'sstu-own-api',
      'sstu-tree-manual',
      'sstu-tree-api',
      'licensing-access-registered',
      'licensing-access-only',
      'licensing-access-new',
      'tor-knd-api',
    ]);
    for (const p of PROCEDURES) {
      const ids = p.sections.flatMap((s) => s.steps.map((st) => st.id));
      expect(new Set(ids).size, p.id).toBe(ids.length);
      for (const s of p.sections) for (const st of s.steps) expect(st.title, `${p.id}/${st.id}`).toMatch(/[А-Яа-яЁё]/);
    }
  });

  it('renumbering has the 14 steps of seed 000 in order', () => {
    const ids = procedureById('renumbering')!.sections.flatMap((s) => s.steps.map((st) => st.id));
    const numbered = ids.filter((id) => /^s\d+$/.test(id)).map((id) => Number(id.slice(1)));
    expect(numbered).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
  });

  it('support addresses come from lib/portals', () => {
    const all = JSON.stringify(PROCEDURES.map((p) => p.sections.map((s) => s.steps.map((st) => [st.title, st.detail]))));
    expect(all).toContain('kndsupport@voskhod.ru');
    expect(all).toContain('sd@sc.digital.gov.ru');
  });
});

describe('auto-ticks', () => {
  const renumbering = procedureById('renumbering')!;

  it('a checked ЕРУЛ result ticks «Проверить файл на наличие ошибок», with the counts as the reason', () => {
    const before = evaluateChecklist(renumbering, []);
    expect(step(before, 's8-check').done).toBe(false);
    expect(step(before, 's8-check').auto).toBeNull();

    const after = evaluateChecklist(renumbering, [erulResult]);
    const s = step(after, 's8-check');
    expect(s.step.title).toBe('Проверить файл на наличие ошибок');
    expect(s.done).toBe(true);
    expect(s.manual).toBe(false);
    expect(s.auto?.reason).toBe(
      'Файл результата ЕРУЛ «result_1.json» проверен расширением: 23 записи, переприсвоено 11, уже в ЕРУЛ 10, ошибок 2, ошибок пар 0.',
    );
    expect(step(after, 's8').done).toBe(true);
    expect(step(after, 's14').done).toBe(false);
  });

  it('an unreadable ЕРУЛ result does not tick the check, and says what to do', () => {
    const v = evaluateChecklist(renumbering, [erulUnreadable]);
    expect(step(v, 's8').done).toBe(true); // the file was received
    const s = step(v, 's8-check');
    expect(s.done).toBe(false);
    expect(s.auto?.reason).toContain('не удалось прочитать: скачайте его заново');
  });

  it('the newest readable report decides when there are several', () => {
    const v = evaluateChecklist(renumbering, [erulResult, erulUnreadable]);
    expect(step(v, 's8-check').done).toBe(true);
    expect(step(v, 's8-check').auto?.file).toBe(erulResult.file);
  });

  it('the ТОР КНД import result ticks step 14', () => {
    const imp = report({ file: 'import.json', kind: 'tor-knd-import-result', summary: { total: 5, success: 4, alreadyInErul: 1, failed: 0 } });
    const s = step(evaluateChecklist(renumbering, [imp]), 's14');
    expect(s.done).toBe(true);
    expect(s.auto?.reason).toContain('5 записей, успешно 4, уже в ЕРУЛ 1, ошибок 0');
  });

  const closedStatus = (closed: 'Да' | 'Нет' | boolean, key = 'manualClosed') =>
    report({
      file: 'Статус выгрузки.xls',
      kind: 'sstu-upload-status',
      summary: { totalLko: 2, succeeded: 2, notUploaded: 0, withErrors: 0, consistent: true },
      details: {
        lko: [
          { lkoId: '1', [key]: closed, apiClosed: false },
          { lkoId: '2', [key]: closed, apiClosed: null },
        ],
      },
    });

  it('a status report showing the period closed ticks «Закрыть отчетный период»', () => {
    const proc = procedureById('sstu-own-manual')!;
    const open = step(evaluateChecklist(proc, [closedStatus('Нет')]), 'close');
    expect(open.step.title).toBe('Закрыть отчетный период');
    expect(open.done).toBe(false);
    expect(open.auto?.reason).toBe('По файлу «Статус выгрузки.xls» отчетный период ещё не закрыт.');
    const closed = step(evaluateChecklist(proc, [closedStatus('Нет'), closedStatus('Да')]), 'close');
    expect(closed.done).toBe(true);
    expect(closed.auto?.reason).toBe('По файлу «Статус выгрузки.xls» отчетный период закрыт.');
  });

  it('periodClosed reads booleans, «Да»/«Нет», Russian column names and explicit flags', () => {
    expect(periodClosed(closedStatus(true))).toBe(true);
    expect(periodClosed(closedStatus(true, 'Данные успешно загружены вручную в ССТУ, отчетный период закрыт'))).toBe(true);
    expect(periodClosed(closedStatus('Нет', 'Данные успешно загружены вручную в ССТУ, отчетный период закрыт'))).toBe(false);
    const partly = closedStatus('Да');
    (partly.details!.lko as Record<string, unknown>[])[1].manualClosed = 'Нет';
    expect(periodClosed(partly)).toBe(false);
    expect(periodClosed(report({ file: 'a', kind: 'sstu-upload-status', summary: { periodClosed: true } }))).toBe(true);
    expect(periodClosed(report({ file: 'a', kind: 'sstu-upload-status', details: { periodClosed: false } }))).toBe(false);
    expect(periodClosed(report({ file: 'a', kind: 'sstu-upload-status', details: { lko: [{ lkoId: '1' }] } }))).toBeNull();
  });

  it('archives: all sound ticks the download step; a damaged one does not and names it', () => {
    const proc = procedureById('sstu-tree-manual')!;
    const a1 = report({ file: 'Файл_1.zip', kind: 'sstu-archive', summary: { entries: 3, bytes: 10, damaged: 0, overSizeLimit: false } });
    const a2bad = report({ file: 'Файл_2.zip', kind: 'sstu-archive', verdict: 'error', summary: { entries: 3, bytes: 10, damaged: 1, overSizeLimit: false } });
    const a2 = report({ file: 'Файл_2.zip', kind: 'sstu-archive', summary: { entries: 3, bytes: 10, damaged: 0, overSizeLimit: false } });
    const bad = step(evaluateChecklist(proc, [a1, a2bad]), 'download');
    expect(bad.done).toBe(false);
    expect(bad.auto?.reason).toContain('«Файл_2.zip»');
    const good = step(evaluateChecklist(proc, [a1, a2bad, a2]), 'download');
    expect(good.done).toBe(true);
    expect(good.auto?.reason).toBe('Скачано и проверено архивов: 2 (Файл_1.zip, Файл_2.zip), повреждений нет.');
  });

  it('tree status: every ЛКО uploaded ticks; otherwise the figures are the reason', () => {
    const proc = procedureById('sstu-tree-api')!;
    const partial = report({ file: 's.xls', kind: 'sstu-upload-status', verdict: 'error', summary: { totalLko: 5, succeeded: 3, notUploaded: 1, withErrors: 1, consistent: true } });
    const s = step(evaluateChecklist(proc, [partial]), 'send');
    expect(s.done).toBe(false);
    expect(s.auto?.reason).toBe('По файлу «s.xls»: успешно 3 из 5 ЛКО, не выгрузили 1, с ошибками 1.');
    const inconsistent = report({ file: 's.xls', kind: 'sstu-upload-status', verdict: 'error', summary: { totalLko: 5, succeeded: 5, notUploaded: 0, withErrors: 0, consistent: false } });
    expect(step(evaluateChecklist(proc, [inconsistent]), 'send').done).toBe(false);
  });

  it('transfer errors: rows in «Отчет с ошибками» keep the step open; an empty report ticks it', () => {
    const proc = procedureById('sstu-own-api')!;
    const errs = report({ file: 'Отчет с ошибками.xls', kind: 'sstu-error-report', verdict: 'error', summary: { rows: 3, connectionErrors: 1, rejected: 2, retryExpected: 1, retryNotExpected: 2 } });
    const open = step(evaluateChecklist(proc, [errs]), 'no-errors');
    expect(open.done).toBe(false);
    expect(open.auto?.reason).toContain('3 ошибки передачи');
    const none = report({ file: 'Отчет с ошибками.xls', kind: 'sstu-error-report', summary: { rows: 0, connectionErrors: 0, rejected: 0, retryExpected: 0, retryNotExpected: 0 } });
    expect(step(evaluateChecklist(proc, [errs, none]), 'no-errors').done).toBe(true);
  });

  it('unbound topics: the check ticks when the list was read; the fix ticks only when it is empty', () => {
    const proc = procedureById('sstu-own-manual')!;
    const list = report({ file: 'Перечень.xls', kind: 'sstu-unbound-topics', verdict: 'error', summary: { rows: 7, lko: 1, topics: 2 } });
    const v = evaluateChecklist(proc, [list]);
    expect(step(v, 'unbound-check').done).toBe(true);
    expect(step(v, 'unbound-fix').done).toBe(false);
    expect(step(v, 'unbound-fix').auto?.reason).toContain('2 тематики без привязки к УРОГ, 7 сообщений');
  });

  it('a throwing predicate never breaks the checklist', () => {
    const weird = { file: 'x', kind: 'sstu-upload-status', verdict: 'ok', summary: {}, findings: [], details: { lko: [{ get manualClosed() { throw new Error('boom'); } }] } } as unknown as CheckReport;
    const v = evaluateChecklist(procedureById('sstu-own-manual')!, [weird]);
    expect(step(v, 'close').auto).toBeNull();
  });
});

describe('progress', () => {
  const proc = procedureById('tor-knd-api')!;
  const now = new Date('2026-11-03T10:00:00Z');

  it('manual ticks count towards required steps; optional steps do not', () => {
    let progress = setMark({}, scopeKey(proc), 'cabinet', true, now);
    progress = setMark(progress, scopeKey(proc), 'network', true, now);
    progress = setMark(progress, scopeKey(proc), 'network', false, now);
    const v = evaluateChecklist(proc, [], progress[scopeKey(proc)]);
    expect(v.total).toBe(9);
    expect(v.done).toBe(1);
    expect(step(v, 'cabinet').manual).toBe(true);
    expect(progress['tor-knd-api'].network).toEqual({ done: false, at: '2026-11-03T10:00:00.000Z' });
    const reg = evaluateChecklist(procedureById('licensing-access-registered')!, []);
    expect(reg.total).toBe(1); // registry form and Приложение 1 are optional
  });

  it('monthly procedures keep progress per reporting month', () => {
    const sstu = procedureById('sstu-own-manual')!;
    expect(scopeKey(sstu, '2026-10')).toBe('sstu-own-manual@2026-10');
    expect(scopeKey(proc, '2026-10')).toBe('tor-knd-api');
    expect(reportingPeriod(new Date(2026, 10, 3))).toBe('2026-10');
    expect(reportingPeriod(new Date(2026, 0, 4))).toBe('2025-12');
    expect(periodTitle('2026-10')).toBe('октябрь 2026');
    expect(periodWindow('2025-12')).toEqual({ start: new Date(2025, 11, 1), end: new Date(2026, 1, 1) });
  });

  it('parses stored progress defensively and resets one scope', () => {
    const good = setMark(setMark({}, 'a', 's1', true, now), 'b', 's1', true, now);
    expect(parseProgress(JSON.parse(JSON.stringify(good)))).toEqual(good);
    expect(parseProgress({ a: { s1: { done: 'yes' } } })).toEqual({});
    expect(parseProgress(undefined)).toEqual({});
    expect(Object.keys(resetScope(good, 'a'))).toEqual(['b']);
  });
});

describe('checklistUrlFor', () => {
  it('links popup cards to a procedure or to the choice of variants', () => {
    expect(checklistUrlFor('renumbering')).toBe('/checklists.html?id=renumbering');
    expect(checklistUrlFor('sstu')).toBe('/checklists.html?process=sstu');
    expect(checklistUrlFor('licensing-access')).toBe('/checklists.html?process=licensing-access');
    expect(checklistUrlFor('tor-knd-api')).toBe('/checklists.html?id=tor-knd-api');
    expect(checklistUrlFor('sstu-tree-api')).toBe('/checklists.html?id=sstu-tree-api');
    expect(checklistUrlFor('egisso')).toBeNull();
  });
});
