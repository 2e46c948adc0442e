/**
 * The pre-flight checks of an outgoing ЕГИССО package (contract: `egisso-package` byCheck codes), each with
 * what it means and what to fix, in the words of the ЕЦП.МИС forms the official fills.
 * Only checks that are certain from the package itself (schema facets, arithmetic, repeats) are here.
 */
import type { Severity } from '../checks/report';

export const PACKAGE_CHECKS = [
  'snils-format',
  'snils-checksum',
  'name-not-cyrillic',
  'gender',
  'uuid-format',
  'osz-code-format',
  'amount-format',
  'date-format',
  'duplicate-uuid',
  'duplicate-needs-criteria',
  'over-limit',
  'shares-not-100',
  'quota-range',
  'kbk-format',
  'birth-after-decision',
  'finish-before-start',
  'lmsz-not-found',
  'outside-lmsz-period',
] as const;

export type PackageCheck = (typeof PACKAGE_CHECKS)[number];

export interface PackageCheckInfo {
  severity: Extract<Severity, 'error' | 'warn'>;
  /** Short name for filters and tables. */
  title: string;
  /** What to fix, one sentence. */
  fix: string;
}

export const PACKAGE_CHECK_INFO: Readonly<Record<PackageCheck, PackageCheckInfo>> = {
  'snils-format': {
    severity: 'error',
    title: 'СНИЛС записан неверно',
    fix: 'СНИЛС в пакете — ровно 11 цифр без дефисов и пробелов. Исправьте его в «Сведениях о лице» и выгрузите пакет заново.',
  },
  'snils-checksum': {
    severity: 'error',
    title: 'Контрольное число СНИЛС не сходится',
    fix: 'В номере СНИЛС опечатка: сверьте его с документом получателя, исправьте в «Сведениях о лице» и выгрузите пакет заново.',
  },
  'name-not-cyrillic': {
    severity: 'error',
    title: 'ФИО не по правилам ЕГИССО',
    fix: 'Фамилия, имя и отчество — только русские буквы, дефис, пробел, апостроф, точка и запятая, до 100 знаков; латинские буквы (например, «A» вместо «А») не допускаются. Исправьте ФИО и выгрузите пакет заново.',
  },
  gender: {
    severity: 'error',
    title: 'Пол не указан или указан неверно',
    fix: 'Укажите пол получателя (мужской или женский) в «Сведениях о лице» и выгрузите пакет заново.',
  },
  'uuid-format': {
    severity: 'error',
    title: 'Идентификатор (UUID) записан неверно',
    fix: 'Идентификатор должен иметь вид xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx (цифры и буквы a–f). Пакет, похоже, изменён вручную: выгрузите его из системы заново.',
  },
  'osz-code-format': {
    severity: 'error',
    title: 'Код поставщика (ОСЗ) записан неверно',
    fix: 'Код поставщика имеет вид 1234.567890. Проверьте код организации в настройках модуля ЕГИССО и выгрузите пакет заново.',
  },
  'amount-format': {
    severity: 'error',
    title: 'Сумма или количество записаны неверно',
    fix: 'Денежная сумма — цифры и ровно две цифры копеек после точки или запятой (1500.00); количество — число с точкой, без запятой. Исправьте «Сведения о назначении» и выгрузите пакет заново.',
  },
  'date-format': {
    severity: 'error',
    title: 'Дата записана неверно',
    fix: 'Дата в пакете — ГГГГ-ММ-ДД и должна существовать в календаре. Исправьте дату и выгрузите пакет заново.',
  },
  'duplicate-uuid': {
    severity: 'error',
    title: 'Идентификатор уже встречался в пакете',
    fix: 'Одна и та же запись попала в пакет дважды. Уберите повтор (или выгрузите пакет заново) — каждая запись в пакете должна быть один раз.',
  },
  'duplicate-needs-criteria': {
    severity: 'error',
    title: 'Критерий нуждаемости повторяется',
    fix: 'Правило ЕГИССО 059: критерий нуждаемости в записи указывается один раз. Уберите повтор на вкладке «Критерии нуждаемости» и выгрузите пакет заново.',
  },
  'over-limit': {
    severity: 'error',
    title: 'Больше 1000 элементов одного вида',
    fix: 'В формате 10.06.S 1.1.0 в пакете не больше 1000 элементов каждого вида. Разбейте выгрузку на несколько пакетов.',
  },
  'shares-not-100': {
    severity: 'error',
    title: 'Доли софинансирования не дают 100%',
    fix: 'Правило ЕГИССО 016: доли источников финансирования меры в сумме — ровно 100%. Исправьте доли в карточке ЛМСЗ и сформируйте пакет заново.',
  },
  'quota-range': {
    severity: 'error',
    title: 'Доля источника финансирования вне 0–100%',
    fix: 'Доля каждого источника финансирования — больше 0 и не больше 100. Исправьте её в карточке ЛМСЗ и сформируйте пакет заново.',
  },
  'kbk-format': {
    severity: 'error',
    title: 'КБК записан неверно',
    fix: 'Правило ЕГИССО 022: КБК — ровно 20 цифр. Исправьте КБК в карточке ЛМСЗ и сформируйте пакет заново.',
  },
  'birth-after-decision': {
    severity: 'warn',
    title: 'Дата рождения позже даты решения',
    fix: 'Проверьте дату рождения и дату решения: скорее всего, опечатка в годе.',
  },
  'finish-before-start': {
    severity: 'warn',
    title: 'Окончание назначения раньше начала',
    fix: 'Проверьте даты начала и окончания назначения: окончание не может быть раньше начала.',
  },
  'lmsz-not-found': {
    severity: 'warn',
    title: 'Мера (ЛМСЗ) не найдена в пакете 10.05.I из журнала',
    fix: 'Правило ЕГИССО 014: мера должна быть передана в ЕГИССО до записей о назначении. Проверьте, что мера передана («Реестр ЛМСЗ» → «Сформировать пакет для отправки в ЕГИССО»), и что в записи выбрана та же мера.',
  },
  'outside-lmsz-period': {
    severity: 'warn',
    title: 'Даты назначения вне срока действия меры',
    fix: 'Правило ЕГИССО 019: дата решения и дата начала должны входить в срок действия ЛМСЗ. Исправьте даты назначения или срок действия меры.',
  },
};

export function isPackageCheck(code: string): code is PackageCheck {
  return (PACKAGE_CHECKS as readonly string[]).includes(code);
}
