import { describe, expect, it } from 'vitest';
import { fileKey, UploadConfirmation, type ChosenFile } from '../../../lib/upload/confirm';

const file = (name: string, check: ChosenFile['check']): ChosenFile => ({ key: fileKey({ name, size: 10, lastModified: 1 }), name, check });
const error = (headline: string): ChosenFile['check'] => ({ state: 'done', verdict: 'error', headline });

describe('the question before the portal sends a file', () => {
  it('lets the button through when the file is fine, only worth a look, still being checked, or Сверка is off', () => {
    const c = new UploadConfirmation();
    for (const check of [{ state: 'done', verdict: 'ok', headline: 'ok' }, { state: 'done', verdict: 'warn', headline: 'w' }, { state: 'checking' }, { state: 'off' }] as const) {
      expect(c.onSubmit([file('a.json', check)])).toEqual({ action: 'pass' });
    }
    expect(c.onSubmit([])).toEqual({ action: 'pass' });
  });

  it('asks once about a file with an error, naming it and what is wrong in one line', () => {
    const c = new UploadConfirmation();
    const f = file('result.json', error('Это протокол обработки, а здесь ждут результат ЕРУЛ'));
    const d = c.onSubmit([f]);
    expect(d).toEqual({ action: 'ask', question: 'В файле «result.json» ошибка: Это протокол обработки, а здесь ждут результат ЕРУЛ', keys: [f.key] });
    // until answered, every press asks (the question is open)
    expect(c.onSubmit([f]).action).toBe('ask');
    c.answer([f.key], true);
    expect(c.wasAllowed(f.key)).toBe(true);
    expect(c.onSubmit([f])).toEqual({ action: 'pass' });
  });

  it('never asks a second time about the same file, also after «Отменить»', () => {
    const c = new UploadConfirmation();
    const f = file('bad.zip', error('Архив повреждён'));
    const d = c.onSubmit([f]);
    expect(d.action).toBe('ask');
    c.answer(d.action === 'ask' ? d.keys : [], false);
    expect(c.wasAllowed(f.key)).toBe(false);
    expect(c.onSubmit([f])).toEqual({ action: 'pass' });
    // the same name with other bytes (size/date) is another file: asked about
    expect(c.onSubmit([{ ...f, key: fileKey({ name: 'bad.zip', size: 11, lastModified: 1 }) }]).action).toBe('ask');
  });

  it('asks one question for several bad files of a multiple input, and only about those not answered yet', () => {
    const c = new UploadConfirmation();
    const a = file('a.json', error('ошибка A'));
    const b = file('b.json', error('ошибка B'));
    const ok = file('c.json', { state: 'done', verdict: 'ok', headline: '' });
    const d = c.onSubmit([a, ok, b]);
    expect(d).toEqual({ action: 'ask', question: 'В выбранных файлах ошибки. «a.json»: ошибка A «b.json»: ошибка B', keys: [a.key, b.key] });
    c.answer([a.key], true);
    const again = c.onSubmit([a, ok, b]);
    expect(again.action === 'ask' && again.keys).toEqual([b.key]);
  });
});
