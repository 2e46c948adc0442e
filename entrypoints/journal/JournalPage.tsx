/**
 * The journal of checks: search (file name, licence number, ЛКО, package id), date range and verdict
 * filters, a detail view (the report page's view), delete one, export (JSON with its schema version, XLSX)
 * and import back. Live: a check finished in the background appears without reload.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { Fragment } from 'preact';
import { browser } from 'wxt/browser';
import type { Verdict } from '../../lib/checks/report';
import { KIND_IDS, KIND_TITLES } from '../../lib/checks/kinds';
import { headline } from '../../lib/checks/headline';
import { PORTALS } from '../../lib/portals';
import { formatDateTime } from '../../lib/dates';
import { deleteCheck, getCheck } from '../../lib/journal/store';
import { searchChecks, type JournalQuery } from '../../lib/journal/queries';
import { exportFileName, exportJournal, importJournal, ImportError, journalSheet, parseJournalExport } from '../../lib/journal/transfer';
import { isQuotaError, QUOTA_MESSAGE } from '../../lib/journal/errors';
import type { CheckEntry } from '../../lib/journal/schema';
import { plural } from '../../lib/plural';
import { journal } from '../../platform/journal';
import { useLive } from '../../components/useLive';
import { VerdictBadge } from '../../components/VerdictBadge';
import { RUNNING_HEADLINE } from '../../components/verdict-words';
import { useShown } from '../../components/useShown';
import { ReportView } from '../../components/ReportView';
import { saveFile } from '../../components/save-file';
import { Pager } from '../../components/Pager';

const portalName = (id: string | null) => PORTALS.find((p) => p.id === id)?.name ?? 'файл с компьютера';
const PAGE = 200;

/** «2026-11-23» from <input type=date> → local midnight (start) or the end of that day. */
function dayBound(value: string, end: boolean): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return undefined;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return end ? d.getTime() + 24 * 60 * 60 * 1000 - 1 : d.getTime();
}

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

function notifyChanged() {
  void browser.runtime.sendMessage({ type: 'journal-changed' }).catch(() => undefined);
}

