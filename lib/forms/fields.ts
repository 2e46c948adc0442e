/**
 * Validators of the form fields that lib/ids does not cover: mobile phone, e-mail, ФИО, plain text.
 * Each returns the IdCheck of lib/ids: the normalised value, or the Russian reason shown beside the field.
 */
import { bad, ok, type IdCheck } from '../ids/result';

const PHONE_SEPARATORS = /[\s()\-‐–—.]/g;

/**
 * A Russian mobile number, normalised to +7XXXXXXXXXX. Accepts «+7 (912) 345-67-89», «8 912 345 67 89»,
 * «79123456789», «9123456789».
 */
export function checkMobilePhone(input: string): IdCheck {
  const raw = input.trim();
  if (!raw) return bad('Номер мобильного телефона не указан.');
  const compact = raw.replace(PHONE_SEPARATORS, '');
  if (!/^\+?\d+$/.test(compact)) {
    return bad('В номере телефона есть лишние знаки: оставьте только цифры, например +7 912 345-67-89.');
  }
  let digits: string;
  if (compact.startsWith('+')) {
    if (!compact.startsWith('+7')) return bad('Укажите российский номер: он начинается с +7 или с 8.');
    digits = compact.slice(1);
  } else if (compact.length === 11 && (compact.startsWith('8') || compact.startsWith('7'))) {
    digits = `7${compact.slice(1)}`;
  } else if (compact.length === 10) {
    digits = `7${compact}`;
  } else {
    digits = compact;
  }
  if (digits.length !== 11) {
    const n = digits.startsWith('7') ? digits.length - 1 : digits.length;
    return bad(`В номере после +7 должно быть 10 цифр, а указано ${Math.max(0, n)}. Проверьте, не пропущена ли цифра.`);
  }
  if (digits[1] !== '9') {
    return bad('Это не номер мобильного телефона: мобильные номера в России начинаются с +7 9… Укажите мобильный номер пользователя.');
  }
  return ok(`+${digits}`);
}

/** Formats +79123456789 as «+7 912 345-67-89» for the printed form. */
export function formatPhone(normalised: string): string {
  const m = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(normalised);
  return m ? `+7 ${m[1]} ${m[2]}-${m[3]}-${m[4]}` : normalised;
}

const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^(?!-)[A-Za-z0-9а-яёА-ЯЁ-]{1,63}(?<!-)$/;
const TLD = /^([A-Za-zа-яёА-ЯЁ]{2,63}|xn--[A-Za-z0-9-]{2,59})$/;

/** An e-mail address: local@domain.tld; the domain is lower-cased. */
export function checkEmail(input: string): IdCheck {
  const v = input.trim();
  if (!v) return bad('Адрес электронной почты не указан.');
  if (/\s/.test(v)) return bad('В адресе электронной почты есть пробел: уберите его.');
  const at = v.split('@');
  if (at.length === 1) return bad('В адресе электронной почты нет знака @. Пример: ivanov@region.ru.');
  if (at.length > 2) return bad('В адресе электронной почты больше одного знака @: укажите один адрес.');
  const [local, domain] = at;
  if (!local) return bad('В адресе нет имени до знака @. Пример: ivanov@region.ru.');
  if (!domain) return bad('В адресе нет домена после знака @. Пример: ivanov@region.ru.');
  if (v.length > 254 || local.length > 64) return bad('Адрес электронной почты слишком длинный: проверьте его.');
  if (domain.includes(',')) return bad('В адресе вместо точки стоит запятая: исправьте её на точку.');
  if (!LOCAL_PART.test(local)) {
    return bad('Имя до знака @ записано неверно: допустимы латинские буквы, цифры, точка, дефис и подчёркивание (точка не в начале, не в конце и не две подряд).');
  }
  const labels = domain.split('.');
  if (labels.length < 2) return bad('После знака @ должен быть домен с точкой, например region.ru.');
  if (!labels.every((l) => DOMAIN_LABEL.test(l)) || !TLD.test(labels[labels.length - 1])) {
    return bad('Домен после знака @ записан неверно. Пример: ivanov@region.ru.');
  }
  return ok(`${local}@${domain.toLowerCase()}`);
}

const NAME_WORD = /^[A-Za-zА-Яа-яЁё]+(?:[-'’][A-Za-zА-Яа-яЁё]+)*$/;

/** ФИО: surname, name and (if any) patronymic, letters only, spaces collapsed. */
export function checkFio(input: string): IdCheck {
  const v = input.trim().replace(/\s+/g, ' ');
  if (!v) return bad('ФИО не указаны.');
  if (/\d/.test(v)) return bad('В ФИО есть цифры: укажите фамилию, имя и отчество буквами.');
  const words = v.split(' ');
  if (!words.every((w) => NAME_WORD.test(w))) {
    return bad('В ФИО допустимы только буквы, дефис и пробелы. Пример: Иванов Иван Иванович.');
  }
  if (words.length < 2) return bad('Укажите фамилию, имя и отчество (если есть) полностью, а не только фамилию. Пример: Иванов Иван Иванович.');
  if (words.some((w) => w.length === 1)) return bad('Укажите имя и отчество полностью, без инициалов.');
  return ok(v);
}

/** A required free-text field (region, organisation, service, position). */
export function checkText(input: string, what: string, min = 2): IdCheck {
  const v = input.trim().replace(/\s+/g, ' ');
  if (!v) return bad(`${what}: поле не заполнено.`);
  if (v.length < min) return bad(`${what}: слишком коротко, укажите полностью.`);
  if (!/[A-Za-zА-Яа-яЁё]/.test(v)) return bad(`${what}: укажите словами.`);
  return ok(v);
}
