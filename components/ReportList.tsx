/**
 * Reports of files checked together, as the report page and the userscript's overlay show them: every report
 * in full up to a dozen files, above that a table of files first (a line opens its report). With the progress
 * of the files still being checked.
 */
import { useEffect, useState } from 'preact/hooks';
import type { CheckReport } from '../lib/checks/report';
import { ReportView } from './ReportView';
import { BatchTable } from './BatchTable';
import { BatchOverview, reportAnchor } from './BatchOverview';
import { progressText } from '../lib/progress-text';

/** Up to this many files, every report is shown in full; above it, a table of files first. */
export const FULL_REPORTS_UP_TO = 12;

export interface FilesProgress {
  done: number;
  total: number;
  current: string;
  fraction: number;
  /** Bytes of the current file: the card then says how far it got («45 % из 99,87 МБ»). */
  size?: number;
}

export function FilesProgressCard({ progress }: { progress: FilesProgress }) {
  return (
    <div class="card" role="status" aria-live="polite">
      <p>
        Проверяется файл {progress.done + 1} из {progress.total}: {progress.current}
      </p>
      {progress.size !== undefined && <p class="progress-text">{progressText(progress.fraction, progress.size)}</p>}
      <progress max={1} value={(progress.done + progress.fraction) / progress.total} aria-label="Ход проверки" />
    </div>
  );
}

export function ReportList({ reports }: { reports: readonly CheckReport[] }) {
  const [opened, setOpened] = useState<number | null>(null);
  useEffect(() => setOpened(null), [reports]);
  if (reports.length > FULL_REPORTS_UP_TO) {
    return (
      <>
        <BatchTable reports={reports} onOpen={setOpened} />
        {opened !== null && reports[opened] && <ReportView report={reports[opened]} batch={reports} />}
      </>
    );
  }
  return (
    <div aria-live="polite">
      {reports.length > 1 && <BatchOverview reports={reports} />}
      {reports.map((r, i) => (
        <ReportView key={`${r.file}-${i}`} report={r} batch={reports} id={reports.length > 1 ? reportAnchor(i) : undefined} />
      ))}
    </div>
  );
}
