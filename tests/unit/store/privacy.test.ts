import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownBlocks } from '../../../entrypoints/privacy/blocks';
import { DEFAULT_RETENTION_DAYS } from '../../../lib/settings';

const privacy = readFileSync(join(__dirname, '..', '..', '..', 'PRIVACY.md'), 'utf8');

describe('privacy page (PRIVACY.md)', () => {
  it('says what is stored, where, for how long, how to delete, and that nothing is sent', () => {
    const blocks = markdownBlocks(privacy);
    expect(blocks.filter((b) => b.type === 'h2').map((b) => (b as { text: string }).text)).toEqual([
      'Что хранится', 'Где', 'Что уходит из браузера', 'Как долго', 'Как удалить',
    ]);
    for (const fact of ['ФИО', 'СНИЛС', 'Только в этом браузере', `${DEFAULT_RETENTION_DAYS} дней`, '«Удалить все данные»', 'Ничего.']) expect(privacy).toContain(fact);
  });

  it('renders headings, paragraphs and lists as text blocks', () => {
    expect(markdownBlocks('# А\n\nстрока 1\nстрока 2\n\n- раз\n- два <b>\n')).toEqual([
      { type: 'h1', text: 'А' },
      { type: 'p', text: 'строка 1 строка 2' },
      { type: 'list', items: ['раз', 'два <b>'] },
    ]);
  });
});
