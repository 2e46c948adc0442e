/** Every file kind of the check contract (shared/contracts/check-cli.md). Extend, never rename. */
export const KIND_IDS = [
  'erul-renumbering-result',
  'tor-knd-import-result',
  'tor-knd-registry-export',
  'sstu-unbound-topics',
  'sstu-lko-without-id',
  'sstu-upload-status',
  'sstu-error-report',
  'sstu-archive',
  'egisso-protocol',
  'unknown',
  'sstu-status-count',
  'egisso-package',
] as const;

export type KindId = (typeof KIND_IDS)[number];

/** Russian titles of the kinds, as the official knows the files. */
export const KIND_TITLES: Record<KindId, string> = {
  'erul-renumbering-result': 'Результат переприсвоения номеров лицензий (ЕРУЛ)',
  'tor-knd-import-result': 'Результат загрузки присвоенных номеров лицензий из ЕРУЛ (ТОР КНД)',
  'tor-knd-registry-export': 'Выгрузка реестра лицензий в ЕРУЛ (ТОР КНД)',
  'sstu-unbound-topics': 'Перечень сообщений без тематик УРОГ (ПОС)',
  'sstu-lko-without-id': 'Перечень дочерних ЛКО без идентификатора в ССТУ.РФ (ПОС)',
  'sstu-upload-status': 'Статус выгрузки и загрузки данных в ССТУ.РФ (ПОС)',
  'sstu-error-report': 'Отчёт с ошибками передачи в ССТУ.РФ (ПОС)',
  'sstu-archive': 'Архив для ССТУ.РФ (Файл_N.zip)',
  'egisso-protocol': 'Протокол обработки пакета ЕГИССО',
  unknown: 'Неизвестный файл',
  'sstu-status-count': 'Отчёт о количестве загруженных в ССТУ статусов (ПОС)',
  'egisso-package': 'Пакет для загрузки в ЕГИССО (10.06.S или 10.05.I)',
};
