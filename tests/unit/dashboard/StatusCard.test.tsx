// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { StatusCard } from '../../../components/dashboard/StatusCard';
import type { CardAction, CardModel } from '../../../lib/dashboard';

afterEach(cleanup);

const model: CardModel = {
  id: 'egisso',
  title: 'ЕГИССО',
  tone: 'error',
  state: 'Отклонены 2 записи в 1 пакете — исправьте и отправьте заново.',
  counts: [
    { key: 'packages', label: 'пакет проверен', value: 1 },
    { key: 'rejected', label: 'записей отклонено', value: 2, tone: 'error' },
  ],
  lines: ['Пакет <b>p-1</b>: принято 3 из 5, отклонено 2 записи.'],
  next: 'Сверьте даты.',
  actions: [
    { type: 'report', entryId: 7, label: 'Открыть отчёт' },
    { type: 'url', url: 'https://egisso.ru/', label: 'Открыть ЕГИССО' },
  ],
};

describe('StatusCard', () => {
  it('shows state, counts, lines and the next step as text, and its buttons do the actions', () => {
    const done: CardAction[] = [];
    const { container, getByRole } = render(<StatusCard card={model} onAction={(a) => done.push(a)} />);
    const section = container.querySelector('[data-card="egisso"]')!;
    expect(section.getAttribute('data-tone')).toBe('error');
    expect(section.querySelector('[data-count="rejected"] dd')!.textContent).toBe('2');
    expect(section.querySelector('[data-count="rejected"]')!.className).toBe('count-error');
    // file contents are never HTML
    expect(section.querySelector('b')).toBeNull();
    expect(section.textContent).toContain('Пакет <b>p-1</b>');
    expect(section.textContent).toContain('Что делать: Сверьте даты.');
    fireEvent.click(getByRole('button', { name: 'Открыть ЕГИССО' }));
    fireEvent.click(getByRole('button', { name: 'Открыть отчёт' }));
    expect(done.map((a) => a.type)).toEqual(['url', 'report']);
    expect(getByRole('button', { name: 'Открыть отчёт' }).className).toBe('primary');
  });
});
