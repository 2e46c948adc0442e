/**
 * Column names of the ПОС «ССТУ.РФ» reports (seed 004), with the variants seen or expected. Columns are found
 * by name through findHeader (case, «ё»/«е», quotes and extra spaces do not matter; a cell that contains a
 * name of four letters or more matches too). Order inside each spec list matters for partial matches:
 * «Подкатегория» comes before «Категория» so that the longer name takes its own column first.
 */
import type { ColumnSpec } from '../formats/sheet';

const LKO_ID = ['Идентификатор ЛКО', 'ИД ЛКО', 'ID ЛКО', 'Ид. ЛКО', 'Код ЛКО', 'Идентификатор ЛКО в ПОС'];
const LKO_NAME = ['Полное наименование ЛКО', 'Наименование ЛКО', 'Название ЛКО', 'Полное название ЛКО'];
const NUMBER = ['Номер обращения в ПОС', 'Номер обращения', 'Номер сообщения в ПОС', 'Номер сообщения', '№ обращения', '№ сообщения'];
const SUBCATEGORY = ['Подкатегория обращения', 'Подкатегория сообщения', 'Подкатегория'];
const CATEGORY = ['Категория обращения', 'Категория сообщения', 'Категория'];
const FACT = ['Факт обращения', 'Факт сообщения', 'Факт'];
const ERROR_TYPE = ['Тип ошибки при автоматической загрузке (в api)', 'Тип ошибки при автоматической загрузке', 'Тип ошибки'];
const RETRY = ['Статус повторной автоматической отправки (в api)', 'Статус повторной автоматической отправки', 'Статус повторной отправки', 'Повторная отправка'];

/** «Перечень сообщений по своему [и дочерним] ЛКО без тематик УРОГ». */
export const UNBOUND_COLUMNS: readonly ColumnSpec[] = [
  { key: 'lkoId', names: LKO_ID },
  { key: 'lkoName', names: LKO_NAME },
  { key: 'number', names: NUMBER },
  { key: 'subcategory', names: SUBCATEGORY, required: true },
  { key: 'category', names: CATEGORY, required: true },
  { key: 'fact', names: FACT },
  { key: 'steps', names: ['Номера шагов с ошибками', 'Номер шага с ошибкой', 'Номера шагов', 'Шаги с ошибками'] },
];

/** «Перечень дочерних ЛКО без идентификатора в ССТУ.РФ». */
export const LKO_WITHOUT_ID_COLUMNS: readonly ColumnSpec[] = [
  { key: 'lkoId', names: LKO_ID, required: true },
  { key: 'lkoName', names: LKO_NAME, required: true },
];

/** «Отчет с ошибками» / «Отчет об ошибках». */
export const ERROR_REPORT_COLUMNS: readonly ColumnSpec[] = [
  { key: 'lkoId', names: LKO_ID },
  { key: 'number', names: NUMBER },
  { key: 'subcategory', names: SUBCATEGORY },
  { key: 'category', names: CATEGORY },
  { key: 'fact', names: FACT },
  { key: 'errorType', names: ERROR_TYPE, required: true },
  { key: 'reason', names: ['Причина ошибки при автоматической загрузке (в api)', 'Причина ошибки при автоматической загрузке', 'Причина ошибки', 'Текст ошибки'] },
  { key: 'retry', names: RETRY },
];

