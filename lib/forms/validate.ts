/** Validation of a whole application: every field as its official type, the reason beside each field. */
import { checkOgrn } from '../ids/ogrn';
import { checkSnils, formatSnils } from '../ids/snils';
import type { IdCheck } from '../ids/result';
import { checkEmail, checkFio, checkMobilePhone, checkText } from './fields';
import type { AccessRequest, FormUser, Organisation } from './model';

export interface FieldIssue {
  /** Stable field path: region, org.0.ogrn, user.1.snils, confirm.2, signer.name, organisations, users. */
  path: string;
  /** Where, in Russian: «Организация 1, ОГРН». */
  where: string;
  message: string;
}

export interface Validation {
  ok: boolean;
  issues: FieldIssue[];
  /** path → message, for showing beside the field. */
  byPath: Record<string, string>;
  /** The request with every valid value normalised (ОГРН digits, СНИЛС 123-456-789 64, phone +7…, e-mail). */
  normalised: AccessRequest;
}

export const ORGANISATION_LABELS: Record<keyof Organisation, string> = {
  name: 'Наименование организации (КНО)',
  ogrn: 'ОГРН организации (КНО)',
  service: 'Наименование услуги',
  headName: 'ФИО руководителя КНО',
  headPosition: 'Должность руководителя КНО',
};

export const USER_LABELS: Record<keyof FormUser, string> = {
  name: 'ФИО',
  position: 'Должность',
  snils: 'СНИЛС',
  phone: 'Номер мобильного телефона',
  email: 'Адрес электронной почты',
};

function checkOrganisationField(field: keyof Organisation, value: string): IdCheck {
  switch (field) {
    case 'ogrn':
      return checkOgrn(value, 13);
    case 'headName':
      return checkFio(value);
    default:
      return checkText(value, ORGANISATION_LABELS[field]);
  }
}

function checkUserField(field: keyof FormUser, value: string): IdCheck {
  switch (field) {
    case 'name':
      return checkFio(value);
    case 'snils': {
      const r = checkSnils(value);
      return r.ok ? { ok: true, value: formatSnils(r.value) } : r;
    }
    case 'phone':
      return checkMobilePhone(value);
    case 'email':
      return checkEmail(value);
    default:
      return checkText(value, USER_LABELS[field]);
  }
}

export function validateRequest(req: AccessRequest): Validation {
  const issues: FieldIssue[] = [];
  const add = (path: string, where: string, message: string) => issues.push({ path, where, message });
  const take = (path: string, where: string, r: IdCheck, current: string): string => {
    if (r.ok) return r.value;
    add(path, where, r.reason);
    return current;
  };

  const region = take('region', 'Наименование региона', checkText(req.region, 'Наименование региона', 3), req.region);

  if (req.organisations.length === 0) {
    add('organisations', 'Информация об организациях', 'Добавьте хотя бы одну организацию (КНО).');
  }
  const organisations = req.organisations.map((o, i) => {
    const out = { ...o };
    for (const f of Object.keys(ORGANISATION_LABELS) as (keyof Organisation)[]) {
      out[f] = take(`org.${i}.${f}`, `Организация ${i + 1}, ${ORGANISATION_LABELS[f]}`, checkOrganisationField(f, o[f]), o[f]);
    }
    return out;
  });

  const users =
    req.appendix === 2
      ? req.users.map((u, i) => {
          const out = { ...u };
          for (const f of Object.keys(USER_LABELS) as (keyof FormUser)[]) {
            out[f] = take(`user.${i}.${f}`, `Пользователь ${i + 1}, ${USER_LABELS[f]}`, checkUserField(f, u[f]), u[f]);
          }
          return out;
        })
      : [];

  if (req.appendix === 2) {
    if (users.length === 0) add('users', 'Список пользователей', 'Добавьте хотя бы одного пользователя: без списка служба поддержки не знает, кому дать доступ.');
    // the same person twice: only for valid СНИЛС, so a typo is reported once, as a checksum error
    const seen = new Map<string, number>();
    users.forEach((u, i) => {
      if (byPathHas(issues, `user.${i}.snils`)) return;
      const first = seen.get(u.snils);
      if (first !== undefined) {
        add(`user.${i}.snils`, `Пользователь ${i + 1}, СНИЛС`, `Этот СНИЛС уже указан у пользователя ${first + 1}: один человек указывается один раз.`);
      } else seen.set(u.snils, i);
    });
  }

  req.confirmations.forEach((c, i) => {
    if (!c) add(`confirm.${i}`, `Подтверждение ${i + 1}`, 'Без этой отметки заявку не примут: прочитайте текст и поставьте отметку.');
  });

  const signer = {
    position: take('signer.position', 'Должность руководителя КНО (подпись)', checkText(req.signer.position, 'Должность руководителя'), req.signer.position),
    name: take('signer.name', 'ФИО руководителя КНО (подпись)', checkFio(req.signer.name), req.signer.name),
  };

  const byPath: Record<string, string> = {};
  for (const issue of issues) byPath[issue.path] ??= issue.message;
  return {
    ok: issues.length === 0,
    issues,
    byPath,
    normalised: { ...req, region, organisations, users, signer, confirmations: [...req.confirmations] as AccessRequest['confirmations'] },
  };
}

function byPathHas(issues: readonly FieldIssue[], path: string): boolean {
  return issues.some((i) => i.path === path);
}

/** Validates one field on its own (as the user leaves it), with the same rules as validateRequest. */
export function validateField(path: string, value: string): string | null {
  const m = /^(org|user)\.\d+\.(\w+)$/.exec(path);
  let r: IdCheck | null = null;
  if (path === 'region') r = checkText(value, 'Наименование региона', 3);
  else if (path === 'signer.name') r = checkFio(value);
  else if (path === 'signer.position') r = checkText(value, 'Должность руководителя');
  else if (m && m[1] === 'org' && m[2] in ORGANISATION_LABELS) r = checkOrganisationField(m[2] as keyof Organisation, value);
  else if (m && m[1] === 'user' && m[2] in USER_LABELS) r = checkUserField(m[2] as keyof FormUser, value);
  return r && !r.ok ? r.reason : null;
}
