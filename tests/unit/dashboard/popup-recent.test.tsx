// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render } from '@testing-library/preact';
import { Popup } from '../../../entrypoints/popup/Popup';
import { CARDS_SLOT_ID, publishRecent } from '../../../entrypoints/popup/recent-event';
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
