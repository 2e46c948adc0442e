import { useState } from 'preact/hooks';
import type { CheckReport } from '../lib/checks/report';
import { KIND_TITLES } from '../lib/checks/kinds';
import { headline } from '../lib/checks/headline';
import { VerdictBadge } from './VerdictBadge';
import { Pager } from './Pager';

const PAGE = 200;

/** Many files checked at once: one line each, errors first; a line opens its full report. */
export function BatchTable({ reports, onOpen }: { reports: readonly CheckReport[]; onOpen: (index: number) => void }) {
  const [page, setPage] = useState(0);
  const order = reports
    .map((r, i) => ({ r, i }))
    .sort((a, b) => rank(b.r) - rank(a.r) || a.i - b.i);
  const pages = Math.ceil(order.length / PAGE);
  const shown = order.slice(page * PAGE, (page + 1) * PAGE);
  const counts = { error: 0, warn: 0, ok: 0 };
  for (const r of reports) counts[r.verdict]++;
  return (
    <section class="card batch" aria-label="Проверенные файлы">
      <h2>Проверено файлов: {reports.length}</h2>
      <p>
        Нужно действие: <strong>{counts.error}</strong> · посмотреть: <strong>{counts.warn}</strong> · в порядке: <strong>{counts.ok}</strong>
      </p>
      <table>
        <thead>
          <tr><th>Файл</th><th>Что это</th><th>Итог</th><th>Коротко</th><th><span class="sr-only">Действие</span></th></tr>
        </thead>
        <tbody>
          {shown.map(({ r, i }) => (
            <tr key={i} data-verdict={r.verdict}>
              <td style={{ wordBreak: 'break-all' }}>{r.file}</td>
              <td>{KIND_TITLES[r.kind]}</td>
              <td><VerdictBadge verdict={r.verdict} /></td>
              <td>{headline(r)}</td>
              <td><button type="button" onClick={() => onOpen(i)}>Отчёт</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager page={page} pages={pages} onPage={setPage} label="Страницы списка файлов" />
    </section>
  );
}

function rank(r: CheckReport): number {
  return r.verdict === 'error' ? 2 : r.verdict === 'warn' ? 1 : 0;
}
