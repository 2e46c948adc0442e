/**
 * The checklist page: `?id=<procedure>` shows one procedure, `?process=<process>` the choice between its
 * variants, nothing — every procedure. Progress and the checked files come in as props (storage, journal).
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  PROCEDURES,
  PROCESS_TITLES,
  evaluateChecklist,
  isProcessId,
  periodTitle,
  procedureById,
  proceduresOf,
  reportingPeriod,
  resetScope,
  scopeKey,
  setMark,
  type ChecklistProgress,
  type ProcessId,
  type Procedure,
} from '../../lib/checklists';
import type { CheckReport } from '../../lib/checks/report';
import { ChecklistSteps } from './ChecklistSteps';

export interface ProgressStore {
  load(): Promise<ChecklistProgress>;
  save(progress: ChecklistProgress): Promise<void>;
}

export interface ChecklistPageProps {
  params: URLSearchParams;
  store: ProgressStore;
  /**
   * A hook giving the checked files that may tick steps, oldest first (null while loading). The extension
   * page passes a live journal query, so a check finished in the background ticks steps without a reload.
   */
  useReports(procedure: Procedure, period: string | undefined): CheckReport[] | null;
  now?: () => Date;
}

function ProcedureCards({ list }: { list: readonly Procedure[] }) {
  return (
    <ul class="procedure-list">
      {list.map((p) => (
        <li key={p.id} class="card">
          <a href={`?id=${encodeURIComponent(p.id)}`}>{p.title}</a>
          <p class="muted">{p.when}</p>
        </li>
      ))}
    </ul>
  );
}

function Overview({ process }: { process?: ProcessId }) {
  if (process) {
    return (
      <main class="checklists-page">
        <h1>{PROCESS_TITLES[process]}</h1>
        <p>Выберите ваш случай:</p>
        <ProcedureCards list={proceduresOf(process)} />
        <p><a href="?">Все порядки действий</a></p>
      </main>
    );
  }
  return (
    <main class="checklists-page">
      <h1>Порядок действий</h1>
      {(Object.keys(PROCESS_TITLES) as ProcessId[]).map((pid) => (
        <section key={pid} aria-labelledby={`process-${pid}`}>
          <h2 id={`process-${pid}`}>{PROCESS_TITLES[pid]}</h2>
          <ProcedureCards list={PROCEDURES.filter((p) => p.process === pid)} />
        </section>
      ))}
    </main>
  );
}

function ProcedurePage({ procedure, store, useReports, initialPeriod }: { procedure: Procedure; store: ProgressStore; useReports: ChecklistPageProps['useReports']; initialPeriod: string }) {
  const [progress, setProgress] = useState<ChecklistProgress | null>(null);
  const [period, setPeriod] = useState(initialPeriod);
  const [status, setStatus] = useState('');
  const scope = scopeKey(procedure, procedure.monthly ? period : undefined);
  const reports = useReports(procedure, procedure.monthly ? period : undefined);

  useEffect(() => {
    store.load().then(setProgress, () => setProgress({}));
  }, []);

  const view = useMemo(() => evaluateChecklist(procedure, reports ?? [], progress?.[scope] ?? {}), [procedure, reports, progress, scope]);
  if (!progress) return <p>Загрузка…</p>;

  const persist = (next: ChecklistProgress) => {
    setProgress(next);
    store.save(next).then(
      () => setStatus(''),
      () => setStatus('Отметку сохранить не удалось: место в браузере, видимо, закончилось.'),
    );
  };

  return (
    <main class="checklists-page">
      <p>
        {proceduresOf(procedure.process).length > 1 ? (
          <a href={`?process=${procedure.process}`}>← {PROCESS_TITLES[procedure.process]}: другие случаи</a>
        ) : (
          <a href="?">← Все порядки действий</a>
        )}
      </p>
      <h1>{procedure.title}</h1>
      <p>{procedure.when}</p>
      <p class="muted">Источник: {procedure.source}.</p>
      {procedure.monthly && (
        <div class="period">
          <label for="period">Отчетный месяц</label>
          <input id="period" type="month" value={period} onChange={(e) => e.currentTarget.value && setPeriod(e.currentTarget.value)} />
          <span class="muted"> {periodTitle(period)}: данные передаются с 1-го по 5-е число следующего месяца.</span>
        </div>
      )}
      <p class="muted">
        Шаги, которые расширение видит по проверенным файлам, отмечаются сами. Остальные отмечайте сами — отметки хранятся в этом браузере.
      </p>
      <ChecklistSteps view={view} onToggle={(stepId, done) => persist(setMark(progress, scope, stepId, done, new Date()))} />
      <div class="row" style={{ marginTop: '12px' }}>
        <button type="button" onClick={() => persist(resetScope(progress, scope))}>Сбросить мои отметки</button>
        <span role="status">{status}</span>
      </div>
    </main>
  );
}

export function ChecklistPage({ params, store, useReports, now = () => new Date() }: ChecklistPageProps) {
  const id = params.get('id');
  const process = params.get('process');
  const procedure = id ? procedureById(id) : undefined;
  const period = /^\d{4}-\d{2}$/.test(params.get('period') ?? '') ? params.get('period')! : reportingPeriod(now());
  if (procedure) return <ProcedurePage procedure={procedure} store={store} useReports={useReports} initialPeriod={period} />;
  if (id) {
    return (
      <main class="checklists-page">
        <h1>Порядок действий не найден</h1>
        <p>Ссылка устарела или набрана с ошибкой. Выберите нужный порядок из списка.</p>
        <p><a href="?">Все порядки действий</a></p>
      </main>
    );
  }
  return <Overview process={process && isProcessId(process) ? process : undefined} />;
}
