import { describe, expect, it } from 'vitest';
import { checkFundingShares, checkAssignmentDates, parseDay, parseShare } from '../../../lib/egisso/forms';
import { RULE_CODES, explainRuleCode, normaliseRuleCode } from '../../../lib/egisso/rule-codes';

describe('rule-code catalogue', () => {
  it('has the publicly seen codes, each with an explanation and a fix', () => {
    expect(Object.keys(RULE_CODES).sort()).toEqual(['001', '002', '003', '004', '005', '006', '007', '008', '014', '015', '016', '018', '019', '022', '026', '039', '051', '059', '066']);
    for (const info of Object.values(RULE_CODES)) {
      expect(info.title.length).toBeGreaterThan(20);
      expect(info.fix.length).toBeGreaterThan(20);
    }
  });
  it('normalises codes and explains known ones', () => {
    expect(normaliseRuleCode(' 19 ')).toBe('019');
    expect(explainRuleCode('19')).toMatchObject({ known: true, title: RULE_CODES['019'].title });
  });
  it('unknown codes keep ЕГИССО\'s report text', () => {
    const e = explainRuleCode('777', 'Поле X заполнено неверно');
    expect(e.known).toBe(false);
    expect(e.title).toBe('ЕГИССО сообщает: «Поле X заполнено неверно».');
    expect(e.fix).toMatch(/нет в справочнике расширения/);
    expect(explainRuleCode('778').title).toBe('ЕГИССО не дало пояснения.');
  });
});

describe('funding shares («Финансирование»)', () => {
  it('accepts shares that sum to 100, with comma decimals and empty fields', () => {
    const r = checkFundingShares({ 'Федеральный бюджет': '33,5', 'Бюджет субъекта': '66.5', 'Внебюджетные фонды': '', 'Бюджет органов местного самоуправления': null });
    expect(r).toEqual({ ok: true, problems: [], sum: 100 });
  });
  it('says how much is missing or extra', () => {
    const low = checkFundingShares({ 'Федеральный бюджет': '40', 'Бюджет субъекта': '50' });
    expect(low.ok).toBe(false);
    expect(low.sum).toBe(90);
    expect(low.problems[0].message).toMatch(/не хватает 10/);
    const high = checkFundingShares({ 'Федеральный бюджет': 60, 'Бюджет субъекта': 50.5 });
    expect(high.problems[0].message).toMatch(/лишние 10,5/);
  });
  it('no float drift: 0.1 steps that sum to 100 are fine', () => {
    expect(checkFundingShares({ a: '33,3', b: '33,3', c: '33,4' }).ok).toBe(true);
  });
  it('rejects non-numbers, negatives and shares over 100, and an all-empty block', () => {
    expect(checkFundingShares({ 'Бюджет субъекта': 'сто' }).problems[0].message).toMatch(/должно быть число/);
    expect(checkFundingShares({ a: '-10', b: '110' }).problems.map((p) => p.field)).toEqual(['a', 'b']);
    expect(checkFundingShares({ a: '', b: ' ' }).problems[0].message).toMatch(/не заполнены/);
    expect(parseShare('100 %')).toBe(100);
  });
});

describe('assignment dates inside the local measure period (rule 019)', () => {
  const period = { start: '01.03.2019', end: '31.12.2019' };
  it('parses the date forms in use', () => {
    expect(parseDay('01-02-2019')).toEqual({ y: 2019, m: 2, d: 1 });
    expect(parseDay('2020-05-28+03:00')).toEqual({ y: 2020, m: 5, d: 28 });
    expect(parseDay('31.02.2019')).toBeNull();
    expect(parseDay('29.02.2020')).toEqual({ y: 2020, m: 2, d: 29 });
  });
  it('flags, like ЕГИССО, each date outside the period (the seed\'s 019 rows)', () => {
    const r = checkAssignmentDates({ decisionDate: '01.02.2019', startDate: '01.02.2019', endDate: '28.02.2019' }, period);
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.rule)).toEqual(['019', '019', '019']);
    expect(r.problems[0].message).toMatch(/^Дата решения о назначении 01\.02\.2019 не входит в период действия локальной МСЗ \(01\.03\.2019 — 31\.12\.2019\)/);
  });
  it('bounds are inside; an open-ended measure has no upper bound; missing fields are not checked', () => {
    expect(checkAssignmentDates({ decisionDate: '01.03.2019', startDate: '01.03.2019', endDate: '31.12.2019' }, period).ok).toBe(true);
    expect(checkAssignmentDates({ startDate: '01.03.2030' }, { start: '01.03.2019', end: '' }).ok).toBe(true);
    expect(checkAssignmentDates({ startDate: '01.01.2019' }, { start: '', end: '' }).ok).toBe(true);
  });
  it('an end before the start and a non-date are said', () => {
    const r = checkAssignmentDates({ startDate: '01.06.2019', endDate: '01.05.2019' }, period);
    expect(r.problems.map((p) => p.message)).toEqual([expect.stringMatching(/раньше даты начала/)]);
    expect(checkAssignmentDates({ startDate: '32.01.2019' }, period).problems[0].message).toMatch(/это не дата/);
  });
});
