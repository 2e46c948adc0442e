/**
 * ССТУ.РФ page selectors, in one place. The official uploads there, outside ПОС, the archives «Файл_N.zip»
 * that ПОС formed (instruction п. 1.2, 2.2). Tested on tests/fixtures/pages/sstu-rf-upload.html.
 */
import type { UploadRule } from '../../lib/upload/expected';

export const SSTU_UPLOAD_RULES: readonly UploadRule[] = [{ expect: 'sstu-archive', context: /архив|загрузк[аи] (данных|файла)|файл[_\s]*\d*\.zip/i }];