export function JournalPage() {
  const params = new URLSearchParams(location.search);
  const [text, setText] = useState(params.get('q') ?? '');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [verdict, setVerdict] = useState<Verdict | ''>('');
  const [kind, setKind] = useState(params.get('kind') ?? '');
  const [selected, setSelected] = useState<number | null>(Number(params.get('id')) || null);
  const [confirmDelete, setConfirmDelete] = useState<number | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [storageWarning, setStorageWarning] = useState('');

  const debouncedText = useDebounced(text, 200);
  const filters = { text: debouncedText, from: dayBound(from, false), to: dayBound(to, true), verdict, kind };
  const filterKey = JSON.stringify(filters);
  const [pageNo, setPageNo] = useState(0);
  // new filters start from the first page
  useEffect(() => setPageNo(0), [filterKey]);
  const query: JournalQuery = { ...filters, limit: PAGE, offset: pageNo * PAGE };
  const page = useLive(() => searchChecks(journal, query), [JSON.stringify(query)], null);
  const pages = page ? Math.ceil(page.total / PAGE) : 0;
  const shownEntries = useShown(page?.entries);
  const detailRef = useRef<HTMLElement>(null);
  const openedFrom = useRef<number | null>(null);
  const open = (id: number) => {
    openedFrom.current = id;
    setSelected(id);
  };
  const close = () => {
    const back = openedFrom.current;
    setSelected(null);
    openedFrom.current = null;
    if (back !== null) {
      queueMicrotask(() => document.querySelector<HTMLButtonElement>(`tr.journal-entry[data-id="${back}"] button.open-detail`)?.focus());
    }
  };
  const detail = useLive(() => (selected ? getCheck(journal, selected) : Promise.resolve(undefined)), [selected], null as CheckEntry | undefined | null);
  const detailReady = selected !== null && detail !== null;
  // the opened detail comes into view and takes the focus (it opens beside its row)
  useEffect(() => {
    if (!detailReady || openedFrom.current === null) return;
    const el = detailRef.current;
    el?.scrollIntoView({ block: 'nearest' });
    el?.focus();
  }, [detailReady, selected]);

  useEffect(() => {
    void navigator.storage?.estimate?.().then((e) => {
      if (e.quota && e.usage && e.usage / e.quota > 0.9) {
        setStorageWarning('Место для журнала в браузере почти закончилось: удалите старые проверки или уменьшите срок хранения в настройках, иначе новые проверки не сохранятся.');
      }
    });
  }, []);

  const say = (text: string, error = false) => setMessage({ text, error });

  const remove = async (id: number) => {
    await deleteCheck(journal, id);
    setConfirmDelete(null);
    if (selected === id) setSelected(null);
    say('Проверка удалена из журнала.');
    notifyChanged();
  };

  const exportJson = async () => {
    setBusy(true);
    try {
      const data = await exportJournal(journal);
      saveFile(JSON.stringify(data), `${exportFileName()}.json`, 'application/json');
      say(`Журнал выгружен: ${data.checks.length} ${plural(data.checks.length, 'проверка', 'проверки', 'проверок')}.`);
    } finally {
      setBusy(false);
    }
  };

  const exportXlsx = async () => {
    setBusy(true);
    try {
      // SheetJS is loaded only when asked for
      const { buildXlsx, XLSX_MIME } = await import('../../lib/export/xlsx');
      const entries = await journal.checks.orderBy('lastSeenAt').reverse().toArray();
      saveFile(buildXlsx([journalSheet(entries)]) as BlobPart, `${exportFileName()}.xlsx`, XLSX_MIME);
      say(`Журнал выгружен в XLSX: ${entries.length} ${plural(entries.length, 'строка', 'строки', 'строк')}.`);
    } finally {
      setBusy(false);
    }
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    try {
      const data = parseJournalExport(await file.text());
      const r = await importJournal(journal, data);
      say(
        `Загружено из «${file.name}»: новых проверок — ${r.added}, объединено с уже имеющимися — ${r.merged}, без изменений — ${r.unchanged}.`,
      );
      notifyChanged();
    } catch (err) {
      if (err instanceof ImportError) say(err.message, true);
      else if (isQuotaError(err)) say(QUOTA_MESSAGE, true);
      else say(`Файл «${file.name}» не удалось загрузить: ${(err as Error).message}. Ничего не изменено.`, true);
    } finally {
      setBusy(false);
    }
  };

  const detailSection = () => (
    <section class="journal-detail" aria-label="Подробно о проверке" tabIndex={-1} ref={detailRef}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          close();
        }
      }}>
      {detail ? (
        <>
          <div class="row" style={{ justifyContent: 'space-between' }}>
            <h2>Подробно: {detail.fileName}</h2>
            <button type="button" onClick={close}>Закрыть</button>
          </div>
          <p class="muted">
            Впервые: {formatDateTime(detail.firstSeenAt)} · последний раз: {formatDateTime(detail.lastSeenAt)} · SHA-256 {detail.sha256.slice(0, 16)}…
          </p>
          <details>
            <summary>Когда и откуда файл приходил ({detail.sightings.length})</summary>
            <ul>
              {detail.sightings.map((s, i) => (
                <li key={i}>{formatDateTime(s.at)} — {s.fileName} ({portalName(s.portal)}){s.sourceUrl ? `, ${s.sourceUrl}` : ''}</li>
              ))}
            </ul>
          </details>
          <ReportView report={detail.report} batch={[detail.report]} />
        </>
      ) : detail === null ? (
        <p class="muted">Загрузка…</p>
      ) : (
        <p class="muted">Эта проверка удалена из журнала.</p>
      )}
    </section>
  );

  return (
    <main style={{ maxWidth: '1100px', margin: '0 auto', padding: '16px' }}>
      <h1>Сверка — журнал проверок</h1>
      {storageWarning && <p class="card error-text" role="alert">{storageWarning}</p>}
      <form class="card journal-filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label for="journal-search">Поиск: имя файла, номер лицензии, ЛКО, идентификатор пакета</label>
        <input id="journal-search" type="search" style={{ width: '100%' }} value={text} onInput={(e) => setText(e.currentTarget.value)} placeholder="например, Л041-00110-77/00012345" />
        <div class="row">
          <div>
            <label for="journal-from">С даты</label>
            <input id="journal-from" type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
          </div>
          <div>
            <label for="journal-to">По дату</label>
            <input id="journal-to" type="date" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
          </div>
          <div>
            <label for="journal-verdict">Итог</label>
            <select id="journal-verdict" value={verdict} onChange={(e) => setVerdict(e.currentTarget.value as Verdict | '')}>
              <option value="">любой</option>
              <option value="error">нужно действие</option>
              <option value="warn">посмотрите</option>
              <option value="ok">в порядке</option>
            </select>
          </div>
          <div>
            <label for="journal-kind">Вид файла</label>
            <select id="journal-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value)}>
              <option value="">любой</option>
              {KIND_IDS.map((k) => <option key={k} value={k}>{KIND_TITLES[k]}</option>)}
            </select>
          </div>
        </div>
      </form>

      <div class="row">
        <button type="button" disabled={busy} onClick={() => void exportJson()}>Выгрузить журнал (JSON)</button>
        <button type="button" disabled={busy} onClick={() => void exportXlsx()}>Выгрузить журнал (XLSX)</button>
        <label class="button" for="journal-import" style={{ margin: 0, fontWeight: 'normal' }}>Загрузить выгрузку журнала…</label>
        <input id="journal-import" class="sr-only" type="file" accept=".json,application/json" disabled={busy}
          onChange={(e) => {
            const input = e.currentTarget;
            void importFile(input.files?.[0]).then(() => (input.value = ''));
          }} />
      </div>
      {message && <p class={`card journal-message${message.error ? ' error-text' : ''}`} role={message.error ? 'alert' : 'status'}>{message.text}</p>}

      {selected !== null && !page?.entries.some((e) => e.id === selected) && detailSection()}
      {page && (
        <p class="muted journal-total" role="status">
          {page.total === 0
            ? 'Ничего не найдено.'
            : `Найдено: ${page.total}${pages > 1 ? `, показаны ${pageNo * PAGE + 1}–${pageNo * PAGE + page.entries.length}` : ''}.`}
        </p>
      )}
      {page && page.entries.length > 0 && (
        <table class="journal-list">
          <thead>
            <tr>
              <th scope="col">Когда</th>
              <th scope="col">Файл</th>
              <th scope="col">Итог</th>
              <th scope="col">Кратко</th>
              <th scope="col"><span class="sr-only">Действия</span></th>
            </tr>
          </thead>
          <tbody>
            {(shownEntries ?? []).map((e) => (
              <Fragment key={e.id}>
              <tr class="journal-entry" data-id={e.id} data-verdict={e.status === 'running' ? 'running' : e.verdict}>
                <td>{formatDateTime(e.lastSeenAt)}</td>
                <td>
                  <span class="file-name" style={{ wordBreak: 'break-all' }}>{e.fileName}</span>
                  <div class="muted">{portalName(e.portal)} · {KIND_TITLES[e.kind]}</div>
                </td>
                <td><VerdictBadge verdict={e.verdict} running={e.status === 'running'} /></td>
                <td>{e.status === 'running' ? RUNNING_HEADLINE : headline(e.report)}</td>
                <td>
                  <div class="row">
                    <button type="button" class="open-detail" aria-expanded={selected === e.id} onClick={() => (selected === e.id ? close() : open(e.id!))}>Подробно</button>
                    {confirmDelete === e.id ? (
                      <>
                        <button type="button" class="primary confirm-delete" onClick={() => void remove(e.id!)}>Да, удалить</button>
                        <button type="button" onClick={() => setConfirmDelete(null)}>Отмена</button>
                      </>
                    ) : (
                      <button type="button" onClick={() => setConfirmDelete(e.id!)}>Удалить</button>
                    )}
                  </div>
                </td>
              </tr>
              {selected === e.id && (
                <tr class="journal-detail-row">
                  <td colSpan={5}>{detailSection()}</td>
                </tr>
              )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
      {page && <Pager page={pageNo} pages={pages} onPage={(p) => { setPageNo(p); window.scrollTo(0, 0); }} label="Страницы журнала" />}

    </main>
  );
}
