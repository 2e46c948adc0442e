/**
 * «Идентификатор органа в ССТУ.РФ» (seed 004, п. 1): without it nothing of the ЛКО goes to ССТУ.РФ, neither
 * by archive nor through the API. The portal shows it as a GUID.
 */
import { checkGuid } from '../ids/guid';

export interface SstuIdProblem {
  code: 'sstu-id-empty' | 'sstu-id-not-guid';
  /** Russian: what is wrong and what to do. */
  message: string;
}

/** null when the value is a GUID; otherwise what the official should do. */
export function sstuIdProblem(value: string): SstuIdProblem | null {
  const v = value.trim();
  if (!v) {
    return {
      code: 'sstu-id-empty',
      message:
        'Поле «Идентификатор органа в ССТУ.РФ» пустое: пока его нет, данные в ССТУ.РФ не выгрузить ни архивом, ни через API. ' +
        'Получите идентификатор в органе, в ведении которого находится ваша организация, и внесите его сюда.',
    };
  }
  const r = checkGuid(v);
  if (r.ok) return null;
  return {
    code: 'sstu-id-not-guid',
    message: `«${v.length > 60 ? `${v.slice(0, 60)}…` : v}» не похоже на идентификатор органа в ССТУ.РФ: он записывается как GUID из 32 шестнадцатеричных цифр с дефисами (например, 3db1be3b-bed1-49f6-ab4c-d138a81a9505). Проверьте, не потерялись ли символы при копировании.`,
  };
}
