/**
 * The report page: a drop zone and file picker (several files at once) → checks with a progress bar →
 * reports. `?id=N` opens a journal entry (from the popup, an in-page badge or the journal).
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { CheckReport } from '../../lib/checks/report';
import { applyTogether } from '../../lib/checks/registry';
import { getCheck } from '../../lib/journal/store';
import { checkAndRecord } from '../../platform/check-and-record';
import { watchRunningChecks } from '../../platform/settle-alarm';
import { prewarmWorker } from '../../platform/isolated-check';
import { journal } from '../../platform/journal';
import { DropZone } from '../../components/DropZone';
import { FilesProgressCard, ReportList, type FilesProgress } from '../../components/ReportList';

export function ReportPage() {
  const [reports, setReports] = useState<CheckReport[]>([]);
  const [progress, setProgress] = useState<FilesProgress | null>(null);
  const [notice, setNotice] = useState<string>('');

  useEffect(() => {
    prewarmWorker();
    const id = Number(new URLSearchParams(location.search).get('id'));
    if (!id) return;
    void getCheck(journal, id).then((entry) => {
      if (entry) setReports([entry.report]);
      else setNotice('Эта проверка уже удалена из журнала (истёк срок хранения или журнал очищен).');
    });
  }, []);

  const checkFiles = async (files: File[]) => {
    if (!files.length) return;
    setNotice('');
    // the worker looks after these checks too: closing this page mid-check leaves no «Проверяется…» behind
    void watchRunningChecks().catch(() => undefined);
    const out: CheckReport[] = [];
    for (let i = 0; i < files.length; i++) {
      const f = files[i];
      setProgress({ done: i, total: files.length, current: f.name, fraction: 0, size: f.size });
      const { report, saveError } = await checkAndRecord(f, { at: Date.now(), fileName: f.name, portal: null, via: 'drop' }, (fraction) =>
        setProgress({ done: i, total: files.length, current: f.name, fraction, size: f.size }),
      );
      out.push(report);
      if (saveError) setNotice(saveError);
      // let the page breathe between files: 10,000 files must not freeze the tab
      await new Promise((r) => setTimeout(r, 0));
    }
    setProgress(null);
    setReports(applyTogether(out));
    void browser.runtime.sendMessage({ type: 'journal-changed' }).catch(() => undefined);
  };

  return (
    <main style={{ maxWidth: '1100px', margin: '0 auto', padding: '16px' }}>
      <h1>Сверка — проверка файлов</h1>
      <DropZone onFiles={(files) => void checkFiles(files)} disabled={!!progress} />
      {progress && <FilesProgressCard progress={progress} />}
      {notice && <p class="card" role="alert">{notice}</p>}
      <ReportList reports={reports} />
    </main>
  );
}
