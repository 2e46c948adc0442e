// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render } from '@testing-library/preact';
import { Popup } from '../../../entrypoints/popup/Popup';
import { onTogglePeriod, publishCards, publishRecent } from '../../../entrypoints/popup/handoff';
import type { CheckEntry } from '../../../lib/journal/schema';
import { summarizeDashboard } from '../../../lib/dashboard/summary';
import { recentLine } from '../../../lib/dashboard/recent-line';

afterEach(cleanup);

function entry(id: number, fileName: string): CheckEntry {
  const at = Date.UTC(2026, 10, 23, 9, id);
  return {
    id,
    sha256: String(id).padStart(64, '0'),
    fileName,
    size: 100,
    portal: 'tor-knd',
    kind: 'unknown',
    verdict: 'warn',
    status: 'done',
    firstSeenAt: at,
    lastSeenAt: at,
    sightings: [{ at, fileName, portal: 'tor-knd', via: 'download' }],
    report: { file: fileName, kind: 'unknown', verdict: 'warn', summary: {}, findings: [] },
    searchTerms: [fileName],
  };
}

const names = (c: Element) => [...c.querySelectorAll('.recent-check .file-name')].map((e) => e.textContent);

describe('popup: the first script and the live list from the second', () => {
  it('renders the first read, then takes the live list published by the cards script', () => {
    const { container } = render(<Popup initial={[entry(1, 'первый.json')]} />);
    expect(names(container)).toEqual(['первый.json']);
    act(() => publishRecent([entry(2, 'второй.xls'), entry(1, 'первый.json')]));
    expect(names(container)).toEqual(['второй.xls', 'первый.json']);
  });

  it('shows the stored lines until the journal is read, then what the journal holds in their place', () => {
    const gone = { ...recentLine(entry(9, 'удалённый.json'), Date.now()) };
    const kept = recentLine(entry(1, 'первый.json'), Date.now());
    const { container } = render(<Popup stored={[gone, kept]} />);
    expect(names(container)).toEqual(['удалённый.json', 'первый.json']);
    expect(container.textContent).not.toContain('Проверок пока нет');
    act(() => publishRecent([entry(2, 'второй.xls'), entry(1, 'первый.json')]));
    expect(names(container)).toEqual(['второй.xls', 'первый.json']);
    // the journal's lines are worded as the worker words the stored ones
    expect(container.querySelector('[data-id="1"] .meta')?.textContent).toBe(kept.meta);
    // purged meanwhile: none of the stored lines stays
    act(() => publishRecent([]));
    expect(names(container)).toEqual([]);
    expect(container.textContent).toContain('Проверок пока нет');
  });

  it('an empty journal shows what to do, and a check arriving later replaces it', () => {
    const { container } = render(<Popup initial={null} />);
    expect(container.textContent).toContain('Проверок пока нет');
    act(() => publishRecent([entry(3, 'реестр.json')]));
    expect(container.textContent).not.toContain('Проверок пока нет');
    expect(names(container)).toEqual(['реестр.json']);
  });

  it('a check still running says so instead of showing a verdict, and turns into its verdict when done', () => {
    // its runner beat a moment ago (lib/journal/heartbeat.ts)
    const running = { ...entry(4, 'выгрузка.zip'), status: 'running' as const, heartbeatAt: Date.now() };
    const { container } = render(<Popup initial={[running]} />);
    const item = container.querySelector('.recent-check')!;
    expect(item.getAttribute('data-verdict')).toBe('running');
    expect(item.textContent).toContain('Проверяется…');
    expect(item.textContent).toContain('Файл проверяется.');
    expect(item.textContent).not.toContain('Посмотрите');
    act(() => publishRecent([{ ...running, status: 'done', verdict: 'error', report: { ...running.report, verdict: 'error' } }]));
    expect(container.querySelector('.recent-check')!.getAttribute('data-verdict')).toBe('error');
    expect(container.textContent).toContain('Нужно действие');
  });

  it('a running check whose heartbeat stopped long ago reads «Проверка прервалась» at once', () => {
    const cut = { ...entry(6, 'большой.json'), status: 'running' as const, heartbeatAt: Date.now() - 10 * 60 * 1000 };
    const { container } = render(<Popup initial={[cut]} />);
    const item = container.querySelector('.recent-check')!;
    expect(item.getAttribute('data-verdict')).toBe('error');
    expect(item.textContent).toContain('Проверка прервалась');
    expect(item.textContent).toContain('«Проверить файлы»');
  });

  it('says how many times a file was seen in proper Russian', () => {
    const seen = (n: number) => ({ ...entry(5, 'отчёт.xls'), sightings: Array.from({ length: n }, () => entry(5, 'отчёт.xls').sightings[0]) });
    const { container } = render(<Popup initial={[seen(2)]} />);
    expect(container.textContent).toContain('видели 2 раза');
    act(() => publishRecent([seen(5)]));
    expect(container.textContent).toContain('видели 5 раз');
    expect(container.textContent).not.toContain('5 раза');
  });

  it('shows the stored summary\'s cards before the list is read, then the cards counted from the journal', () => {
    const { container } = render(<Popup />);
    expect(container.querySelector('[data-card]')).toBeNull();
    expect(container.textContent).not.toContain('Проверок пока нет');
    const summary = summarizeDashboard([], [], { closedPeriods: [], userHosts: [] }, Date.UTC(2026, 10, 23, 9));
    act(() => publishCards({ cards: summary.cards, from: 'summary', storageLow: false }));
    expect([...container.querySelectorAll('[data-card]')].map((c) => c.getAttribute('data-card'))).toEqual(['renumbering', 'sstu', 'egisso']);
    expect(names(container)).toEqual([]);
    act(() => publishRecent([entry(1, 'первый.json')]));
    expect(names(container)).toEqual(['первый.json']);
    expect(container.querySelectorAll('[data-card]')).toHaveLength(3);

    // counted from the journal: the ССТУ.РФ period is closed now
    const counted = summarizeDashboard([], [], { closedPeriods: ['2026-11'], userHosts: [] }, Date.UTC(2026, 10, 23, 9));
    act(() => publishCards({ cards: counted.cards, from: 'journal', storageLow: true }));
    expect(container.querySelector('[data-card="sstu"]')!.getAttribute('data-tone')).toBe('ok');
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('Место для журнала');
    // a late stored summary never replaces what was counted
    act(() => publishCards({ cards: summary.cards, from: 'summary', storageLow: false }));
    expect(container.querySelector('[data-card="sstu"]')!.getAttribute('data-tone')).toBe('ok');
  });

  it('without a stored summary the cards wait for the count; an empty journal shows no cards', () => {
    const { container } = render(<Popup initial={[entry(1, 'первый.json')]} />);
    expect(container.querySelector('.cards-loading')?.textContent).toBe('Загрузка сводки…');
    const summary = summarizeDashboard([], [], { closedPeriods: [], userHosts: [] }, Date.UTC(2026, 10, 23, 9));
    act(() => publishCards({ cards: summary.cards, from: 'journal', storageLow: false }));
    expect(container.querySelector('.cards-loading')).toBeNull();
    expect(container.querySelectorAll('[data-card]')).toHaveLength(3);
    // purged while open: the note, not the cards
    act(() => publishRecent([]));
    expect(container.querySelector('[data-card]')).toBeNull();
    expect(container.textContent).toContain('Проверок пока нет');
  });

  it('«mark the period closed» on a card goes to the second script, which holds the settings', () => {
    const asked: unknown[] = [];
    const stop = onTogglePeriod((a) => asked.push(a));
    const { container } = render(<Popup initial={[entry(1, 'первый.json')]} />);
    const summary = summarizeDashboard([], [], { closedPeriods: [], userHosts: [] }, new Date(2026, 10, 23, 12).getTime());
    act(() => publishCards({ cards: summary.cards, from: 'summary', storageLow: false }));
    const button = [...container.querySelectorAll<HTMLButtonElement>('[data-card="sstu"] button')].find((b) => b.textContent === 'Отметить период закрытым')!;
    act(() => button.click());
    stop();
    expect(asked).toEqual([{ type: 'toggle-period', period: '2026-11', closed: true, label: 'Отметить период закрытым' }]);
  });
});