/** «Статус выгрузки и загрузки данных по своей и дочерним организациям в ССТУ.РФ», per-ЛКО table. */
export const STATUS_COLUMNS: readonly ColumnSpec[] = [
  { key: 'lkoId', names: LKO_ID, required: true },
  { key: 'lkoName', names: LKO_NAME },
  { key: 'api', names: ['Автоматическая загрузка (в api)', 'Автоматическая загрузка', 'Загрузка через api', 'Автоматическая выгрузка'] },
  { key: 'errorType', names: ERROR_TYPE },
  { key: 'retry', names: RETRY },
  { key: 'manual', names: ['Выгрузка архива вручную', 'Выгрузка архива', 'Выгрузка вручную'] },
  { key: 'required', names: ['Количество статусов, требуемых к передаче в ССТУ', 'Количество статусов, требуемых к передаче', 'статусов, требуемых к передаче'] },
  { key: 'apiCount', names: ['Количество статусов, успешно загруженных автоматически (через api)', 'Количество статусов, успешно загруженных автоматически', 'успешно загруженных автоматически'] },
  { key: 'apiPercent', names: ['Процент статусов, успешно автоматически (в api) выгруженных в ССТУ', 'Процент статусов, успешно автоматически', 'Процент статусов, успешно загруженных автоматически'] },
  { key: 'manualCount', names: ['Количество статусов, успешно выгруженных вручную', 'Количество статусов, успешно загруженных вручную'] },
  { key: 'manualPercent', names: ['Процент статусов, успешно выгруженных вручную', 'Процент статусов, успешно загруженных вручную'] },
  { key: 'apiClosed', names: ['Данные успешно автоматически (в api) загружены в ССТУ, отчетный период закрыт', 'Данные успешно автоматически'] },
  { key: 'apiDate', names: ['Дата успешной автоматической загрузки данных в ССТУ (в api)', 'Дата успешной автоматической загрузки'] },
  { key: 'manualClosed', names: ['Данные успешно загружены вручную в ССТУ, отчетный период закрыт', 'Данные успешно загружены вручную'] },
  { key: 'manualDate', names: ['Дата успешной загрузки данных в ССТУ вручную', 'Дата успешной загрузки данных вручную', 'Дата успешной загрузки'] },
  { key: 'confirmedBy', names: ['ФИО подтвердившего успешную загрузку данных в ССТУ вручную', 'ФИО подтвердившего'] },
];

/**
 * «Отчет по своему ЛКО о количестве загруженных в ССТУ статусов». The instruction shows it only as a file
 * name, without its columns: these are the names it most likely uses.
 */
export const STATUS_COUNT_COLUMNS: readonly ColumnSpec[] = [
  { key: 'lkoId', names: LKO_ID },
  { key: 'lkoName', names: LKO_NAME },
  { key: 'period', names: ['Отчетный период', 'Период', 'Месяц'] },
  { key: 'required', names: ['Количество статусов, требуемых к передаче в ССТУ', 'статусов, требуемых к передаче', 'Количество статусов к передаче', 'Всего статусов'] },
  { key: 'uploaded', names: ['Количество загруженных в ССТУ статусов', 'Количество статусов, загруженных в ССТУ', 'Количество статусов, успешно загруженных', 'Загружено статусов', 'загруженных в ССТУ статусов'] },
  { key: 'notUploaded', names: ['Количество незагруженных статусов', 'Не загружено статусов', 'Количество статусов, не загруженных'] },
];

/** Summary rows of the status report: the four figures, in the order the official reads them. */
export const STATUS_SUMMARY_LABELS = {
  totalLko: 'Всего ЛКО',
  succeeded: 'Успешно осуществили выгрузку',
  notUploaded: 'Не осуществили выгрузку',
  withErrors: 'Осуществили выгрузку с ошибками',
} as const;

export type StatusSummaryKey = keyof typeof STATUS_SUMMARY_LABELS;

/** Titles as they appear in the report files and their names (normalised text is searched). */
export const TITLES = {
  unbound: 'без тематик урог',
  lkoWithoutId: 'без идентификатора в сс',
  status: 'статус выгрузки и загрузки данных',
  errors: ['отчет с ошибками', 'отчет об ошибках'],
  statusCount: 'количестве загруженных в сс',
} as const;

/** Values of «Тип ошибки…». */
export const ERROR_TYPES = { connection: 'ошибка связи', rejected: 'отказ в приеме' } as const;
/** Values of «Статус повторной автоматической отправки…». */
export const RETRY_VALUES = { expected: 'ожидается', notExpected: 'не ожидается' } as const;
