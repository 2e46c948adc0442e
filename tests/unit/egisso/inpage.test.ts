// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detailGrids, findField, journalGrids, readGrid, recognise, LABELS } from '../../../entrypoints/ecp-mis.content/selectors';
import { pagePanel, readScreen, runEgissoHelpers, type EgissoUi } from '../../../entrypoints/ecp-mis.content/helpers';
import { parseDetailTable, parseJournalTable } from '../../../lib/egisso/ecp-tables';
import { screenHints } from '../../../lib/egisso/page-hints';
import { showFieldHint } from '../../../components/egisso/inpage';
import type { EgissoPanelModel, HintView } from '../../../components/egisso/inpage';

const PAGES = join(__dirname, '..', '..', 'fixtures', 'pages');

function load(name: string): void {
  const html = readFileSync(join(PAGES, name), 'utf8');
  document.documentElement.innerHTML = html.replace(/^<!doctype html>\s*<html[^>]*>/i, '').replace(/<\/html>\s*$/i, '');
}

function fakeUi() {
  const hints = new Map<Element, HintView | null>();
  const panels: (EgissoPanelModel | null)[] = [];
  const ui: EgissoUi = {
    showFieldHint: (a, h) => void hints.set(a, h),
    showPanel: (m) => void panels.push(m),
  };
  return { ui, hints, panels };
}

describe('ЕЦП.МИС «Журнал запросов в ЕГИССО» and «Детализация отправки пакета»', () => {
  beforeEach(() => load('ecp-mis-egisso-journal.html'));

  it('recognises the screens by content', () => {
    expect(recognise(document)).toEqual({ journal: true, detail: true, measure: false, fact: false, person: false, organisation: false });
  });

  it('reads the detail grid and carries the record number down', () => {
    const grids = detailGrids(document);
    expect(grids).toHaveLength(1);
    const t = parseDetailTable(readGrid(grids[0]))!;
    expect(t.rows).toHaveLength(8);
    expect(t.rows.map((r) => r.record)).toEqual(['58379', '58379', '58379', '58379', '58978', '58978', '58978', '58978']);
    expect(t.byCode.map((g) => [g.code, g.count])).toEqual([['019', 6], ['026', 2]]);
  });

  it('reads the journal: rejected packages counted with dates; the detail grid is not taken for the journal', () => {
    const grids = journalGrids(document);
    expect(grids).toHaveLength(1);
    const t = parseJournalTable(readGrid(grids[0]))!;
    expect(t.rows).toHaveLength(5);
    expect(t.rejected.map((r) => r.created)).toEqual(['21.06.2019 10:30:30', '21.06.2019 09:49:08', '30.05.2019 05:33:07']);
  });

  it('the panel: summary by code with explanations, rejected packages listed', () => {
    const m = pagePanel(document)!;
    expect(m.sections[0].heading).toBe('Детализация отправки пакета: 8 ошибок в 2 записях');
    expect(m.sections[0].items[0].text).toMatch(/^Код 019 — 6 \(записи 58379, 58978\): Дата решения/);
    expect(m.sections[0].items[0].fix).toMatch(/Начало действия/);
    expect(m.sections[1].heading).toMatch(/^Журнал запросов: отклонены 3 пакета из 5/);
    expect(m.sections[1].items[0].text).toContain('21.06.2019 10:30:30');
  });

  it('nothing to say on an unrelated page', () => {
    document.body.innerHTML = '<h1>Расписание</h1><table><tr><td>1</td></tr></table>';
    expect(pagePanel(document)).toBeNull();
    expect(recognise(document).journal).toBe(false);
  });
});

describe('ЕЦП.МИС form hints', () => {
  beforeEach(() => load('ecp-mis-egisso-forms.html'));

  it('finds fields by their labels, not by ids', () => {
    expect(findField(document, LABELS.snils)?.value).toBe('112-233-445 96');
    expect(findField(document, LABELS.measureStart)?.value).toBe('01.03.2019');
    expect(recognise(document)).toMatchObject({ measure: true, fact: true, person: true, organisation: true });
  });

  it('reads the values on screen', () => {
    const { values, anchors } = readScreen(document);
    expect(values).toEqual({
      measureStart: '01.03.2019',
      measureEnd: '31.12.2019',
      funding: { 'Внебюджетные фонды': '', 'Федеральный бюджет': '40', 'Бюджет субъекта': '50', 'Бюджет органов местного самоуправления': '' },
      decisionDate: '01.02.2019',
      startDate: '01.02.2019',
      endDate: '28.02.2019',
      snils: '112-233-445 96',
      inn: '5907015979',
      kpp: '59070100',
    });
    expect(Object.keys(anchors).sort()).toEqual(['decisionDate', 'endDate', 'funding', 'inn', 'kpp', 'snils', 'startDate']);
  });

  it('hints: shares 90 ≠ 100, three dates outside the period (019), СНИЛС/ИНН checksum, КПП shape', () => {
    const hints = screenHints(readScreen(document).values);
    const by = (f: string) => hints.filter((h) => h.field === f);
    expect(by('funding')[0]).toMatchObject({ ok: false });
    expect(by('funding')[0].message).toMatch(/не хватает 10/);
    expect(by('decisionDate')[0].message).toMatch(/019/);
    expect(by('startDate')[0].message).toMatch(/01\.02\.2019 не входит в период действия локальной МСЗ \(01\.03\.2019 — 31\.12\.2019\)/);
    expect(by('endDate')[0].message).toMatch(/28\.02\.2019/);
    expect(by('snils')[0]).toMatchObject({ ok: false });
    expect(by('inn')[0]).toMatchObject({ ok: false });
    expect(by('kpp')[0].message).toMatch(/9 знаков/);
  });

  it('runs end to end: hints beside each field, updated when the official fixes a value', () => {
    const { ui, hints } = fakeUi();
    const shown = new Map<Element, true>();
    runEgissoHelpers(document, ui, shown);
    const snilsItem = findField(document, LABELS.snils)!.closest('.x-form-item')!;
    expect(hints.get(snilsItem)).toMatchObject({ ok: false });
    findField(document, LABELS.snils)!.value = '112-233-445 95';
    (findField(document, /^бюджет субъекта$/i) as HTMLInputElement).value = '60';
    runEgissoHelpers(document, ui, shown);
    expect(hints.get(snilsItem)).toEqual({ ok: true, message: 'СНИЛС записан верно.' });
    const fundingAnchor = findField(document, /^бюджет органов местного самоуправления$/i)!.closest('.x-form-item')!;
    expect(hints.get(fundingAnchor)).toBeNull();
  });

  it('real DOM hints: inserted once after the field, removed when not needed', () => {
    const item = findField(document, LABELS.inn)!.closest('.x-form-item')!;
    showFieldHint(item, { ok: false, message: 'Контрольная цифра ИНН не сходится' });
    showFieldHint(item, { ok: false, message: 'Контрольная цифра ИНН не сходится' });
    expect(document.querySelectorAll('sverka-hint')).toHaveLength(1);
    expect(item.nextElementSibling?.tagName).toBe('SVERKA-HINT');
    showFieldHint(item, null);
    expect(document.querySelectorAll('sverka-hint')).toHaveLength(0);
  });
});
