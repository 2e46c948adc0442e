// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { read, utils } from '@e965/xlsx';
import { FormPage, type DraftStore } from '../../../components/forms/FormPage';
import type { AccessRequest, Appendix } from '../../../lib/forms/model';

afterEach(cleanup);

function memoryStore(initial: Partial<Record<Appendix, AccessRequest>> = {}) {
  const data = new Map<Appendix, AccessRequest>(Object.entries(initial).map(([k, v]) => [Number(k) as Appendix, v]));
  const store: DraftStore & { data: typeof data } = {
    data,
    load: async (a) => data.get(a) ?? null,
    save: async (r) => void data.set(r.appendix, structuredClone(r)),
    clear: async (a) => void data.delete(a),
  };
  return store;
}

function setup(store = memoryStore(), initialAppendix: Appendix = 2) {
  const download = vi.fn();
  const print = vi.fn();
  const copy = vi.fn(async () => undefined);
  render(
    <FormPage initialAppendix={initialAppendix} store={store} defaults={{ region: 'Костромская область' }} download={download} print={print} copy={copy} saveDelay={0} />,
  );
  return { store, download, print, copy };
}

const type = (label: RegExp | string, value: string, index = 0) => {
  const el = screen.getAllByLabelText(label)[index] as HTMLInputElement;
  fireEvent.input(el, { target: { value } });
  fireEvent.blur(el);
  return el;
};

async function fillValid() {
  await screen.findByLabelText('Наименование региона');
  type('Наименование организации (КНО)', 'Департамент природных ресурсов');
  type('ОГРН организации (КНО)', '1027739591010');
  type('Наименование услуги', 'Лицензирование заготовки лома');
  type('ФИО руководителя КНО', 'Иванов Иван Иванович');
  type('Должность руководителя КНО', 'Директор');
  type('ФИО', 'Петрова Анна Сергеевна', 0); // the exact label «ФИО»: [0] the user, [1] the signer
  type('Должность', 'Консультант');
  type('СНИЛС', '112-233-445 95');
  type('Номер мобильного телефона', '8 912 345 67 89');
  type('Адрес электронной почты', 'petrova@region.ru');
  for (const box of screen.getAllByRole('checkbox')) fireEvent.click(box);
  type('Наименование должности', 'Директор');
  type('ФИО', 'Иванов Иван Иванович', 1);
}

describe('FormPage', () => {
  it('prefills the region and shows a bad СНИЛС beside the field with aria-invalid/aria-describedby', async () => {
    setup();
    const region = (await screen.findByLabelText('Наименование региона')) as HTMLInputElement;
    expect(region.value).toBe('Костромская область');
    const snils = type('СНИЛС', '112-233-445 96');
    expect(snils.getAttribute('aria-invalid')).toBe('true');
    const described = snils.getAttribute('aria-describedby')!.split(' ');
    const msg = document.getElementById(described[described.length - 1])!;
    expect(msg.textContent).toBe('Контрольное число СНИЛС не сходится: в номере опечатка. Сверьте его с документом.');
    type('СНИЛС', '112-233-445 95');
    expect(snils.getAttribute('aria-invalid')).toBe('false');
    expect(msg.textContent).toBe('');
  });

  it('refuses XLSX while the form has errors, listing them; downloads the right cells once fixed', async () => {
    const { download } = setup();
    await fillValid();
    type('СНИЛС', '112-233-445 96');
    fireEvent.click(screen.getByRole('button', { name: 'Скачать XLSX' }));
    expect(download).not.toHaveBeenCalled();
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Пользователь 1, СНИЛС');

    type('СНИЛС', '11223344595');
    fireEvent.click(screen.getByRole('button', { name: 'Скачать XLSX' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(download).toHaveBeenCalledTimes(1);
    const [bytes, name] = download.mock.calls[0] as [Uint8Array, string];
    expect(name).toBe('Заявка_Приложение2_Костромская_область.xlsx');
    const wb = read(bytes, { type: 'array' });
    const users = utils.sheet_to_json<string[]>(wb.Sheets['Пользователи'], { header: 1, raw: false });
    expect(users[1].slice(1, 4)).toEqual(['Петрова Анна Сергеевна', 'Консультант', '112-233-445 95']);
    expect(users[1][4]).toBe('+79123456789');
    expect(screen.getByText('Файл «Заявка_Приложение2_Костромская_область.xlsx» скачан.')).toBeTruthy();
  });

  it('prints only a valid form and renders the appendix layout', async () => {
    const { print } = setup();
    await screen.findByLabelText('Наименование региона');
    fireEvent.click(screen.getByRole('button', { name: 'Распечатать заявку' }));
    expect(print).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toContain('Подтверждение 1');
    await fillValid();
    fireEvent.click(screen.getByRole('button', { name: 'Распечатать заявку' }));
    expect(print).toHaveBeenCalledTimes(1);
    const printed = document.querySelector('.print-only .appendix')!;
    expect(printed.textContent).toContain('Приложение 2');
    expect(printed.textContent).toContain('Форма предоставления списка пользователей:');
    expect(printed.textContent).toContain('+79123456789');
    expect(printed.querySelectorAll('.appendix-confirmations li')[0].textContent).toContain('☑');
  });

  it('offers the covering e-mail only once the form has no errors', async () => {
    setup();
    await screen.findByLabelText('Наименование региона');
    expect(screen.queryByRole('button', { name: 'Скопировать письмо' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Открыть в почтовой программе' })).toBeNull();
    expect(screen.getByTestId('mail-waits').textContent).toMatch(/не останется ошибок \(сейчас \d+ ошиб/);
    await fillValid();
    expect(screen.getByRole('button', { name: 'Скопировать письмо' })).toBeTruthy();
    expect(screen.queryByTestId('mail-waits')).toBeNull();
  });

  it('builds the covering e-mail with mailto and copy', async () => {
    const { copy } = setup();
    await fillValid();
    const link = screen.getByRole('link', { name: 'Открыть в почтовой программе' }) as HTMLAnchorElement;
    expect(link.getAttribute('href')).toMatch(/^mailto:kndsupport@voskhod\.ru\?subject=/);
    expect(document.querySelector('.mail-subject')!.textContent).toBe(
      'Заявка на предоставление доступа к подсистеме Лицензирование (Приложение №2) — Костромская область',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Скопировать письмо' }));
    await waitFor(() => expect(copy).toHaveBeenCalledTimes(1));
    expect((copy.mock.calls[0] as unknown as [string])[0]).toMatch(/^Кому: kndsupport@voskhod\.ru\nТема: Заявка/);
    await screen.findByText('Письмо скопировано: вставьте его в почтовую программу.');
  });

  it('saves drafts, restores them, and keeps one draft per appendix', async () => {
    const store = memoryStore();
    setup(store);
    await screen.findByLabelText('Наименование региона');
    type('СНИЛС', '112-233-445 95');
    await waitFor(() => expect(store.data.get(2)?.users[0].snils).toBe('112-233-445 95'));

    fireEvent.click(screen.getByLabelText(/Приложение 1/));
    await waitFor(() => expect(screen.queryByLabelText('СНИЛС')).toBeNull());
    type('Наименование организации (КНО)', 'КНО для стандартов');
    await waitFor(() => expect(store.data.get(1)?.organisations[0].name).toBe('КНО для стандартов'));

    fireEvent.click(screen.getByLabelText(/Приложение 2/));
    const snils = (await screen.findByLabelText('СНИЛС')) as HTMLInputElement;
    expect(snils.value).toBe('112-233-445 95');
    expect(screen.getByText('Открыт сохранённый черновик.')).toBeTruthy();
  });
});
