import { describe, expect, it } from 'vitest';
import { expectedKind, isExpectedKind, wrongKindMessage } from '../../../lib/upload/expected';
import { TOR_KND_UPLOAD_RULES } from '../../../entrypoints/tor-knd.content/selectors';
import { ERUL_UPLOAD_RULES } from '../../../entrypoints/erul.content/selectors';
import { EGISSO_UPLOAD_RULES } from '../../../entrypoints/egisso.content/selectors';
import { ECP_MIS_UPLOAD_RULES } from '../../../entrypoints/ecp-mis.content/selectors';
import { SSTU_UPLOAD_RULES } from '../../../entrypoints/sstu.content/selectors';

describe('which kind a portal input expects, from the words around it', () => {
  it('ТОР КНД: the import task expects the ЕРУЛ result; other inputs expect nothing in particular', () => {
    expect(expectedKind(['Загружаемый файл', 'Загрузка присвоенных номеров лицензий из ЕРУЛ', 'Новая задача'], TOR_KND_UPLOAD_RULES)).toBe('erul-renumbering-result');
    expect(expectedKind(['Прикрепить документ', 'Проверка'], TOR_KND_UPLOAD_RULES)).toBeNull();
  });
  it('ЕРУЛ «Переприсвоение» expects the ТОР КНД registry export', () => {
    expect(expectedKind(['Файлы', 'Переприсвоение'], ERUL_UPLOAD_RULES)).toBe('tor-knd-registry-export');
    expect(expectedKind(['Лицензии'], ERUL_UPLOAD_RULES)).toBeNull();
  });
  it('ЕГИССО cabinet expects an outgoing package; a protocol input a protocol', () => {
    expect(expectedKind(['Загрузка пакета'], EGISSO_UPLOAD_RULES)).toBe('egisso-package');
    expect(expectedKind(['Загрузить файл протокола обработки'], EGISSO_UPLOAD_RULES)).toBe('egisso-protocol');
  });
  it('ЕЦП.МИС «Загрузить файл протокола обработки» expects the processing protocol', () => {
    expect(expectedKind(['Загрузка файла протокола обработки', 'Журнал запросов в ЕГИССО'], ECP_MIS_UPLOAD_RULES)).toBe('egisso-protocol');
    expect(expectedKind(['Сведения о лице'], ECP_MIS_UPLOAD_RULES)).toBeNull();
  });
  it('ССТУ.РФ expects an archive', () => {
    expect(expectedKind(['Загрузка архива с данными об обращениях'], SSTU_UPLOAD_RULES)).toBe('sstu-archive');
  });
  it('the nearest words win over the page title', () => {
    expect(expectedKind(['Загрузить файл протокола обработки', 'Загрузка пакета'], EGISSO_UPLOAD_RULES)).toBe('egisso-protocol');
  });
});

describe('a file of the wrong kind for the input', () => {
  it('says what the file is and what the input waits for', () => {
    expect(wrongKindMessage('egisso-protocol', 'erul-renumbering-result')).toBe('Это протокол обработки, а здесь ждут результат ЕРУЛ');
    expect(wrongKindMessage('erul-renumbering-result', 'tor-knd-registry-export')).toBe('Это результат ЕРУЛ, а здесь ждут выгрузку реестра лицензий из ТОР КНД');
    expect(wrongKindMessage('unknown', 'sstu-archive')).toBe('Сверка не узнала этот файл, а здесь ждут архив для ССТУ.РФ (Файл_N.zip). Проверьте, тот ли файл выбран.');
  });
  it('says nothing when the kind is right or nothing is expected', () => {
    expect(wrongKindMessage('sstu-archive', 'sstu-archive')).toBeNull();
    expect(wrongKindMessage('egisso-protocol', null)).toBeNull();
  });
  it('only known kinds can be expected (a page cannot claim anything else)', () => {
    expect(isExpectedKind('egisso-package')).toBe(true);
    expect(isExpectedKind('erul-renumbering-result')).toBe(true);
    expect(isExpectedKind('unknown')).toBe(false);
    expect(isExpectedKind('constructor')).toBe(false);
    expect(isExpectedKind('<img>')).toBe(false);
  });
});
