/**
 * Reading a portal page around a file input or a drop area: the words that say what the input is for
 * (nearest first), the part of the page its upload button lives in, and whether a clicked button sends.
 * DOM only; what the words mean is each portal's selectors file (rules) and lib/upload (pure).
 */

const CONTAINER = 'form, dialog, [role="dialog"], [role="alertdialog"], .modal, .x-window, .x-panel, fieldset, section, article, main, mat-dialog-container, mat-card';
const TITLE = 'h1, h2, h3, h4, h5, legend, [role="heading"], .x-title-text, .x-window-header-text, .x-panel-header-text, .modal-title, .mat-dialog-title, mat-card-title, caption';
const SCOPE = 'form, dialog, [role="dialog"], [role="alertdialog"], .modal, .x-window, mat-dialog-container';

function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();
}

function labelledBy(el: Element): string {
  const ids = el.getAttribute('aria-labelledby');
  if (!ids) return '';
  return ids.split(/\s+/).map((id) => text(el.ownerDocument.getElementById(id))).join(' ');
}

/** The words that name an input or a drop area, nearest first: own label, then the titles of what encloses it. */
export function uploadContexts(el: Element): string[] {
  const out: string[] = [];
  const push = (t: string | null | undefined) => {
    const v = (t ?? '').replace(/\s+/g, ' ').trim();
    if (v && v.length < 300 && !out.includes(v)) out.push(v);
  };
  push(el.getAttribute('aria-label'));
  push(labelledBy(el));
  push(el.getAttribute('title'));
  if (el instanceof HTMLInputElement) for (const l of Array.from(el.labels ?? [])) push(text(l));
  for (let c = el.parentElement?.closest(CONTAINER); c; c = c.parentElement?.closest(CONTAINER)) {
    push(c.getAttribute('aria-label'));
    push(labelledBy(c));
    for (const t of Array.from(c.querySelectorAll(TITLE)).slice(0, 3)) if (!t.contains(el)) push(text(t));
    if (c.matches(SCOPE)) for (const b of buttonsIn(c).slice(0, 6)) push(text(b) || (b as HTMLInputElement).value);
  }
  push(el.ownerDocument.title);
  return out;
}

const BUTTON = 'button, [role="button"], input[type="submit"], input[type="button"], a.x-btn';

function buttonsIn(root: Element): Element[] {
  return Array.from(root.querySelectorAll(BUTTON));
}

/** The part of the page whose buttons send what this input holds: its form or dialog, else a few levels up. */
export function uploadScope(el: Element): Element {
  const scoped = el.closest(SCOPE);
  if (scoped) return scoped;
  let c: Element = el;
  for (let i = 0; i < 4 && c.parentElement && c.parentElement !== el.ownerDocument.body; i++) {
    c = c.parentElement;
    if (buttonsIn(c).some(isSendButton)) return c;
  }
  return c;
}

const SENDS = /загрузить|загрузка|отправить|импорт|запустить|выполнить|сохранить|создать|начать|подтвердить|upload|submit|send|import/i;
const NOT_SENDS = /выбрать|выберите|обзор|отмен|закрыть|удалить|очистить|назад|скачать|browse|cancel|close/i;

/** A button that sends the form: submit buttons, or buttons whose words say they upload/send/start. */
export function isSendButton(b: Element): boolean {
  if (b instanceof HTMLInputElement && b.type === 'file') return false;
  const words = text(b) || (b as HTMLInputElement).value || b.getAttribute('aria-label') || '';
  if (NOT_SENDS.test(words)) return false;
  if ((b instanceof HTMLButtonElement || b instanceof HTMLInputElement) && b.type === 'submit' && b.form) return true;
  return SENDS.test(words);
}

/** The button a click landed on, if any. */
export function clickedButton(target: EventTarget | null): Element | null {
  return target instanceof Element ? target.closest(BUTTON) : null;
}

/** Where a verdict about an input goes: after the input, or after its nearest visible wrapper when it is hidden. */
export function badgeAnchor(el: Element): Element {
  let a: Element = el instanceof HTMLInputElement ? (el.closest('label') ?? el) : el;
  for (let i = 0; i < 4 && a.getClientRects().length === 0 && a.parentElement && a.parentElement !== el.ownerDocument.body; i++) a = a.parentElement;
  return a;
}
