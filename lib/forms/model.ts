/**
 * The two application forms of seed 001 («Порядок предоставления доступа к подсистеме Лицензирование»):
 * Приложение 1 (настройка стандартов) and Приложение 2 (доступ к подсистеме, with the list of users).
 * Plain data: the page edits it, drafts store it, validation/letter/XLSX read it.
 */
import { z } from '../zod';

export type Appendix = 1 | 2;

export interface Organisation {
  name: string;
  ogrn: string;
  service: string;
  headName: string;
  headPosition: string;
}

export interface FormUser {
  name: string;
  position: string;
  snils: string;
  phone: string;
  email: string;
}

export interface AccessRequest {
  appendix: Appendix;
  region: string;
  organisations: Organisation[];
  /** Приложение 2 only; ignored (and not exported) for Приложение 1. */
  users: FormUser[];
  /** The three «□ Подтверждаю / Уведомлен» boxes, in the order of the appendix. */
  confirmations: [boolean, boolean, boolean];
  /** «Руководитель КНО: наименование должности, подпись, ФИО» under the form. */
  signer: { position: string; name: string };
}

export const APPENDIX_TITLES: Record<Appendix, string> = {
  1: 'Заявка на предоставление доступа к подсистеме Лицензирование в личном кабинете ГИС ТОР КНД (настройка стандартов)',
  2: 'Заявка на предоставление доступа к подсистеме Лицензирование в личном кабинете ГИС ТОР КНД',
};

/** When to use which form, in plain words (п. 1.2 and 2.1 of the procedure). */
export const APPENDIX_PURPOSE: Record<Appendix, string> = {
  1: 'Для настройки стандартов в подсистеме Лицензирование, когда пользователи уже работают в ГИС ТОР КНД (п. 1.2 порядка). Направляют уполномоченные лица субъекта.',
  2: 'Для доступа только к подсистеме Лицензирование, без полного функционала ГИС ТОР КНД (п. 2.1 порядка). Направляется за подписью руководителя КНО, доступ предоставляют до 5 рабочих дней после согласования Оператором.',
};

/** Table headers exactly as the appendix prints them. */
export const ORGANISATION_COLUMNS = [
  'Наименование организации (КНО)',
  'ОГРН организации (КНО)',
  'Наименование услуги',
  'Фамилия, Имя Отчество Руководителя КНО',
  'Должность Руководителя КНО',
] as const;

export const USER_COLUMNS = [
  '№ п/п',
  'Фамилия, Имя Отчество',
  'Должность',
  'СНИЛС',
  'Номер мобильного телефона',
  'Адрес электронной почты',
] as const;

export const ORGANISATION_FIELDS: readonly (keyof Organisation)[] = ['name', 'ogrn', 'service', 'headName', 'headPosition'];
export const USER_FIELDS: readonly (keyof FormUser)[] = ['name', 'position', 'snils', 'phone', 'email'];

export const CONFIRMATIONS: readonly [string, string, string] = [
  'Подтверждаю, что сотрудники организаций, уполномоченные на доступ в систему с ролями всех уровней, обладают квалификацией и навыками, необходимыми для выполнения операций в личных кабинетах ГИС ТОР КНД.',
  'Подтверждаю, что проинформирован о том, что некорректное выполнение операций настройки личного кабинета ГИС ТОР КНД может привести к неработоспособности и/или утрате данных личного кабинета. В случае возникновения таких ситуаций, восстановление работоспособности личного кабинета ТОР КНД может быть осуществлено только Службой технической поддержки ТОР КНД, только путем восстановления личного кабинета из имеющейся резервной копии, содержащей данные и состояние на момент проведения резервного копирования.',
  'Уведомлен о том, что режим настройки личного кабинета ГИС ТОР КНД позволяет выполнить модификацию интерфейса и типовой функциональности процессов КНД в вышеуказанных личных кабинетах. В связи с этим, оказание консультаций Службой технической поддержки ГИС ТОР КНД по типовой функциональности ГИС ТОР КНД возможно только в части настройки новых регламентов КНД и работы с типовыми регламентами (стандартами) КНД.',
];

export function emptyOrganisation(): Organisation {
  return { name: '', ogrn: '', service: '', headName: '', headPosition: '' };
}

export function emptyUser(): FormUser {
  return { name: '', position: '', snils: '', phone: '', email: '' };
}

export function emptyRequest(appendix: Appendix): AccessRequest {
  return {
    appendix,
    region: '',
    organisations: [emptyOrganisation()],
    users: appendix === 2 ? [emptyUser()] : [],
    confirmations: [false, false, false],
    signer: { position: '', name: '' },
  };
}

const text = z.string().max(2000).catch('');

const OrganisationSchema = z.object({
  name: text,
  ogrn: text,
  service: text,
  headName: text,
  headPosition: text,
});

const UserSchema = z.object({
  name: text,
  position: text,
  snils: text,
  phone: text,
  email: text,
});

/** Reads a stored draft defensively: anything missing or malformed becomes empty, never an exception. */
export const AccessRequestSchema = z.object({
  appendix: z.union([z.literal(1), z.literal(2)]),
  region: text,
  organisations: z.array(OrganisationSchema).max(500).catch([]),
  users: z.array(UserSchema).max(5000).catch([]),
  confirmations: z.tuple([z.boolean(), z.boolean(), z.boolean()]).catch([false, false, false]),
  signer: z.object({ position: text, name: text }).catch({ position: '', name: '' }),
});

export function parseRequest(value: unknown): AccessRequest | null {
  const r = AccessRequestSchema.safeParse(value);
  return r.success ? (r.data as AccessRequest) : null;
}
