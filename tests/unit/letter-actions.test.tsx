// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/preact';
import { LetterActions, unfilledPlaceholders } from '../../components/LetterActions';

afterEach(cleanup);

describe('support letter actions', () => {
  it('finds the placeholders a letter still waits for', () => {
    expect(unfilledPlaceholders('Контактное лицо: [ФИО, телефон, e-mail]\nЛицензии: Л041 [1]')).toEqual(['[ФИО, телефон, e-mail]']);
    expect(unfilledPlaceholders('Контактное лицо: Петрова А. А., +7 912 345-67-89')).toEqual([]);
  });

  it('warns before copy or open when the contact is not filled, and not otherwise', () => {
    const { getByTestId, getByRole, unmount } = render(<LetterActions body={'Текст\nКонтактное лицо: [ФИО, телефон, e-mail]'} mailto="mailto:a@b.ru" />);
    const warning = getByTestId('letter-unfilled');
    expect(warning.getAttribute('role')).toBe('alert');
    expect(warning.textContent).toContain('В письме не заполнено: [ФИО, телефон, e-mail]');
    expect(getByRole('button', { name: 'Скопировать текст' }).getAttribute('aria-describedby')).toBe('letter-unfilled');
    unmount();
    const filled = render(<LetterActions body={'Текст\nКонтактное лицо: Петрова'} mailto="mailto:a@b.ru" />);
    expect(filled.queryByTestId('letter-unfilled')).toBeNull();
  });
});
