/**
 * The popup's «Последние проверки», painted with plain DOM calls and text nodes only: the popup's tiny first
 * script paints the stored lines with it before any framework loads, and the Preact popup (RecentList.tsx)
 * keeps painting the same section with it as the journal changes. The one place for the list's markup.
 * Lines keep their nodes by entry id, so an update never moves keyboard focus off a button that stays.
 * Buttons carry their page in `data-open` (popup/open-page.ts opens it).
 */
import type { RecentLine } from '../../lib/dashboard/recent-line';
import { RUNNING_LABEL, VERDICT_LABEL } from '../verdict-words';
import { el } from '../dom';

export const OPEN_ATTR = 'data-open';

const setText = (node: Element, text: string) => {
  if (node.textContent !== text) node.textContent = text;
};

/** What each line's nodes were last painted with. */
const painted = new WeakMap<Element, string>();

function newItem(line: RecentLine): HTMLLIElement {
  const li = el('li', { class: 'card recent-check', 'data-id': String(line.id) });
  const top = el('div', { class: 'row', style: 'justify-content: space-between' });
  top.append(el('strong', { class: 'file-name', style: 'word-break: break-all' }), el('span', {}));
  li.append(
    top,
    el('div', { class: 'muted meta' }),
    el('p', { class: 'headline', style: 'margin: 4px 0' }),
    el('p', { class: 'muted next', style: 'margin: 4px 0' }),
    el('button', { type: 'button', [OPEN_ATTR]: `/report.html?id=${line.id}` }, 'Открыть отчёт'),
  );
  return li;
}

function fill(li: HTMLLIElement, line: RecentLine): void {
  const key = JSON.stringify(line);
  if (painted.get(li) === key) return;
  painted.set(li, key);
  li.setAttribute('data-verdict', line.verdict);
  const [name, badge] = li.firstElementChild!.children;
  setText(name, line.fileName);
  badge.className = `verdict ${line.verdict}`;
  badge.setAttribute('data-verdict', line.verdict);
  setText(badge, line.verdict === 'running' ? RUNNING_LABEL : VERDICT_LABEL[line.verdict]);
  setText(li.querySelector('.meta')!, line.meta);
  setText(li.querySelector('.headline')!, line.headline);
  setText(li.querySelector('.next')!, line.next);
}

/** Fills `host` with the section (heading, the lines newest first, the way to the journal), or updates it. */
export function paintRecent(host: HTMLElement, lines: readonly RecentLine[]): void {
  let list = host.querySelector<HTMLUListElement>('ul.recent');
  if (!list) {
    list = el('ul', { class: 'recent', style: 'list-style: none; padding: 0; margin: 0' });
    const more = el('p', {});
    more.append(el('button', { type: 'button', class: 'link', [OPEN_ATTR]: '/journal.html' }, 'Все проверки — в журнале'));
    host.replaceChildren(el('h2', {}, 'Последние проверки'), list, more);
  }
  // lines gone first: a line that stays is then moved only when the order changed
  const wanted = new Set(lines.map((l) => String(l.id)));
  const items = new Map<string, HTMLLIElement>();
  for (const li of [...list.children] as HTMLLIElement[]) {
    const id = li.getAttribute('data-id')!;
    if (wanted.has(id)) items.set(id, li);
    else li.remove();
  }
  lines.forEach((line, i) => {
    const li = items.get(String(line.id)) ?? newItem(line);
    fill(li, line);
    const at = list.children[i];
    if (at !== li) list.insertBefore(li, at ?? null);
  });
}
