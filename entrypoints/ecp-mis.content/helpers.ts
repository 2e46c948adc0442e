/**
 * The ЕЦП.МИС ЕГИССО helpers, one pass over the page: read what is on screen (selectors.ts), compute with
 * lib/egisso (pure), show hints and the summary panel (components/egisso/inpage). Called again, debounced,
 * whenever the single-page application re-renders; a failing helper never breaks the others.
 */
import { parseDetailTable, parseJournalTable } from '../../lib/egisso/ecp-tables';
import { screenHints, type FieldHint, type HintField, type ScreenValues } from '../../lib/egisso/page-hints';
import { plural } from '../../lib/plural';
import type { EgissoPanelModel, HintView, PanelSection } from '../../components/egisso/inpage';
import { FUNDING_LABELS, LABELS, TITLES, detailGrids, exactLabel, findField, findTitled, journalGrids, readGrid } from './selectors';

export interface EgissoUi {
  showFieldHint(anchor: Element, hint: HintView | null): void;
  showPanel(model: EgissoPanelModel | null): void;
}

/** The field container the hint goes after (ExtJS form item), else the input itself. */
function anchorOf(input: HTMLInputElement): Element {
  return input.closest('.x-form-item, .x-field') ?? input;
}

interface ScreenRead {
  values: ScreenValues;
  anchors: Partial<Record<HintField, Element>>;
}

/** Field values of the forms on screen and where their hints go. */
export function readScreen(root: ParentNode): ScreenRead {
  const values: ScreenValues = {};
  const anchors: Partial<Record<HintField, Element>> = {};
  const take = (scope: ParentNode, label: RegExp, key: Exclude<keyof ScreenValues, 'funding'>, hint?: HintField) => {
    const input = findField(scope, label);
    if (!input) return;
    values[key] = input.value;
    if (hint) anchors[hint] = anchorOf(input);
  };
  for (const box of findTitled(root, TITLES.measure)) {
    take(box, LABELS.measureStart, 'measureStart');
    take(box, LABELS.measureEnd, 'measureEnd');
    const funding: Record<string, string> = {};
    let last: HTMLInputElement | null = null;
    for (const label of FUNDING_LABELS) {
      const input = findField(box, exactLabel(label));
      if (!input) continue;
      funding[label] = input.value;
      last = input;
    }
    if (last) {
      values.funding = funding;
      anchors.funding = anchorOf(last);
    }
  }
  for (const box of findTitled(root, TITLES.fact)) {
    take(box, LABELS.decisionDate, 'decisionDate', 'decisionDate');
    take(box, LABELS.startDate, 'startDate', 'startDate');
    take(box, LABELS.endDate, 'endDate', 'endDate');
  }
  for (const box of findTitled(root, TITLES.person)) take(box, LABELS.snils, 'snils', 'snils');
  for (const box of findTitled(root, TITLES.organisation)) {
    take(box, LABELS.inn, 'inn', 'inn');
    take(box, LABELS.kpp, 'kpp', 'kpp');
  }
  return { values, anchors };
}

/** Summary of «Детализация отправки пакета» windows and the request journal, or null when neither is open. */
export function pagePanel(root: ParentNode): EgissoPanelModel | null {
  const sections: PanelSection[] = [];
  for (const grid of detailGrids(root)) {
    const t = parseDetailTable(readGrid(grid));
    if (!t || t.rows.length === 0) continue;
    sections.push({
      heading: `Детализация отправки пакета: ${t.rows.length} ${plural(t.rows.length, 'ошибка', 'ошибки', 'ошибок')} в ${t.records} ${plural(t.records, 'записи', 'записях', 'записях')}`,
      items: t.byCode.map((g) => ({
        text: `Код ${g.code || '—'} — ${g.count} (записи ${g.records.join(', ')}): ${g.title}`,
        fix: g.fix,
      })),
    });
  }
  for (const grid of journalGrids(root)) {
    const t = parseJournalTable(readGrid(grid));
    if (!t) continue;
    sections.push({
      heading: t.rejected.length
        ? `Журнал запросов: ${plural(t.rejected.length, 'отклонён', 'отклонены', 'отклонено')} ${t.rejected.length} ${plural(t.rejected.length, 'пакет', 'пакета', 'пакетов')} из ${t.rows.length}. Откройте детализацию пакета, чтобы увидеть коды ошибок.`
        : `Журнал запросов: отклонённых пакетов нет (${t.rows.length} ${plural(t.rows.length, 'запрос', 'запроса', 'запросов')}).`,
      items: t.rejected.map((r) => ({ text: `${r.created} — ${r.packageType}: ${r.info}` })),
    });
  }
  return sections.length ? { title: 'ЕГИССО', sections } : null;
}

/** One pass: hints beside the fields and the summary panel. Each part is isolated from the others' failures. */
export function runEgissoHelpers(root: ParentNode, ui: EgissoUi, shown: Map<Element, true> = new Map()): void {
  try {
    const { values, anchors } = readScreen(root);
    const hints = screenHints(values);
    const byField = new Map<HintField, FieldHint[]>();
    for (const h of hints) byField.set(h.field, [...(byField.get(h.field) ?? []), h]);
    const now = new Set<Element>();
    for (const [field, anchor] of Object.entries(anchors) as [HintField, Element][]) {
      const list = byField.get(field) ?? [];
      const bad = list.filter((h) => !h.ok);
      // good news is shown only for identifiers; dates and shares stay quiet when right
      const view = bad.length ? { ok: false, message: bad.map((h) => h.message).join(' ') } : list.length && field !== 'funding' && !field.endsWith('Date') ? { ok: true, message: list[0].message } : null;
      ui.showFieldHint(anchor, view);
      if (view) now.add(anchor);
    }
    for (const a of shown.keys()) if (!now.has(a)) ui.showFieldHint(a, null);
    shown.clear();
    for (const a of now) shown.set(a, true);
  } catch {
    // hints are a convenience: never break the page
  }
  try {
    ui.showPanel(pagePanel(root));
  } catch {
    // same for the panel
  }
}
