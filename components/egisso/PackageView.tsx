/**
 * Report view of an outgoing ЕГИССО package (pre-flight): counts, the next action in one line, a table of
 * elements with their problems (filter by check, search by СНИЛС / ФИО / uuid), XLSX of the problems.
 * Personal data and file contents are rendered as text only.
 */
import { useMemo, useState } from 'preact/hooks';
import type { KindViewProps } from '../report-views';
import { filterRows, packageSheets, packageView, packageXlsxName, positionText, snilsText } from '../../lib/egisso/package-view';
import { PACKAGE_CHECK_INFO } from '../../lib/egisso/package-checks';
import { buildXlsx, XLSX_MIME } from '../../lib/export/xlsx';
import { plural } from '../../lib/plural';
import { saveFile as saveBytes } from '../save-file';

const ROWS_SHOWN = 300;

const elementsWord = (n: number) => `${n} ${plural(n, 'элемент', 'элемента', 'элементов')}`;

export function EgissoPackageView({ report }: KindViewProps) {
  const v = useMemo(() => packageView(report), [report]);
  const [check, setCheck] = useState('');
  const [query, setQuery] = useState('');
  const rows = useMemo(() => filterRows(v.rows, check, query), [v, check, query]);
  if (report.findings.some((f) => f.code === 'unreadable')) return null;
  const exportXlsx = () => saveBytes(buildXlsx(packageSheets(v)), packageXlsxName(v), XLSX_MIME);

  return (
    <div class="egisso-package">
      <p data-testid="egisso-package-next"><strong>{v.nextAction}</strong></p>
      <table class="summary" aria-label="Пакет ЕГИССО">
        <tbody>
          <tr><th scope="row">Формат</th><td>{v.message} {v.version}{v.withdrawn ? ' — версия отозвана, ЕГИССО не примет пакет' : ''}</td></tr>
          <tr><th scope="row">Пакет</th><td>{v.packageId || '—'}</td></tr>
          <tr>
            <th scope="row">Элементов</th>
            <td data-testid="egisso-package-counts">
              {v.elements}{v.message === '10.06.S' ? `, из них фактов назначения ${v.facts}` : ''}
              {`; с ошибками ${v.problems}`}
              {v.warned ? `; только с предупреждениями ${v.warned}` : ''}
            </td>
          </tr>
          {v.lmszSource && <tr><th scope="row">Меры сверены с</th><td>{v.lmszSource}</td></tr>}
        </tbody>
      </table>

      {v.checks.length > 0 && (
        <>
          <h3>Что найдено</h3>
          <ul class="findings egisso-package-checks">
            {v.checks.map((c) => (
              <li key={c.check} class={c.severity === 'error' ? 'error' : 'warn'} data-check={c.check}>
                <strong>{c.title}</strong>: {elementsWord(c.count)}
                <div><em>Что сделать:</em> {PACKAGE_CHECK_INFO[c.check].fix}</div>
              </li>
            ))}
          </ul>
        </>
      )}

      {v.rows.length > 0 && (
        <>
          <h3>Элементы с замечаниями ({rows.length})</h3>
          <div class="row">
            <label>
              Проверка{' '}
              <select value={check} onChange={(e) => setCheck((e.currentTarget as HTMLSelectElement).value)}>
                <option value="">все</option>
                {v.checks.map((c) => (
                  <option key={c.check} value={c.check}>{c.title} ({c.count})</option>
                ))}
              </select>
            </label>
            <label>
              Найти{' '}
              <input type="search" value={query} placeholder="СНИЛС, ФИО или uuid" onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)} />
            </label>
            <button type="button" class="primary" onClick={exportXlsx}>Скачать ошибки (XLSX)</button>
          </div>
          <table class="egisso-package-rows">
            <thead>
              <tr><th>Строка</th><th>Элемент</th><th>Получатель</th><th>Идентификатор (uuid)</th><th>Что не так</th></tr>
            </thead>
            <tbody>
              {rows.slice(0, ROWS_SHOWN).map((r) => (
                <tr key={r.index} class={r.problems.some((p) => p.severity === 'error') ? 'error' : 'warn'} data-uuid={r.uuid}>
                  <td>{r.line}</td>
                  <td>{positionText(r)}</td>
                  <td>{r.person || '—'}{r.snils ? `, СНИЛС ${snilsText(r.snils)}` : ''}</td>
                  <td>{r.uuid || '—'}</td>
                  <td>
                    {r.problems.map((p, i) => (
                      <div key={i} data-check={p.check}>
                        {PACKAGE_CHECK_INFO[p.check].title}: {p.text}
                      </div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length > ROWS_SHOWN && <p class="muted">Показаны первые {ROWS_SHOWN} из {rows.length}; все — в выгрузке XLSX.</p>}
          {v.rowsTruncated && <p class="muted">Элементов с замечаниями очень много: в отчёт и выгрузку вошли первые {v.rows.length}.</p>}
        </>
      )}
    </div>
  );
}
