// @vitest-environment happy-dom
/**
 * The popup's recent list as the first script and the Preact popup both paint it (components/dashboard/
 * recent-list.ts): text only, nodes kept by entry id (focus stays on a button whose line stays), lines gone
 * removed, and its buttons open our own pages only.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { paintRecent } from '../../../components/dashboard/recent-list';
import { openOnClick } from '../../../entrypoints/popup/open-page';
import type { RecentLine } from '../../../lib/dashboard/recent-line';

const line = (id: number, fileName: string, over: Partial<RecentLine> = {}): RecentLine => ({
  id,
  fileName,
  verdict: 'warn',
  meta: `ГИС ТОР КНД · 23.11.2026 12:0${id % 10}`,
  headline: `Заголовок ${id}`,
  next: `Что делать ${id}`,
  ...over,
});

const host = () => {
  const div = document.createElement('div');
  document.body.append(div);
  return div;
};
const names = (h: HTMLElement) => [...h.querySelectorAll('.recent-check .file-name')].map((e) => e.textContent);

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

describe('the popup recent list (plain DOM)', () => {
  it('paints every field as text, with its verdict, heading and the way to the journal', () => {
    const h = host();
    paintRecent(h, [line(2, '<img src=x onerror="alert(1)">Иванов И.И..json', { verdict: 'error' }), line(1, 'реестр.json', { verdict: 'running' })]);
    expect(h.querySelector('h2')?.textContent).toBe('Последние проверки');
    expect(h.querySelector('img')).toBeNull();
    expect(names(h)).toEqual(['<img src=x onerror="alert(1)">Иванов И.И..json', 'реестр.json']);
    const [first, second] = h.querySelectorAll<HTMLLIElement>('.recent-check');
    expect(first.getAttribute('data-verdict')).toBe('error');
    expect(first.querySelector('.verdict')?.textContent).toBe('Нужно действие');
    expect(first.querySelector('.meta')?.textContent).toBe('ГИС ТОР КНД · 23.11.2026 12:02');
    expect(first.querySelector('.headline')?.textContent).toBe('Заголовок 2');
    expect(first.querySelector('.next')?.textContent).toBe('Что делать 2');
    expect(first.querySelector('button')?.getAttribute('data-open')).toBe('/report.html?id=2');
    expect(second.querySelector('.verdict')?.textContent).toBe('Проверяется…');
    expect(h.querySelector('button.link')?.getAttribute('data-open')).toBe('/journal.html');
  });

  it('keeps each line\'s nodes by entry id: new lines come on top, gone lines go, focus stays', () => {
    const h = host();
    paintRecent(h, [line(2, 'b.json'), line(1, 'a.json')]);
    const kept = h.querySelector<HTMLLIElement>('[data-id="1"]')!;
    kept.querySelector('button')!.focus();
    expect(document.activeElement).toBe(kept.querySelector('button'));

    paintRecent(h, [line(3, 'c.json'), line(1, 'a.json', { verdict: 'error', headline: 'Теперь ошибка' })]);
    expect(names(h)).toEqual(['c.json', 'a.json']);
    expect(h.querySelector('[data-id="1"]')).toBe(kept);
    expect(kept.querySelector('.headline')?.textContent).toBe('Теперь ошибка');
    expect(kept.getAttribute('data-verdict')).toBe('error');
    expect(document.activeElement).toBe(kept.querySelector('button'));
    expect(h.querySelectorAll('h2')).toHaveLength(1);

    paintRecent(h, []);
    expect(names(h)).toEqual([]);
  });

  it('its buttons open our own pages in a tab and nothing else', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    vi.spyOn(window, 'close').mockImplementation(() => undefined);
    const h = host();
    openOnClick(document);
    paintRecent(h, [line(5, 'a.json')]);
    h.querySelector<HTMLButtonElement>('.recent-check button')!.click();
    expect(create).toHaveBeenCalledWith({ url: expect.stringMatching(/\/report\.html\?id=5$/) });
    const odd = document.createElement('button');
    odd.setAttribute('data-open', 'https://example.org/');
    document.body.append(odd);
    odd.click();
    expect(create).toHaveBeenCalledTimes(1);
  });
});
