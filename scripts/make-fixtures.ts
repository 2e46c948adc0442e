/**
 * Writes every test fixture under tests/fixtures/generated/<domain>/. Run: `npm run fixtures`.
 * Each domain module exports `make(dir)`; they are deterministic (no randomness without a fixed seed).
 */
import { mkdir, rm } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as formats from './fixtures/formats';
import * as renumbering from './fixtures/renumbering';
import * as sstu from './fixtures/sstu';
import * as egisso from './fixtures/egisso';

export const FIXTURES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'fixtures', 'generated');

const DOMAINS: Record<string, { make(dir: string): Promise<void> }> = { formats, renumbering, sstu, egisso };

export async function makeAllFixtures(): Promise<void> {
  await rm(FIXTURES_DIR, { recursive: true, force: true });
  for (const [name, domain] of Object.entries(DOMAINS)) {
    const dir = join(FIXTURES_DIR, name);
    await mkdir(dir, { recursive: true });
    await domain.make(dir);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  makeAllFixtures().then(
    () => console.log(`fixtures written to ${FIXTURES_DIR}`),
    (err) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
