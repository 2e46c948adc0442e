import { describe, expect, it } from 'vitest';
import { read, utils } from '@e965/xlsx';
import {
  coveringEmail,
  emptyRequest,
  parseRequest,
  requestFileName,
  requestXlsx,
  validateField,
  validateRequest,
  type AccessRequest,
} from '../../../lib/forms';

function filled(appendix: 1 | 2): AccessRequest {
  return {
    appendix,
    region: 'Костромская область',
    organisations: [
      {
        name: 'Департамент лесного хозяйства Костромской области',
        ogrn: '1027739591010',
        service: 'Лицензирование заготовки, хранения, переработки и реализации лома черных металлов, цветных металлов',
        headName: 'Иванов Иван Иванович',
        headPosition: 'Директор департамента',
      },
    ],
    users:
      appendix === 2
        ? [
            { name: 'Петрова Анна Сергеевна', position: 'Консультант', snils: '112-233-445 95', phone: '8 (912) 345-67-89', email: 'Petrova@Region.RU' },
            { name: 'Сидоров Пётр Ильич', position: 'Главный специалист', snils: '08765430300', phone: '+7 903 123 45 67', email: 'sidorov@region.ru' },
          ]
        : [],
    confirmations: [true, true, true],
    signer: { position: 'Директор департамента', name: 'Иванов Иван Иванович' },
  };
}

describe('validateRequest', () => {
  it('accepts a correctly filled Приложение 2 and normalises every value', () => {
    const v = validateRequest(filled(2));
    expect(v.issues).toEqual([]);
    expect(v.ok).toBe(true);
    expect(v.normalised.users[0]).toEqual({
      name: 'Петрова Анна Сергеевна',
      position: 'Консультант',
      snils: '112-233-445 95',
      phone: '+79123456789',
      email: 'Petrova@region.ru',
    });
    expect(v.normalised.users[1].snils).toBe('087-654-303 00');
    expect(v.normalised.users[1].phone).toBe('+79031234567');
  });

  it('puts the reason of a bad СНИЛС beside that field, with where it is', () => {
    const req = filled(2);
    req.users[1].snils = '087-654-303 01';
    const v = validateRequest(req);
    expect(v.ok).toBe(false);
    expect(v.issues).toHaveLength(1);
    expect(v.issues[0].path).toBe('user.1.snils');
    expect(v.issues[0].where).toBe('Пользователь 2, СНИЛС');
    expect(v.byPath['user.1.snils']).toContain('Контрольное число СНИЛС не сходится');
  });

  it('reports a bad ОГРН, phone and e-mail at their paths', () => {
    const req = filled(2);
    req.organisations[0].ogrn = '1027739591011';
    req.users[0].phone = '+7 495 123-45-67';
    req.users[0].email = 'petrova@region,ru';
    const v = validateRequest(req);
    expect(Object.keys(v.byPath).sort()).toEqual(['org.0.ogrn', 'user.0.email', 'user.0.phone']);
    expect(v.byPath['org.0.ogrn']).toContain('Контрольная цифра ОГРН');
    expect(v.byPath['user.0.phone']).toContain('не номер мобильного');
    expect(v.byPath['user.0.email']).toContain('запятая');
    // invalid values are kept as typed, so the user can fix them
    expect(v.normalised.organisations[0].ogrn).toBe('1027739591011');
  });

  it('flags the same person listed twice', () => {
    const req = filled(2);
    req.users[1].snils = '11223344595';
    const v = validateRequest(req);
    expect(v.byPath['user.1.snils']).toBe('Этот СНИЛС уже указан у пользователя 1: один человек указывается один раз.');
  });

  it('requires the three confirmations, an organisation, users for Приложение 2 and the signer', () => {
    const empty = emptyRequest(2);
    empty.organisations = [];
    empty.users = [];
    const v = validateRequest(empty);
    const paths = v.issues.map((i) => i.path);
    expect(paths).toEqual(['region', 'organisations', 'users', 'confirm.0', 'confirm.1', 'confirm.2', 'signer.position', 'signer.name']);
  });

  it('ignores users for Приложение 1', () => {
    const req = filled(1);
    req.users = [{ name: 'x', position: '', snils: '1', phone: '', email: '' }];
    const v = validateRequest(req);
    expect(v.ok).toBe(true);
    expect(v.normalised.users).toEqual([]);
  });

  it('validates a single field the same way', () => {
    expect(validateField('user.3.snils', '112-233-445 96')).toContain('Контрольное число');
    expect(validateField('user.3.snils', '112-233-445 95')).toBeNull();
    expect(validateField('org.0.ogrn', '1027739591010')).toBeNull();
    expect(validateField('org.0.headName', 'Иванов')).toContain('не только фамилию');
    expect(validateField('region', '')).toContain('не заполнено');
    expect(validateField('user.0.phone', '8 912 345 67 89')).toBeNull();
  });
});

