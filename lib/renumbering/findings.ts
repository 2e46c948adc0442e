/** Findings with a cap per code: 50,000 failed licences must not become 50,000 findings. */
import type { Finding, Severity } from '../checks/report';
import { plural } from '../plural';
export { plural };

export const PER_CODE_CAP = 50;

export class FindingList {
  readonly list: Finding[] = [];
  private readonly counts = new Map<string, { n: number; severity: Severity }>();

  constructor(private readonly cap = PER_CODE_CAP) {}

  add(severity: Severity, code: string, message: string, where?: string): void {
    const c = this.counts.get(code);
    const n = (c?.n ?? 0) + 1;
    this.counts.set(code, { n, severity: c?.severity ?? severity });
    if (n > this.cap) return;
    this.list.push(where ? { severity, code, message, where } : { severity, code, message });
  }

  count(code: string): number {
    return this.counts.get(code)?.n ?? 0;
  }

  /** The findings, with one «… и ещё N» line per code over the cap. */
  done(): Finding[] {
    const out = [...this.list];
    for (const [code, { n, severity }] of this.counts) {
      if (n > this.cap) {
        out.push({ severity, code, message: `…и ещё ${n - this.cap} таких же замечаний. Полный список — в таблице отчёта и в выгрузке XLSX.` });
      }
    }
    return out;
  }
}

export function licences(n: number): string {
  return `${n} ${plural(n, 'лицензия', 'лицензии', 'лицензий')}`;
}
