/**
 * ЕЦП.МИС ЕГИССО module selectors, in one place. The module is an ExtJS application with generated ids and
 * classes, so everything is found by visible text (window and panel titles, column headers, field labels)
 * and ARIA roles, never by ids. Seen on (manual 4.3.1–4.3.5): «Журнал запросов в ЕГИССО», the window
 * «Детализация отправки пакета», «Добавление/Редактирование меры социальной защиты» (Срок действия,
 * Финансирование), «Добавление факта назначения МСЗ» (dates), «Сведения о лице» (СНИЛС),
 * «Добавление/Редактирование организации» (ИНН, КПП).
 * Tested against tests/fixtures/pages/ecp-mis-egisso-journal.html and ecp-mis-egisso-forms.html.
 */
import type { UploadRule } from '../../lib/upload/expected';

/**
 * What the module's file inputs expect: «Загрузить файл протокола обработки» (journal toolbar, manual 4.3.5)
 * takes the processing protocol ЕГИССО returned. Tested on ecp-mis-egisso-protocol-upload.html.
 */
export const ECP_MIS_UPLOAD_RULES: readonly UploadRule[] = [{ expect: 'egisso-protocol', context: /протокол[а-я]* обработки/i }];

export const TITLES = {
  journal: /журнал запросов в егиссо/i,
  detail: /детализация отправки пакета/i,
  measure: /(добавление|редактирование) меры социальной защиты/i,
  fact: /(добавление|редактирование) факта назначения мсз/i,
  person: /сведения о лице/i,
  organisation: /(добавление|редактирование) организации/i,
} as const;

export const LABELS = {
  measureStart: /^начало действия$/i,
  measureEnd: /^окончание действия$/i,
  decisionDate: /^дата принятия решения о назначении$/i,
  startDate: /^дата начала$/i,
  endDate: /^дата окончания$/i,
  snils: /^снилс$/i,
  inn: /^инн$/i,
  kpp: /^кпп$/i,
} as const;

/** «Финансирование» field labels, as on the form. */
export const FUNDING_LABELS = ['Внебюджетные фонды', 'Федеральный бюджет', 'Бюджет субъекта', 'Бюджет органов местного самоуправления'] as const;

/** A label matcher for the exact text (case-insensitive, ё = е). */
export function exactLabel(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[её]/gi, '[её]')}$`, 'i');
}

const TITLE_SELECTOR = '.x-title-text, .x-window-header-text, .x-panel-header-text, [role="heading"], h1, h2, h3, legend';
const CONTAINER_SELECTOR = '[role="dialog"], .x-window, .x-panel, section, main, form';

export function textOf(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Windows/panels whose title matches: the nearest dialog/panel around the title element. */
export function findTitled(root: ParentNode, title: RegExp): Element[] {
  const out: Element[] = [];
  for (const t of Array.from(root.querySelectorAll(TITLE_SELECTOR))) {
    if (!title.test(textOf(t))) continue;
    const box = t.closest(CONTAINER_SELECTOR);
    if (box && !out.includes(box)) out.push(box);
  }
  return out;
}

/** The rows of a grid as cell texts, header row first: ARIA grid (ExtJS) or a plain table. */
export function readGrid(grid: Element): string[][] {
  const rows: string[][] = [];
  const headers = Array.from(grid.querySelectorAll('[role="columnheader"]')).map(textOf);
  if (headers.length) rows.push(headers);
  const ariaRows = Array.from(grid.querySelectorAll('[role="row"]')).filter((r) => r.querySelector('[role="gridcell"]'));
  if (ariaRows.length) {
    for (const r of ariaRows) rows.push(Array.from(r.querySelectorAll('[role="gridcell"]')).map(textOf));
    return rows;
  }
  for (const tr of Array.from(grid.querySelectorAll('tr'))) {
    const cells = Array.from(tr.querySelectorAll('th, td')).map(textOf);
    if (cells.length) rows.push(cells);
  }
  return rows;
}

/** The grid inside a window or panel (ARIA grid, else the first table). */
export function gridIn(box: Element): Element | null {
  return box.querySelector('[role="grid"]') ?? box.querySelector('table');
}

export function detailGrids(root: ParentNode): Element[] {
  return findTitled(root, TITLES.detail).map(gridIn).filter((g): g is Element => g !== null);
}

export function journalGrids(root: ParentNode): Element[] {
  return findTitled(root, TITLES.journal)
    .filter((box) => !TITLES.detail.test(textOf(box.querySelector(TITLE_SELECTOR))))
    .map(gridIn)
    .filter((g): g is Element => g !== null);
}

/** A form field by its label text (trailing colon ignored): the label's `for` target, else the input beside it. */
export function findField(scope: ParentNode, label: RegExp): HTMLInputElement | null {
  for (const l of Array.from(scope.querySelectorAll('label, .x-form-item-label'))) {
    if (!label.test(textOf(l).replace(/:$/, '').trim())) continue;
    const id = l.getAttribute('for');
    const byId = id ? l.ownerDocument?.getElementById(id) : null;
    if (byId && (byId.tagName === 'INPUT' || byId.tagName === 'TEXTAREA')) return byId as HTMLInputElement;
    const item = l.closest('.x-form-item, .x-field, [role="group"], div');
    const input = item?.querySelector('input:not([type="hidden"]), textarea');
    if (input) return input as HTMLInputElement;
  }
  return null;
}

/** Which of the module's screens are on the page now (recognised by content). */
export function recognise(root: ParentNode): { journal: boolean; detail: boolean; measure: boolean; fact: boolean; person: boolean; organisation: boolean } {
  return {
    journal: journalGrids(root).length > 0,
    detail: detailGrids(root).length > 0,
    measure: findTitled(root, TITLES.measure).length > 0,
    fact: findTitled(root, TITLES.fact).length > 0,
    person: findTitled(root, TITLES.person).length > 0,
    organisation: findTitled(root, TITLES.organisation).length > 0,
  };
}
