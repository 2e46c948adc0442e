import type { CheckReport } from '../checks/report';

const MAX_TERMS = 20_000;

/**
 * Words a check can be found by: its file name, licence numbers, ЛКО ids, package id. Kept lower-case;
 * search matches by prefix on them.
 */
export function searchTermsOf(fileName: string, report: CheckReport): string[] {
  const terms = new Set<string>();
  const add = (v: unknown) => {
    if (typeof v !== 'string' && typeof v !== 'number') return;
    const s = String(v).trim().toLowerCase();
    if (s && s.length <= 200 && terms.size < MAX_TERMS) terms.add(s);
  };
  add(fileName.split(/[\\/]/).pop());
  for (const r of report.records ?? []) {
    add(r.old);
    add(r.new);
  }
  for (const t of report.topics ?? []) for (const l of t.lko) add(l);
  const d = report.details ?? {};
  for (const key of ['packageId', 'packageID', 'lkoIds', 'licences']) {
    const v = d[key];
    if (Array.isArray(v)) v.forEach(add);
    else add(v);
  }
  return [...terms];
}
