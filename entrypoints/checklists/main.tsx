import { render } from 'preact';
import '../../components/ui.css';
import '../../components/checklists/checklists.css';
import { ChecklistPage } from '../../components/checklists/ChecklistPage';
import { useLive } from '../../components/useLive';
import type { Procedure } from '../../lib/checklists';
import type { CheckReport } from '../../lib/checks/report';
import { journalReports, storageProgress } from './storage';

function useJournalReports(procedure: Procedure, period: string | undefined): CheckReport[] | null {
  return useLive(() => journalReports(procedure, period), [procedure.id, period], null as CheckReport[] | null);
}

render(
  <ChecklistPage params={new URLSearchParams(location.search)} store={storageProgress} useReports={useJournalReports} />,
  document.getElementById('app')!,
);
