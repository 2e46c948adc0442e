import { describe, expect, it } from 'vitest';
import { checkEmail, checkFio, checkMobilePhone, checkText, formatPhone } from '../../../lib/forms/fields';
import { checkOgrn } from '../../../lib/ids/ogrn';
import { checkSnils } from '../../../lib/ids/snils';

const value = (r: { ok: boolean; value?: string }) => (r.ok ? r.value : null);
const reason = (r: { ok: true; value: string } | { ok: false; reason: string }) => (r.ok ? null : r.reason);

describe('checkMobilePhone', () => {
  it.each([
    ['+7 (912) 345-67-89', '+79123456789'],
    ['8 912 345 67 89', '+79123456789'],
    ['89123456789', '+79123456789'],
    ['79123456789', '+79123456789'],
    ['9123456789', '+79123456789'],
    [' +7-999-000-11-22 ', '+79990001122'],
    ['8(903)1234567', '+79031234567'],
  ])('normalises %s to %s', (input, expected) => {
    expect(value(checkMobilePhone(input))).toBe(expected);
  });

  it.each([
    ['', 'не указан'],
    ['+7 912 345-67-8', 'должно быть 10 цифр, а указано 9'],
    ['+7 912 345-67-890', 'указано 11'],
    ['+375 29 123-45-67', 'российский номер'],
    ['8 (4942) 31-22-11', 'не номер мобильного'],
    ['+7 495 123-45-67', 'не номер мобильного'],
    ['+7 912 ЗЗ5-67-89', 'лишние знаки'],
    ['912345', 'указано 6'],
  ])('rejects %j with a reason (%s)', (input, part) => {
    expect(reason(checkMobilePhone(input))).toContain(part);
  });

  it('formats a normalised number for print', () => {
    expect(formatPhone('+79123456789')).toBe('+7 912 345-67-89');
    expect(formatPhone('garbage')).toBe('garbage');
  });
});

describe('checkEmail', () => {
  it.each([
    ['ivanov@region.ru', 'ivanov@region.ru'],
    ['  Ivan.Ivanov@Adm.Kostroma.RU ', 'Ivan.Ivanov@adm.kostroma.ru'],
    ['kndsupport@voskhod.ru', 'kndsupport@voskhod.ru'],
    ['user+tag@mail.xn--p1ai', 'user+tag@mail.xn--p1ai'],
    ['info@минздрав.рф', 'info@минздрав.рф'],
    ['o_k-1@sub-domain.example.com', 'o_k-1@sub-domain.example.com'],
  ])('accepts %s', (input, expected) => {
    expect(value(checkEmail(input))).toBe(expected);
  });

  it.each([
    ['', 'не указан'],
    ['ivanov region.ru', 'пробел'],
    ['ivanov.region.ru', 'нет знака @'],
    ['a@b@region.ru', 'больше одного'],
    ['@region.ru', 'нет имени'],
    ['ivanov@', 'нет домена'],
    ['ivanov@region,ru', 'запятая'],
    ['.ivanov@region.ru', 'Имя до знака @'],
    ['iva..nov@region.ru', 'Имя до знака @'],
    ['иванов@region.ru', 'Имя до знака @'],
    ['ivanov@localhost', 'домен с точкой'],
    ['ivanov@region.r', 'Домен после знака @'],
    ['ivanov@-region.ru', 'Домен после знака @'],
    ['ivanov@region.123', 'Домен после знака @'],
  ])('rejects %j (%s)', (input, part) => {
    expect(reason(checkEmail(input))).toContain(part);
  });
});

describe('checkFio', () => {
  it.each([
    ['Иванов Иван Иванович', 'Иванов Иван Иванович'],
    ['  Петрова   Анна  ', 'Петрова Анна'],
    ['Салтыков-Щедрин Михаил Евграфович', 'Салтыков-Щедрин Михаил Евграфович'],
    ['Ёлкин Семён Петрович', 'Ёлкин Семён Петрович'],
    ['Smith John', 'Smith John'],
  ])('accepts %s', (input, expected) => {
    expect(value(checkFio(input))).toBe(expected);
  });

  it.each([
    ['', 'не указаны'],
    ['Иванов', 'не только фамилию'],
    ['Иванов И. И.', 'только буквы'],
    ['Иванов И И', 'без инициалов'],
    ['Иванов 2 Иван', 'цифры'],
    ['Иванов_Иван', 'только буквы'],
  ])('rejects %j (%s)', (input, part) => {
    expect(reason(checkFio(input))).toContain(part);
  });
});

describe('checkText', () => {
  it('trims and collapses spaces', () => {
    expect(value(checkText('  Костромская   область ', 'Регион'))).toBe('Костромская область');
  });
  it('names the field in the reason', () => {
    expect(reason(checkText('  ', 'Наименование услуги'))).toBe('Наименование услуги: поле не заполнено.');
    expect(reason(checkText('12345', 'Должность'))).toContain('словами');
    expect(reason(checkText('а', 'Должность'))).toContain('слишком коротко');
  });
});

// The form relies on lib/ids for the official checksums: real-format numbers, valid and with one digit changed.
describe('ОГРН and СНИЛС as the form uses them', () => {
  it('ОГРН of an organisation: 13 digits with the check digit', () => {
    expect(value(checkOgrn('1027739591010', 13))).toBe('1027739591010'); // ОГРН from seed 004's example letter
    expect(value(checkOgrn('1037700013020', 13))).toBe('1037700013020');
    expect(reason(checkOgrn('1027739591011', 13))).toContain('Контрольная цифра');
    expect(reason(checkOgrn('102773959101', 13))).toContain('13 цифр');
    expect(reason(checkOgrn('304500116000157', 13))).toContain('ОГРН организации состоит из 13 цифр');
  });
  it('СНИЛС: 11 digits with the check number', () => {
    expect(value(checkSnils('112-233-445 95'))).toBe('11223344595');
    expect(value(checkSnils('087-654-303 00'))).toBe('08765430300');
    expect(reason(checkSnils('112-233-445 96'))).toContain('Контрольное число');
    expect(reason(checkSnils('112-233-445'))).toContain('11 цифр');
  });
});
