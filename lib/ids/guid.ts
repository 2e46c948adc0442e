import { bad, ok, type IdCheck } from './result';

const GUID = /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i;

/** A GUID such as the «Идентификатор органа в ССТУ.РФ». */
export function checkGuid(input: string): IdCheck {
  const v = input.trim();
  if (!v) return bad('Идентификатор не указан.');
  return GUID.test(v) ? ok(v.replace(/[{}]/g, '').toLowerCase()) : bad('Идентификатор записан неверно: ожидается GUID вида 3f2504e0-4f89-11d3-9a0c-0305e82c3301.');
}
