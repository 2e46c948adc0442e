/**
 * Auto-ticks from the real checks of generated fixture files (the renumbering and ССТУ fixture scripts),
 * so the predicates follow what the checks actually put into reports.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES_DIR } from '../../../scripts/make-fixtures';
import { checkSource } from '../../../lib/checks/registry';
import { bytesSource } from '../../../lib/formats/source';
import type { CheckReport } from '../../../lib/checks/report';
import { evaluateChecklist, periodClosed, procedureById, type ChecklistView } from '../../../lib/checklists';

async function check(rel: string): Promise<CheckReport> {
  return checkSource(rel.split('/').pop()!, bytesSource(new Uint8Array(readFileSync(join(FIXTURES_DIR, rel)))));
}

function step(view: ChecklistView, id: string) {
  for (const s of view.sections) for (const st of s.steps) if (st.step.id === id) return st;
  throw new Error(`no step ${id}`);
}

describe('checklist auto-ticks from real checked files', () => {
  it('an ЕРУЛ result with errors still ticks «Проверить файл на наличие ошибок» (the check was done)', async () => {
    const erul = await check('renumbering/erul-mixed.json');
    expect(erul.kind).toBe('erul-renumbering-result');
    const s = step(evaluateChecklist(procedureById('renumbering')!, [erul]), 's8-check');
    expect(s.done).toBe(true);
    expect(s.auto?.reason).toBe(
      'Файл результата ЕРУЛ «erul-mixed.json» проверен расширением: 10 записей, переприсвоено 6, уже в ЕРУЛ 3, ошибок 1, ошибок пар 0.',
    );
  });

  it('a truncated ЕРУЛ result does not tick it and asks to download again', async () => {
    const erul = await check('renumbering/erul-truncated.json');
    const s = step(evaluateChecklist(procedureById('renumbering')!, [erul]), 's8-check');
    expect(s.done).toBe(false);
    expect(s.auto?.reason).toContain('«erul-truncated.json» не удалось прочитать');
  });

  it('the ТОР КНД import result ticks step 14', async () => {
    const imp = await check('renumbering/import-ok.json');
    expect(step(evaluateChecklist(procedureById('renumbering')!, [imp]), 's14').done).toBe(true);
  });

  it('a status report with every ЛКО closed ticks «Закрыть отчетный период»; a mixed one does not', async () => {
    const ok = await check('sstu/status-ok.xlsx');
    const mixed = await check('sstu/status-mixed.xls');
    expect(periodClosed(ok)).toBe(true);
    expect(periodClosed(mixed)).toBe(false);
    const proc = procedureById('sstu-tree-manual')!;
    expect(step(evaluateChecklist(proc, [mixed]), 'close').done).toBe(false);
    const after = evaluateChecklist(proc, [mixed, ok]);
    expect(step(after, 'close').done).toBe(true);
    expect(step(after, 'close').auto?.reason).toBe('По файлу «status-ok.xlsx» отчетный период закрыт.');
    expect(step(after, 'tree-status').done).toBe(true);
  });

  it('archives and lists of the ССТУ export tick their steps', async () => {
    const reports = [await check('sstu/unbound-own.xls'), await check('sstu/archives/Файл_1.zip'), await check('sstu/archives/Файл_2.zip')];
    const v = evaluateChecklist(procedureById('sstu-own-manual')!, reports);
    expect(step(v, 'unbound-check').done).toBe(true);
    expect(step(v, 'unbound-fix').done).toBe(false);
    expect(step(v, 'download').auto?.reason).toBe('Скачано и проверено архивов: 2 (Файл_1.zip, Файл_2.zip), повреждений нет.');
    const api = evaluateChecklist(procedureById('sstu-own-api')!, [await check('sstu/errors-empty.xlsx')]);
    expect(step(api, 'no-errors').done).toBe(true);
  });
});
