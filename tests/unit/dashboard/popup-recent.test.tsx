// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render } from '@testing-library/preact';
import { Popup } from '../../../entrypoints/popup/Popup';
import { CARDS_SLOT_ID, publishRecent } from '../../../entrypoints/popup/handoff';
import type { CheckEntry } from '../../../lib/journal/schema';

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

  it('an empty journal shows what to do, and a check arriving later replaces it', () => {
    const { container } = render(<Popup initial={null} />);
    expect(container.textContent).toContain('Проверок пока нет');
    act(() => publishRecent([entry(3, 'реестр.json')]));
    expect(container.textContent).not.toContain('Проверок пока нет');
    expect(names(container)).toEqual(['реестр.json']);
  });

  it('a check still running says so instead of showing a verdict, and turns into its verdict when done', () => {
    const running = { ...entry(4, 'выгрузка.zip'), status: 'running' as const };
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

  it('says how many times a file was seen in proper Russian', () => {
    const seen = (n: number) => ({ ...entry(5, 'отчёт.xls'), sightings: Array.from({ length: n }, () => entry(5, 'отчёт.xls').sightings[0]) });
    const { container } = render(<Popup initial={[seen(2)]} />);
    expect(container.textContent).toContain('видели 2 раза');
    act(() => publishRecent([seen(5)]));
    expect(container.textContent).toContain('видели 5 раз');
    expect(container.textContent).not.toContain('5 раза');
  });

  it('leaves what the second script put into the cards slot alone when the list changes', () => {
    const { container } = render(<Popup initial={[entry(1, 'первый.json')]} />);
    const slot = container.querySelector(`#${CARDS_SLOT_ID}`)!;
    const foreign = document.createElement('section');
    foreign.textContent = 'карточки';
    slot.append(foreign);
    act(() => publishRecent([entry(2, 'второй.xls'), entry(1, 'первый.json')]));
    expect(container.querySelector(`#${CARDS_SLOT_ID}`)).toBe(slot);
    expect(slot.textContent).toBe('карточки');
  });
});
