// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useEffect, useState } from 'preact/hooks';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { ChecklistPage, type ProgressStore } from '../../../components/checklists/ChecklistPage';
import { CheckReportSchema, type CheckReport } from '../../../lib/checks/report';
import type { ChecklistProgress, Procedure } from '../../../lib/checklists';

/** The page's report hook over a plain async loader (the extension passes a live journal query instead). */
function hookOf(load: (p: Procedure, period: string | undefined) => Promise<CheckReport[]>) {
  return function useReports(p: Procedure, period: string | undefined) {
    const [r, setR] = useState<CheckReport[] | null>(null);
    useEffect(() => void load(p, period).then(setR), [p.id, period]);
    return r;
  };
}

afterEach(cleanup);

function memoryStore(initial: ChecklistProgress = {}): ProgressStore & { data: ChecklistProgress } {
  const s = {
    data: initial,
    load: async () => s.data,
    save: async (p: ChecklistProgress) => {
      s.data = p;
    },
  };
  return s;
}

const erul = CheckReportSchema.parse({
  file: 'result.json',
  kind: 'erul-renumbering-result',
  verdict: 'ok',
  summary: { total: 3, renumbered: 2, alreadyInErul: 1, failed: 0, pairingProblems: 0 },
  findings: [],
});

const stepItem = (id: string) => document.querySelector(`[data-step="${id}"]`) as HTMLElement;

describe('ChecklistPage', () => {
  it('shows an auto-ticked step as ticked with the reason, and saves manual ticks', async () => {
    const store = memoryStore();
    const loadReports = vi.fn(async (): Promise<CheckReport[]> => [erul]);
    render(<ChecklistPage params={new URLSearchParams('id=renumbering')} store={store} useReports={hookOf(loadReports)} />);
    await screen.findByRole('heading', { name: 'Массовое переприсвоение номеров лицензий в ЕРУЛ' });
    await waitFor(() => expect(stepItem('s8-check').dataset.auto).toBe('done'));

    const auto = screen.getByLabelText('Проверить файл на наличие ошибок') as HTMLInputElement;
    expect(auto.checked).toBe(true);
    expect(auto.disabled).toBe(true);
    const reason = document.getElementById(auto.getAttribute('aria-describedby')!.split(' ')[0])!;
    expect(reason.textContent).toBe(
      'Отмечено автоматически: Файл результата ЕРУЛ «result.json» проверен расширением: 3 записи, переприсвоено 2, уже в ЕРУЛ 1, ошибок 0, ошибок пар 0.',
    );

    const first = screen.getByLabelText('Зайти в модуль «Кабинет администратора КНО»') as HTMLInputElement;
    expect(first.checked).toBe(false);
    fireEvent.click(first);
    await waitFor(() => expect(store.data.renumbering?.s1?.done).toBe(true));
    expect((screen.getByLabelText('Зайти в модуль «Кабинет администратора КНО»') as HTMLInputElement).checked).toBe(true);
    // s8 (file received) + s8-check (auto) + s1 (manual) of 16 required steps
    expect(screen.getByText('Выполнено 3 из 16 обязательных шагов')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Сбросить мои отметки' }));
    await waitFor(() => expect(store.data.renumbering).toBeUndefined());
    expect(screen.getByText('Выполнено 2 из 16 обязательных шагов')).toBeTruthy();
  });

  it('keeps monthly progress per reporting month and asks for that month’s files', async () => {
    const store = memoryStore({ 'sstu-own-manual@2026-10': { id: { done: true, at: '2026-11-02T08:00:00.000Z' } } });
    const loadReports = vi.fn(async () => [] as CheckReport[]);
    render(
      <ChecklistPage params={new URLSearchParams('id=sstu-own-manual')} store={store} useReports={hookOf(loadReports)} now={() => new Date(2026, 10, 3)} />,
    );
    const month = (await screen.findByLabelText('Отчетный месяц')) as HTMLInputElement;
    expect(month.value).toBe('2026-10');
    await waitFor(() => expect(loadReports).toHaveBeenCalledWith(expect.objectContaining({ id: 'sstu-own-manual' }), '2026-10'));
    expect((screen.getByLabelText(/Заполнен «Идентификатор органа/i) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Закрыть отчетный период') as HTMLInputElement).checked).toBe(false);

    fireEvent.change(month, { target: { value: '2026-09' } });
    await waitFor(() => expect(loadReports).toHaveBeenCalledWith(expect.anything(), '2026-09'));
    expect((screen.getByLabelText(/Заполнен «Идентификатор органа/i) as HTMLInputElement).checked).toBe(false);
  });

  it('offers the variants of a process and links steps to the form page', async () => {
    render(<ChecklistPage params={new URLSearchParams('process=licensing-access')} store={memoryStore()} useReports={hookOf(async () => [])} />);
    expect(screen.getByRole('heading', { name: 'Доступ к подсистеме Лицензирование ГИС ТОР КНД' })).toBeTruthy();
    const links = screen.getAllByRole('link').map((a) => a.getAttribute('href'));
    expect(links).toEqual(['?id=licensing-access-registered', '?id=licensing-access-only', '?id=licensing-access-new', '?']);
    cleanup();

    render(<ChecklistPage params={new URLSearchParams('id=licensing-access-only')} store={memoryStore()} useReports={hookOf(async () => [])} />);
    const form = await screen.findByRole('link', { name: 'Заполнить заявку (Приложение 2)' });
    expect(form.getAttribute('href')).toBe('/forms.html?appendix=2');
  });

  it('says so when the id is unknown', () => {
    render(<ChecklistPage params={new URLSearchParams('id=nope')} store={memoryStore()} useReports={hookOf(async () => [])} />);
    expect(screen.getByRole('heading', { name: 'Порядок действий не найден' })).toBeTruthy();
  });
});
