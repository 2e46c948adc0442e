/**
 * The one instruction for a damaged or oversized ССТУ.РФ archive (seed 004, п. 2.1–2.2): archives are made
 * by ПОС («Скачать файлы» in the «ССТУ.РФ» section) and downloaded one by one («Скачать»); an official never
 * rebuilds one by hand.
 */
export const SSTU_ARCHIVE_AGAIN =
  'Скачайте архив ещё раз в разделе «ССТУ.РФ» ПОС (кнопка «Скачать» у файла архива); если он снова повреждён — сформируйте файлы заново кнопкой «Скачать файлы». Не пересобирайте архив вручную.';

/** Short form for one card line. */
export const SSTU_ARCHIVE_AGAIN_SHORT = 'скачайте его ещё раз в ПОС, не пересобирайте вручную';
