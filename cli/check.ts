/**
 * `npm run --silent check -- [--json] FILE...` — the contract in shared/contracts/check-cli.md.
 * Exit: 0 no file with verdict error; 1 at least one; 2 usage error or unreadable path.
 */
import { stat } from 'node:fs/promises';
import { applyTogether } from '../lib/checks/registry';
import { IsolatedChecker } from './isolated';
import type { CheckReport } from '../lib/checks/report';
import { buildLedger } from '../lib/renumbering/ledger';
import { renderLedger, renderReport } from './summary-text';

const USAGE = 'Использование: npm run --silent check -- [--json] ФАЙЛ...';

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const unknownFlags = argv.filter((a) => a.startsWith('--') && a !== '--json' && a !== '--');
  const paths = argv.filter((a) => !a.startsWith('--'));
  if (unknownFlags.length || paths.length === 0) {
    process.stderr.write(`${unknownFlags.length ? `Неизвестный параметр: ${unknownFlags.join(' ')}\n` : 'Не указан ни один файл.\n'}${USAGE}\n`);
    return 2;
  }
  let badPath = false;
  const reports: CheckReport[] = [];
  const checker = new IsolatedChecker();
  for (const path of paths) {
    let size: number;
    try {
      const info = await stat(path);
      if (!info.isFile()) throw new Error('not a file');
      size = info.size;
    } catch {
      badPath = true;
      process.stderr.write(`Файл не найден или не читается: ${path}\n`);
      reports.push({
        file: path,
        kind: 'unknown',
        verdict: 'error',
        summary: {},
        findings: [{ severity: 'error', code: 'unreadable', message: `Файл не найден или его нельзя прочитать: ${path}.`, where: path }],
      });
      continue;
    }
    // each file in a worker with a watchdog: a file that would freeze the checker is stopped, the next one is checked
    reports.push(await checker.check(path, size));
  }
  await checker.close();
  applyTogether(reports);
  const ledger = buildLedger(reports);
  if (json) {
    process.stdout.write(`${JSON.stringify({ files: reports, ...(ledger ? { ledger } : {}) }, null, 2)}\n`);
  } else {
    process.stdout.write(`${reports.map(renderReport).join('\n\n')}\n${ledger ? `\n${renderLedger(ledger)}\n` : ''}`);
  }
  if (badPath) return 2;
  return reports.some((r) => r.verdict === 'error') ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.stderr.write('Внутренняя ошибка проверки.\n');
    process.exitCode = 2;
  },
);
