/** What the official should do next, per kind and verdict: one sentence, shown under every verdict. */
import { SSTU_ARCHIVE_AGAIN } from '../sstu/archive-advice';
import type { CheckReport } from './report';
import { portalById } from '../portals';

const TOR_KND = portalById('tor-knd').supportEmail;
const POS = portalById('pos').supportEmail;

export function nextAction(report: CheckReport): string {
  const v = report.verdict;
  // the message itself says to drop the file on «Проверить файлы»
  if (report.findings.some((f) => f.code === 'interrupted')) return 'Если файла нет на компьютере, скачайте его из портала заново.';
  const unreadable = report.findings.some((f) => f.code === 'unreadable');
  if (unreadable) return 'Скачайте файл из портала заново и проверьте ещё раз. Если ошибка повторится — обратитесь в поддержку портала.';
  if (v === 'ok') {
    switch (report.kind) {
      case 'tor-knd-registry-export': return 'Загрузите файлы в ЕРУЛ («Переприсвоение»).';
      case 'erul-renumbering-result': return 'Загрузите результат в ТОР КНД («Загрузка присвоенных номеров лицензий из ЕРУЛ»).';
      case 'tor-knd-import-result': return 'Ничего делать не нужно: номера загружены в ТОР КНД.';
      case 'sstu-archive': return 'Архив можно передавать в ССТУ.РФ.';
      case 'egisso-package': return 'Пакет можно загружать в ЕГИССО.';
      case 'egisso-protocol':
        return report.summary.packageStatus === 3 || report.summary.packageStatus === '3'
          ? 'Ничего делать не нужно: все записи пакета приняты.'
          : 'Дождитесь окончания обработки пакета и скачайте протокол заново.';
      default: return 'Ничего делать не нужно.';
    }
  }
  if (v === 'warn') {
    if (report.kind === 'egisso-protocol' && report.findings.some((f) => f.code === 'egisso-protocol-in-storage')) {
      return 'Скачайте сам файл протокола из файлового хранилища СМЭВ (вложение ответа) и проверьте его.';
    }
    if (report.kind === 'egisso-package') return 'Просмотрите предупреждения; если даты верны, пакет можно загружать в ЕГИССО.';
    if (report.kind === 'unknown') return 'Проверьте, тот ли файл скачан: расширение не знает такой файл.';
    return 'Просмотрите замечания; действий не требуется.';
  }
  switch (report.kind) {
    case 'erul-renumbering-result':
    case 'tor-knd-import-result':
      return `Откройте отчёт: там готово письмо в поддержку ТОР КНД (${TOR_KND}) со списком лицензий с ошибками. Приложите к письму сам файл.`;
    case 'tor-knd-registry-export':
      return 'Исправьте выгрузку (не больше 200 лицензий в файле, без повторов и ошибочных номеров) до загрузки в ЕРУЛ.';
    case 'sstu-unbound-topics':
      return `Откройте отчёт: там готово письмо в поддержку ПОС (${POS}) о привязке тематик к классификатору УРОГ.`;
    case 'sstu-lko-without-id':
      return 'Заполните «Идентификатор органа в ССТУ.РФ» у перечисленных ЛКО (или попросите их администраторов).';
    case 'sstu-upload-status':
      return 'Откройте отчёт: в нём список ЛКО, которые не выгрузили данные или выгрузили с ошибками, и причины.';
    case 'sstu-error-report':
      return `Ошибки соединения с повтором — подождите; остальные — исправьте или напишите в поддержку ПОС (${POS}).`;
    case 'sstu-archive':
      return `ССТУ.РФ не примет повреждённый или слишком большой архив. ${SSTU_ARCHIVE_AGAIN}`;
    case 'egisso-package':
      return report.summary.withdrawn === true
        ? 'Выгрузите пакет заново в формате 10.06.S 1.1.0: пакет этой версии ЕГИССО отклонит целиком.'
        : 'Исправьте элементы, отмеченные в отчёте, и выгрузите пакет заново — иначе ЕГИССО их не примет.';
    case 'egisso-protocol':
      if (report.summary.messageRejected === true) return 'Сформируйте и отправьте пакет заново: ЕГИССО отклонило сообщение целиком, ни одна запись не обработана.';
      return 'Откройте отчёт: ошибки сгруппированы по кодам правил с объяснением, что исправить. Исправьте записи и отправьте пакет заново.';
    default:
      return 'Откройте отчёт и посмотрите ошибки.';
  }
}

/**
 * The next action as the report page says it: the report is already open, so never «Откройте отчёт…»
 * inside it.
 */
export function nextActionInReport(report: CheckReport): string {
  return nextAction(report)
    .replace(/^Откройте отчёт: там готово письмо/, 'Ниже готово письмо')
    .replace(/^Откройте отчёт: в нём /, 'Ниже — ')
    .replace(/^Откройте отчёт и посмотрите ошибки\./, 'Посмотрите ошибки ниже.')
    .replace(/^Откройте отчёт: ([а-яё])/, (_m, c: string) => `Ниже ${c}`);
}
