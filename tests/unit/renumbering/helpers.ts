import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FIXTURES_DIR } from '../../../scripts/make-fixtures';
import { checkSource } from '../../../lib/checks/registry';
import { bytesSource } from '../../../lib/formats/source';
import type { CheckReport } from '../../../lib/checks/report';

export const DIR = join(FIXTURES_DIR, 'renumbering');

export async function checkFixture(name: string): Promise<CheckReport> {
  const bytes = new Uint8Array(await readFile(join(DIR, name)));
  return checkSource(name, bytesSource(bytes));
}

export function codes(r: CheckReport, severity?: 'info' | 'warn' | 'error'): string[] {
  return r.findings.filter((f) => !severity || f.severity === severity).map((f) => f.code);
}
