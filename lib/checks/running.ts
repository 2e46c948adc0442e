/** What a journal entry whose check has not finished says instead of a verdict's headline and next step. */
export const RUNNING_HEADLINE = 'Файл проверяется.';
export const RUNNING_NEXT = 'Подождите несколько секунд: итог появится здесь сам.';
