/**
 * E2E tests run the BUILT extension: the test build (`wxt build --mode e2e`, in-page shadow roots open so
 * Playwright locators reach them) and the production build (closed roots, for the test that proves a page
 * cannot reach them). Built here so a test never runs an old build; scripts/test-all.sh builds both itself
 * and sets SVERKA_SKIP_BUILD=1.
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function buildForTests(builds: string[][]): void {
  if (process.env.SVERKA_SKIP_BUILD) return;
  for (const args of builds) execFileSync(join(ROOT, 'node_modules', '.bin', 'wxt'), args, { cwd: ROOT, stdio: 'ignore' });
}

export default function setup(): void {
  if (process.env.SVERKA_EXTENSION_DIR) return;
  buildForTests([['build', '--mode', 'e2e'], ['build']]);
}
