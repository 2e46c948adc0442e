import { describe, expect, it } from 'vitest';
import { parseDetailTable, parseJournalTable } from '../../../lib/egisso/ecp-tables';

// rows as on the seed's «Детализация отправки пакета» screen
const DETAIL = [
  ['Детализация отправки пакета', '', ''],
  ['Номер записи', 'Комментарии', 'Код ошибки'],
  ['58379', 'Дата начала действия назначения 01-02-2019 не входит в период действия локальной МСЗ', '019'],
  ['', 'Дата решения о назначении 01-02-2019 не входит в период действия локальной МСЗ', '019'],
  ['', 'Форма предоставления факта назначения МСЗ не совпадает с формой предоставления ЛМСЗ.', '026'],
  ['', 'Дата окончания действия назначения 28-02-2019 не входит в период действия локальной МСЗ', '019'],
  ['58978', 'Форма предоставления факта назначения МСЗ не совпадает с формой предоставления ЛМСЗ.', '026'],
  ['', 'Дата окончания действия назначения 28-02-2019 не входит в период действия локальной МСЗ', '019'],
  ['', 'Дата начала действия назначения 01-02-2019 не входит в период действия локальной МСЗ', '019'],
  ['', 'Дата решения о назначении 01-02-2019 не входит в период действия локальной МСЗ', '019'],
];

describe('«Детализация отправки пакета»', () => {
  it('carries the record number down to the rows below the group\'s first row', () => {
    const t = parseDetailTable(DETAIL)!;
    expect(t.rows.map((r) => r.record)).toEqual(['58379', '58379', '58379', '58379', '58978', '58978', '58978', '58978']);
    expect(t.records).toBe(2);
  });
  it('summarises by code with the catalogue explanation', () => {
    const t = parseDetailTable(DETAIL)!;
    expect(t.byCode.map((g) => [g.code, g.count, g.records])).toEqual([
      ['019', 6, ['58379', '58978']],
      ['026', 2, ['58379', '58978']],
    ]);
    expect(t.byCode[0].known).toBe(true);
    expect(t.byCode[0].fix).toMatch(/срок/);
  });
  it('finds headers cut by the grid («Код оши…») and returns null when absent', () => {
    const t = parseDetailTable([['Номер записи', 'Комментар…', 'Код оши…'], ['1', 'x', '99']]);
    expect(t?.rows).toEqual([{ record: '1', comment: 'x', code: '099' }]);
    expect(t?.byCode[0].known).toBe(false);
    expect(parseDetailTable([['a', 'b']])).toBeNull();
  });
});

describe('«Журнал запросов в ЕГИССО»', () => {
  const JOURNAL = [
    ['Дата создания', 'Тип пакета', 'Количество запи...', 'Статус', 'Информация'],
    ['21.06.2019 10:30:30', 'Реестр локальных мер со...', '1', 'Завершена обработка ответа ...', 'Пакет отклонен. Ошибка: Бизнес-да...'],
    ['03.06.2019 10:50:05', 'Реестр локальных мер со...', '1', 'Завершена обработка ответа ...', 'Пакет поставлен в очередь СМЭВ и ...'],
    ['28.05.2019 17:04:00', 'Запрос обновлений КМСЗ', '', 'Завершена обработка ответа ...', ''],
  ];
  it('counts and lists rejected packages with dates', () => {
    const t = parseJournalTable(JOURNAL)!;
    expect(t.rows).toHaveLength(3);
    expect(t.rejected.map((r) => r.created)).toEqual(['21.06.2019 10:30:30']);
    expect(t.rows[2].records).toBeNull();
    expect(t.rows[0].records).toBe(1);
  });
});
