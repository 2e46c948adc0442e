import { describe, expect, it } from 'vitest';
import { posSupportLetter, MAILTO_SAFE_LENGTH } from '../../../lib/letters/pos-support';
import { cardPeriod, parsePeriod, sstuDeadline } from '../../../lib/sstu/deadline';
import { readStatusSummary } from '../../../lib/sstu/status';
import { parseNumber, parsePercent, tableRows } from '../../../lib/sstu/table';
import { findHeader } from '../../../lib/formats/sheet';
import { UNBOUND_COLUMNS } from '../../../lib/sstu/columns';

// The instruction's own example (seed 004, п. 7): ОГРН 1027739591010 / ИНН 7707034952 — valid checksums.
const MCHS = { name: 'МИНИСТЕРСТВО РОССИЙСКОЙ ФЕДЕРАЦИИ ПО ДЕЛАМ ГРАЖДАНСКОЙ ОБОРОНЫ, ЧРЕЗВЫЧАЙНЫМ СИТУАЦИЯМ И ЛИКВИДАЦИИ ПОСЛЕДСТВИЙ СТИХИЙНЫХ БЕДСТВИЙ', inn: '7707034952', ogrn: '1027739591010' };

describe('letter to the ПОС operator support', () => {
  it('reproduces the instruction example: four numbered items, to sd@sc.digital.gov.ru', () => {
    const l = posSupportLetter({ profile: MCHS, topics: [{ category: 'Тест', subcategory: 'Тестовая подкатегория 1', fact: 'Тестовый факт 1' }] });
    expect(l.to).toBe('sd@sc.digital.gov.ru');
    expect(l.problems).toEqual([]);
    expect(l.body).toBe(
      [
        `1) ${MCHS.name}.`,
        '2) ОГРН 1027739591010 / ИНН 7707034952.',
        '3) ПОС. Модуль сообщения.',
        '4) Отсутствует привязка факта «Тестовый факт 1» подкатегории «Тестовая подкатегория 1» к классификатору УРОГ.',
      ].join('\n'),
    );
    expect(l.mailto.startsWith('mailto:sd@sc.digital.gov.ru?subject=')).toBe(true);
    expect(decodeURIComponent(l.mailto.split('&body=')[1])).toBe(l.body.replace(/\n/g, '\r\n'));
    expect(l.subject).toContain('ПОС. Модуль сообщения');
  });

  it('one line per distinct topic; the subcategory alone when there is no fact', () => {
    const l = posSupportLetter({
      profile: { name: 'Администрация городского округа Котельники', inn: '7707034952' },
      topics: [
        { category: 'Дороги', subcategory: 'Ремонт дорог', fact: 'Ямы на дороге' },
        { category: 'Дороги', subcategory: 'ремонт  дорог', fact: 'Ямы на дороге' },
        { category: 'ЖКХ', subcategory: 'Отопление', fact: '' },
      ],
    });
    const item4 = l.body.split('\n').slice(3);
    expect(item4).toEqual([
      '4) Отсутствует привязка факта «Ямы на дороге» подкатегории «Ремонт дорог» к классификатору УРОГ.',
      'Отсутствует привязка подкатегории «Отопление» к классификатору УРОГ.',
    ]);
    expect(l.body.split('\n')[1]).toBe('2) ИНН 7707034952.');
  });

  it('checksums: a wrong ИНН or ОГРН is left out and named in problems; none at all is a problem too', () => {
    const bad = posSupportLetter({ profile: { name: 'Орган', inn: '7707034953', ogrn: '1027739591010' }, description: 'Ошибки передачи' });
    expect(bad.body.split('\n')[1]).toBe('2) ОГРН 1027739591010.');
    expect(bad.problems.join(' ')).toContain('ИНН «7707034953»');
    const none = posSupportLetter({ profile: { name: '' }, description: 'x' });
    expect(none.body.split('\n')[0]).toBe('1) <наименование органа или организации>.');
    expect(none.body.split('\n')[1]).toBe('2) <ИНН и/или ОГРН>.');
    expect(none.problems).toHaveLength(2);
  });

  it('transfer errors become the description; an over-long letter warns about mailto', () => {
    const l = posSupportLetter({
      profile: MCHS,
      transferErrors: { connectionErrors: 2, connectionNoRetry: 1, rejections: [{ text: 'Неверный идентификатор органа', messages: 1, steps: ['2'] }], numbers: ['20000001'] },
    });
    expect(l.body).toContain('ошибки связи');
    expect(l.body).toContain('ССТУ.РФ отказал в приёме сообщений (1) (шаг 2): «Неверный идентификатор органа».');
    expect(l.problems).toEqual([]);
    const many = Array.from({ length: 120 }, (_, i) => ({ category: 'К', subcategory: `Подкатегория ${i}`, fact: `Факт ${i}` }));
    const long = posSupportLetter({ profile: MCHS, topics: many });
    expect(long.mailto.length).toBeGreaterThan(MAILTO_SAFE_LENGTH);
    expect(long.problems.join(' ')).toContain('Скопируйте');
    expect(long.body.split('\n')).toHaveLength(3 + 120);
  });
});