describe('coveringEmail', () => {
  it('goes to the ТОР КНД support address from lib/portals with a subject naming the form and region', () => {
    const mail = coveringEmail(validateRequest(filled(2)).normalised);
    expect(mail.to).toBe('kndsupport@voskhod.ru');
    expect(mail.subject).toBe('Заявка на предоставление доступа к подсистеме Лицензирование (Приложение №2) — Костромская область');
    expect(mail.body).toContain('1. Департамент лесного хозяйства Костромской области, ОГРН 1027739591010, услуга «Лицензирование');
    expect(mail.body).toContain('Пользователей в заявке: 2 человека');
    expect(mail.body).toContain('п. 2.1 Порядка, Приложение №2');
    // personal data stay in the attachment
    expect(mail.body).not.toContain('112-233-445 95');
    expect(mail.body).not.toContain('+79123456789');
  });

  it('builds a mailto: URL that decodes back to the same subject and body with CRLF', () => {
    const mail = coveringEmail(filled(1));
    expect(mail.mailto.startsWith('mailto:kndsupport@voskhod.ru?subject=')).toBe(true);
    const url = new URL(mail.mailto);
    expect(url.searchParams.get('subject')).toBe(mail.subject);
    expect(url.searchParams.get('body')).toBe(mail.body.replace(/\n/g, '\r\n'));
    expect(mail.body).toContain('п. 1.2 Порядка, Приложение №1');
    expect(mail.body).not.toContain('Пользователей в заявке');
  });
});

describe('requestXlsx', () => {
  it('writes the appendix tables with the right cells', () => {
    const req = validateRequest(filled(2)).normalised;
    const wb = read(requestXlsx(req), { type: 'array' });
    expect(wb.SheetNames).toEqual(['Заявка', 'Организации (КНО)', 'Пользователи']);
    const users = utils.sheet_to_json<string[]>(wb.Sheets['Пользователи'], { header: 1, raw: false });
    expect(users[0]).toEqual(['№ п/п', 'Фамилия, Имя Отчество', 'Должность', 'СНИЛС', 'Номер мобильного телефона', 'Адрес электронной почты']);
    // text cells are plain text in .xlsx (they never run): phones keep their «+» with no apostrophe
    expect(users[1]).toEqual(['1', 'Петрова Анна Сергеевна', 'Консультант', '112-233-445 95', '+79123456789', 'Petrova@region.ru']);
    const orgs = utils.sheet_to_json<string[]>(wb.Sheets['Организации (КНО)'], { header: 1, raw: true });
    expect(orgs[1][1]).toBe('1027739591010'); // text, not a number that loses digits
    const head = utils.sheet_to_json<string[]>(wb.Sheets['Заявка'], { header: 1 });
    expect(head).toContainEqual(['Наименование региона', 'Костромская область']);
    expect(head.filter((r) => r[1] === 'Да')).toHaveLength(3);
  });

  it('writes formula-like text as a text cell, never a formula, and has no users sheet for Приложение 1', () => {
    const req = filled(1);
    req.organisations[0].name = '=HYPERLINK("http://evil","x")';
    const wb = read(requestXlsx(req), { type: 'array' });
    expect(wb.SheetNames).toEqual(['Заявка', 'Организации (КНО)']);
    const cell = wb.Sheets['Организации (КНО)']['A2'];
    expect(cell.f).toBeUndefined();
    expect(cell).toMatchObject({ t: 's', v: '=HYPERLINK("http://evil","x")' });
  });

  it('names the file after the form and region', () => {
    expect(requestFileName(filled(2))).toBe('Заявка_Приложение2_Костромская_область.xlsx');
    expect(requestFileName({ ...filled(1), region: ' a/b:c ' })).toBe('Заявка_Приложение1_a_b_c.xlsx');
  });
});

describe('parseRequest (drafts)', () => {
  it('round-trips a draft and repairs damaged parts instead of throwing', () => {
    const req = filled(2);
    expect(parseRequest(JSON.parse(JSON.stringify(req)))).toEqual(req);
    const damaged = parseRequest({ appendix: 2, region: 5, organisations: 'x', confirmations: [true] });
    expect(damaged).toEqual({ appendix: 2, region: '', organisations: [], users: [], confirmations: [false, false, false], signer: { position: '', name: '' } });
    expect(parseRequest({ appendix: 3 })).toBeNull();
    expect(parseRequest(null)).toBeNull();
  });
});
