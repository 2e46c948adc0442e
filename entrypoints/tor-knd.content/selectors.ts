/**
 * ГИС ТОР КНД page selectors, in one place. Seen on: «Служебные задачи» (task list with result files),
 * the task card with «Результат». Tested against tests/fixtures/pages/tor-knd-service-tasks.html.
 */
import type { FileLink } from '../../components/inpage/decorate-links';
import { fileLinksIn, hasHeading } from '../../components/inpage/file-links';
import type { UploadRule } from '../../lib/upload/expected';

const RESULT_TEXT = /\.(json|zip|xlsx?|xml)\s*$|^(скачать|результат|файл результата|выгрузка)/i;

/** File links on a ТОР КНД page: result and export files of service tasks. */
export function torKndFileLinks(root: ParentNode): FileLink[] {
  return fileLinksIn(root, RESULT_TEXT);
}

/** True on the «Служебные задачи» page (by its heading). */
export function isServiceTasksPage(root: ParentNode): boolean {
  return hasHeading(root, /служебные задачи/i);
}

/**
 * What ТОР КНД's file inputs expect. «Новая задача» → «Загрузка присвоенных номеров лицензий из ЕРУЛ»
 * (instruction steps 11–12): the ЕРУЛ result of renumbering. Tested on tor-knd-import-task.html.
 */
export const TOR_KND_UPLOAD_RULES: readonly UploadRule[] = [
  { expect: 'erul-renumbering-result', context: /загрузка присвоенных номеров лицензий из ерул/i },
];
