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
  const base = fileName.split(/[\\/]/).pop() ?? '';
  add(base);
  // words of the name too, so «1057» finds «import_result_1057.json»
  for (const w of base.split(/[^0-9a-zа-яё]+/i)) if (w.length >= 2) add(w);
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
  // ЛКО ids of the ССТУ.РФ reports: details.lko rows ({ id, name }) and details.lkoNames (id → name)
  if (Array.isArray(d.lko)) for (const row of d.lko) if (row && typeof row === 'object') add((row as { id?: unknown }).id);
  if (d.lkoNames && typeof d.lkoNames === 'object' && !Array.isArray(d.lkoNames)) Object.keys(d.lkoNames).forEach(add);
  return [...terms];
}
