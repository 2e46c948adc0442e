/**
 * Report view of the renumbering kinds (ТОР КНД export, ЕРУЛ result, ТОР КНД import): counts in plain Russian,
 * the mapping old → new → ЕРУЛ outcome → ТОР КНД import state (filter by state, search by number, paged so
 * 50,000 rows stay responsive), XLSX export, and the letter to ТОР КНД support. Text only.
 *
 * In a batch the table covers every renumbering file together; it is shown once, under the first of them.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { KindViewProps } from '../report-views';
import type { CheckReport } from '../../lib/checks/report';
import { RENUMBERING_KINDS } from '../../lib/renumbering/ledger';
import { buildMapping, filterRows, mappingFileName, mappingSheet, mappingSummary, STATE_ORDER, STATE_TEXT, type RowState } from '../../lib/renumbering/table';
import { buildXlsx, XLSX_MIME } from '../../lib/export/xlsx';
import { needsTorKndLetter, torKndSupportLetter } from '../../lib/letters/tor-knd-support';
import type { Profile } from '../../lib/settings';
import { MAX_LICENCES_PER_FILE } from '../../lib/checks/tor-knd-export';
import { plural } from '../../lib/plural';
import { saveFile as saveBytes } from '../save-file';
import { LetterActions } from '../LetterActions';
import { useProfile } from '../profile';

export const PAGE_SIZE = 100;

export function TorKndLetter({ reports, profile }: { reports: readonly CheckReport[]; profile?: Partial<Profile> }) {
  const loaded = useProfile(profile);
  const letter = useMemo(() => (loaded ? torKndSupportLetter(reports, loaded) : null), [reports, loaded]);
  if (!letter) return <p class="muted">Готовим письмо…</p>;
  return (
    <section class="card renumbering-letter" aria-label="Письмо в поддержку ТОР КНД">
      <h3>Письмо в службу поддержки ГИС ТОР КНД</h3>
      <p>
        Кому: <strong data-testid="letter-to">{letter.to}</strong>
        <br />
        Тема: <span data-testid="letter-subject">{letter.subject}</span>
      </p>
      <p class="warn-text" data-testid="letter-reminder">
        <strong>{letter.reminder}</strong>
      </p>
      <LetterActions body={letter.body} mailto={letter.mailto} />
    </section>
  );
}

export interface RenumberingViewProps extends KindViewProps {
  /** For tests and pages that already hold the profile; otherwise it is loaded from the settings. */
  profile?: Partial<Profile>;
}

export function RenumberingView({ report, batch, profile }: RenumberingViewProps) {
  const group = useMemo(() => {
    const all = batch.filter((r) => RENUMBERING_KINDS.has(r.kind));
    return all.includes(report) ? all : [report];
  }, [batch, report]);
  const first = group[0] === report;
  const mapping = useMemo(() => (first ? buildMapping(group) : null), [group, first]);
  const [state, setState] = useState<RowState | ''>('');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(0);
  const rows = useMemo(() => (mapping ? filterRows(mapping.rows, state, search) : []), [mapping, state, search]);
  useEffect(() => setPage(0), [state, search]);

  const perFile = report.kind === 'tor-knd-registry-export' && Array.isArray(report.details?.perFile)
    ? (report.details!.perFile as { name: string; licences: number }[])
    : [];
  const files = perFile.length > 0 && (
    <ul class="findings" data-testid="export-files" aria-label="Файлы выгрузки">
      {perFile.map((f) => (
        <li key={f.name} class={f.licences > MAX_LICENCES_PER_FILE ? 'error' : 'info'}>
          «{f.name}» — {f.licences} {plural(f.licences, 'лицензия', 'лицензии', 'лицензий')}
          {f.licences > MAX_LICENCES_PER_FILE ? ` — больше ${MAX_LICENCES_PER_FILE}: ЕРУЛ такой файл не примет` : ''}
        </li>
      ))}
    </ul>
  );
  if (!first) {
    return (
      <>
        {files}
        <p class="muted">Сводная таблица по всем файлам переприсвоения — в отчёте о файле «{group[0].file}».</p>
      </>
    );
  }
  if (!mapping || mapping.rows.length === 0) return files || null;
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const p = Math.min(page, pages - 1);
  const shown = rows.slice(p * PAGE_SIZE, (p + 1) * PAGE_SIZE);
  const letterFor = group.filter(needsTorKndLetter);

  return (
    <div class="renumbering">
      {files}
      <div class="card" data-testid="renumbering-summary">
        {group.length > 1 && (
          <p class="muted">
            По {group.length} {plural(group.length, 'файлу', 'файлам', 'файлам')} вместе: {group.slice(0, 5).map((r) => `«${r.file}»`).join(', ')}
            {group.length > 5 ? ` и ещё ${group.length - 5}` : ''}.
          </p>
        )}
        {mappingSummary(mapping).map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>

      <div class="row" role="search">
        <label class="row" style="font-weight: normal">
          Состояние:
          <select value={state} onChange={(e) => setState((e.currentTarget as HTMLSelectElement).value as RowState | '')} data-testid="state-filter">
            <option value="">все ({mapping.rows.length})</option>
            {STATE_ORDER.filter((s) => mapping.counts[s] > 0).map((s) => (
              <option key={s} value={s}>
                {STATE_TEXT[s]} ({mapping.counts[s]})
              </option>
            ))}
          </select>
        </label>
        <label class="row" style="font-weight: normal">
          Номер:
          <input type="search" value={search} placeholder="часть старого или нового номера" onInput={(e) => setSearch((e.currentTarget as HTMLInputElement).value)} data-testid="number-search" />
        </label>
        <button type="button" class="primary" data-testid="export-xlsx" onClick={() => saveBytes(buildXlsx([mappingSheet(rows)]), mappingFileName(), XLSX_MIME)}>
          Скачать XLSX{rows.length !== mapping.rows.length ? ` (${rows.length})` : ''}
        </button>
      </div>

      <table class="renumbering-table" aria-label="Старый номер → новый номер" data-testid="mapping-table">
        <thead>
          <tr>
            <th scope="col">Старый номер</th>
            <th scope="col">Новый номер</th>
            <th scope="col">Результат ЕРУЛ</th>
            <th scope="col">Загрузка в ТОР КНД</th>
            <th scope="col">Описание</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r, i) => (
            <tr key={`${p}-${i}`} data-state={r.state} class={r.state === 'failed' || r.state === 'orphanNew' || r.state === 'importMismatch' ? 'error' : ''}>
              <td>{r.old || '—'}</td>
              <td>{r.new || '—'}</td>
              <td>{r.erul}</td>
              <td>{r.import}</td>
              <td>
                <strong>{STATE_TEXT[r.state]}.</strong> {r.description}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p class="muted">Ничего не найдено.</p>}
      {pages > 1 && (
        <nav class="row" aria-label="Страницы таблицы">
          <button type="button" disabled={p === 0} onClick={() => setPage(p - 1)}>
            ← Назад
          </button>
          <span data-testid="page-info">
            Строки {p * PAGE_SIZE + 1}–{Math.min(rows.length, (p + 1) * PAGE_SIZE)} из {rows.length}
          </span>
          <button type="button" disabled={p >= pages - 1} onClick={() => setPage(p + 1)} data-testid="next-page">
            Вперёд →
          </button>
        </nav>
      )}

      {letterFor.length > 0 && <TorKndLetter reports={letterFor} profile={profile} />}
    </div>
  );
}