describe('deadline: data for a month go to ССТУ.РФ from the 1st to the 5th of the next month', () => {
  const nov = { year: 2023, month: 11 };
  it.each([
    ['2023-11-20', 'collecting', 0, 11],
    ['2023-12-01', 'open', 5, 0],
    ['2023-12-03', 'open', 3, 0],
    ['2023-12-05', 'open', 1, 0],
  ] as const)('%s → %s, %i days left', (day, state, left, untilStart) => {
    const d = sstuDeadline(nov, new Date(`${day}T12:00:00`));
    expect([d.state, d.daysLeft, d.daysUntilStart]).toEqual([state, left, untilStart]);
    expect(d.title).toBe('ССТУ.РФ за ноябрь 2023');
    expect([d.windowStart, d.windowEnd]).toEqual(['2023-12-01', '2023-12-05']);
  });

  it('overdue after the 5th unless closed; the year turns over for December', () => {
    const late = sstuDeadline(nov, new Date('2023-12-08T09:00:00'));
    expect([late.state, late.daysOverdue]).toEqual(['overdue', 3]);
    expect(late.text).toContain('истёк 5 декабря');
    expect(sstuDeadline(nov, new Date('2023-12-08T09:00:00'), true).state).toBe('closed');
    const dec = sstuDeadline({ year: 2023, month: 12 }, new Date('2024-01-05T23:00:00'));
    expect([dec.windowEnd, dec.state, dec.daysLeft]).toEqual(['2024-01-05', 'open', 1]);
    expect(dec.text).toContain('последний день');
  });

  it('the card period: previous month within the window or while not closed, else the current month', () => {
    expect(cardPeriod(new Date('2023-12-04T10:00:00'))).toEqual({ year: 2023, month: 11 });
    expect(cardPeriod(new Date('2023-12-20T10:00:00'))).toEqual({ year: 2023, month: 11 });
    expect(cardPeriod(new Date('2023-12-20T10:00:00'), () => true)).toEqual({ year: 2023, month: 12 });
    expect(cardPeriod(new Date('2024-01-02T10:00:00'))).toEqual({ year: 2023, month: 12 });
  });

  it('parsePeriod reads the forms ПОС writes', () => {
    expect(parsePeriod('Отчетный период: ноябрь 2023')).toEqual({ year: 2023, month: 11 });
    expect(parsePeriod('Май, 2022')).toEqual({ year: 2022, month: 5 });
    expect(parsePeriod('март 2024')).toEqual({ year: 2024, month: 3 });
    expect(parsePeriod('за 11.2023')).toEqual({ year: 2023, month: 11 });
    expect(parsePeriod('2023-02')).toEqual({ year: 2023, month: 2 });
    expect(parsePeriod('без даты')).toBeNull();
  });
});

describe('status summary rows in their layouts', () => {
  const sheet = (rows: string[][]) => ({ name: 'S', rows });
  it('label + count cell + percent cell; label with the figure inside; labels over values', () => {
    expect(readStatusSummary(sheet([['Всего ЛКО', '5'], ['Успешно осуществили выгрузку', '3', '60%'], ['«Не осуществили выгрузку»', '', '2', '40 %'], ['Осуществили выгрузку с ошибками', '0']]))).toMatchObject({
      totalLko: { value: 5 },
      succeeded: { value: 3, percent: 60 },
      notUploaded: { value: 2, percent: 40 },
      withErrors: { value: 0 },
    });
    expect(readStatusSummary(sheet([['Всего ЛКО: 1 234'], ['Успешно осуществили выгрузку: 3 (60%)']]))).toMatchObject({
      totalLko: { value: 1234 },
      succeeded: { value: 3, percent: 60 },
    });
    expect(
      readStatusSummary(sheet([['Всего ЛКО', 'Успешно осуществили выгрузку', 'Не осуществили выгрузку', 'Осуществили выгрузку с ошибками'], ['4', '1', '2', '1']])),
    ).toMatchObject({ totalLko: { value: 4 }, succeeded: { value: 1 }, notUploaded: { value: 2 }, withErrors: { value: 1 } });
  });

  it('numbers and percentages as the portal writes them', () => {
    expect([parseNumber('1 234'), parseNumber('12,5'), parseNumber('60%'), parseNumber('-'), parseNumber('abc')]).toEqual([1234, 12.5, 60, null, null]);
    expect([parsePercent('0.6'), parsePercent('60 %'), parsePercent('100')]).toEqual([60, 60, 100]);
  });

  it('total rows and repeated header rows are not data', () => {
    const rows = [
      ['Идентификатор ЛКО', 'Категория обращения', 'Подкатегория обращения'],
      ['1', 'А', 'Б'],
      ['', '', ''],
      ['Идентификатор ЛКО', 'Категория обращения', 'Подкатегория обращения'],
      ['2', 'В', 'Г'],
      ['Итого: 2', '', ''],
    ];
    const h = findHeader(rows, UNBOUND_COLUMNS)!;
    expect(tableRows({ name: 'S', rows }, h).map((r) => r.cells.lkoId)).toEqual(['1', '2']);
  });
});
