/**
 * One line in plain Russian for a report: what the file is and what came out of the check.
 * Used by the badge tooltip, the popup, the in-page panel and notifications.
 */
import type { CheckReport, Summary } from './report';
import { KIND_TITLES } from './kinds';
import { participle, plural } from '../plural';

const n = (s: Summary, k: string): number => (typeof s[k] === 'number' ? (s[k] as number) : 0);

export function headline(report: CheckReport): string {
  const s = report.summary;
  const firstError = report.findings.find((f) => f.severity === 'error');
  if (firstError && (firstError.code === 'unreadable' || firstError.code === 'interrupted')) return firstError.message;
  switch (report.kind) {
    case 'erul-renumbering-result': {
      const parts = [`${n(s, 'total')} ${plural(n(s, 'total'), 'лицензия', 'лицензии', 'лицензий')}: ${n(s, 'renumbered')} ${participle(n(s, 'renumbered'), 'переприсвоен')}`];
      if (n(s, 'alreadyInErul')) parts.push(`${n(s, 'alreadyInErul')} уже в ЕРУЛ — не критично`);
      if (n(s, 'failed')) parts.push(`${n(s, 'failed')} ${plural(n(s, 'failed'), 'ошибка', 'ошибки', 'ошибок')} — нужно обращение в поддержку ТОР КНД`);
      if (n(s, 'pairingProblems')) parts.push(`${n(s, 'pairingProblems')} — пары номеров не сходятся`);
      return parts.join(', ');
    }
    case 'tor-knd-import-result': {
      const parts = [`${n(s, 'total')} ${plural(n(s, 'total'), 'лицензия', 'лицензии', 'лицензий')}: ${n(s, 'success')} ${participle(n(s, 'success'), 'загружен')}`];
      if (n(s, 'alreadyInErul')) parts.push(`${n(s, 'alreadyInErul')} уже в ЕРУЛ — не критично`);
      if (n(s, 'failed')) parts.push(`${n(s, 'failed')} с ошибкой — нужно обращение в поддержку ТОР КНД`);
      return parts.join(', ');
    }
    case 'tor-knd-registry-export':
      return `${n(s, 'licences')} ${plural(n(s, 'licences'), 'лицензия', 'лицензии', 'лицензий')} в ${n(s, 'files')} ${plural(n(s, 'files'), 'файле', 'файлах', 'файлах')}` +
        (report.verdict === 'error' ? ' — есть ошибки, исправьте до загрузки в ЕРУЛ' : ' — можно загружать в ЕРУЛ');
    case 'sstu-unbound-topics':
      return n(s, 'rows') ? `${n(s, 'rows')} ${plural(n(s, 'rows'), 'сообщение', 'сообщения', 'сообщений')} без тематик УРОГ, ${n(s, 'topics')} ${plural(n(s, 'topics'), 'тематика', 'тематики', 'тематик')} — нужно письмо в поддержку ПОС` : 'Сообщений без тематик УРОГ нет';
    case 'sstu-lko-without-id':
      return n(s, 'lko')
        ? `${n(s, 'lko')} ${plural(n(s, 'lko'), 'дочернее ЛКО', 'дочерних ЛКО', 'дочерних ЛКО')} без идентификатора ССТУ.РФ — ${plural(n(s, 'lko'), 'его', 'их', 'их')} нужно заполнить`
        : 'У всех дочерних ЛКО есть идентификатор ССТУ.РФ';
    case 'sstu-upload-status':
      return `Выгрузка в ССТУ.РФ: ${n(s, 'succeeded')} из ${n(s, 'totalLko')} ЛКО успешно` +
        (n(s, 'notUploaded') ? `, ${n(s, 'notUploaded')} не выгрузили` : '') +
        (n(s, 'withErrors') ? `, ${n(s, 'withErrors')} с ошибками` : '') +
        (s.consistent === false ? '; итоговые строки не сходятся с перечнем ЛКО' : '');
    case 'sstu-error-report':
      return n(s, 'rows') ? `${n(s, 'rows')} ${plural(n(s, 'rows'), 'ошибка', 'ошибки', 'ошибок')} передачи в ССТУ.РФ: отказов в приёме — ${n(s, 'rejected')}, ошибок соединения — ${n(s, 'connectionErrors')}` : 'Ошибок передачи в ССТУ.РФ нет';
    case 'sstu-archive':
      return `Архив: ${n(s, 'entries')} ${plural(n(s, 'entries'), 'файл', 'файла', 'файлов')}` +
        (n(s, 'damaged') ? `, ${n(s, 'damaged')} ${participle(n(s, 'damaged'), 'повреждён', 'm')}` : '') +
        (s.overSizeLimit === true ? ', больше 100 МБ — ССТУ.РФ его не примет' : '') +
        (report.verdict === 'ok' ? ', в порядке' : '');
    case 'egisso-package':
      return `Пакет ЕГИССО ${String(s.message)} ${String(s.version)}: ${n(s, 'elements')} ${plural(n(s, 'elements'), 'элемент', 'элемента', 'элементов')}` +
        (s.withdrawn === true ? ' — версия отозвана, выгрузите пакет в формате 1.1.0' : n(s, 'problems') ? `, с ошибками: ${n(s, 'problems')} — исправьте до загрузки` : report.verdict === 'warn' ? ', есть предупреждения' : ', ошибок нет');
    case 'egisso-protocol':
      if (s.messageRejected === true) return `ЕГИССО отклонило сообщение целиком (${n(s, 'errors')} ${plural(n(s, 'errors'), 'ошибка', 'ошибки', 'ошибок')}): сформируйте и отправьте пакет заново`;
      if (report.findings.some((f) => f.code === 'egisso-protocol-in-storage')) return 'Ответ ЕГИССО без протокола: протокол в файловом хранилище СМЭВ — скачайте его';
      if (s.packageStatus === 1 || s.packageStatus === 2 || s.packageStatus === '1' || s.packageStatus === '2') {
        return `Пакет ЕГИССО ещё не обработан (статус ${String(s.packageStatus)} — ${String(s.packageStatus) === '1' ? 'принят' : 'обрабатывается'}): загрузите протокол позже, когда статус станет «3 — обработан»`;
      }
      return `Пакет ЕГИССО: принято ${n(s, 'recordNumSuccess')} из ${n(s, 'recordNum')}` +
        (n(s, 'failedRecords') ? `, отклонено записей: ${n(s, 'failedRecords')} — исправьте и отправьте заново` : '') +
        (n(s, 'warnings') ? `, предупреждений: ${n(s, 'warnings')}` : '');
    default:
      return report.findings[0]?.message ?? KIND_TITLES[report.kind];
  }
}
