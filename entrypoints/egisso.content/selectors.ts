/**
 * ЕГИССО supplier cabinet selectors, in one place. The cabinet is an Angular application: upload dialogs
 * appear after the page has loaded. Seen on: «Загрузка пакета» (the file an information supplier forms
 * elsewhere, e.g. ЕЦП.МИС «Экспорт ЕГИССО», manual 4.2: «загрузить файл вручную через кабинет поставщика
 * информации ЕГИССО»). Tested on tests/fixtures/pages/egisso-cabinet-upload.html.
 */
import type { UploadRule } from '../../lib/upload/expected';

export const EGISSO_UPLOAD_RULES: readonly UploadRule[] = [
  { expect: 'egisso-protocol', context: /протокол[а-я]* обработки/i },
  { expect: 'egisso-package', context: /загрузк[аи] (пакет|файл)|загрузить (пакет|файл)|пакет[а-я]* (данных|для егиссо)|файл[а-я]* экспорта/i },
];
