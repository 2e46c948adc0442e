/**
 * Writes every test fixture under tests/fixtures/generated/<domain>/. Run: `npm run fixtures`.
 * Each domain module exports `make(dir)`; they are deterministic (no randomness without a fixed seed).
 */
import { mkdir, rename, rm } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as formats from './fixtures/formats';
import * as renumbering from './fixtures/renumbering';
import * as sstu from './fixtures/sstu';
import * as egisso from './fixtures/egisso';
import * as hostile from './fixtures/hostile';

export const FIXTURES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'fixtures', 'generated');

const DOMAINS: Record<string, { make(dir: string): Promise<void> }> = { formats, renumbering, sstu, egisso, hostile };

/** Writes into a private folder, then swaps it in: test runs started at the same time never see half a set. */
export async function makeAllFixtures(): Promise<void> {
  const fresh = `${FIXTURES_DIR}.new-${process.pid}-${Date.now()}`;
  for (const [name, domain] of Object.entries(DOMAINS)) {
    const dir = join(fresh, name);
    await mkdir(dir, { recursive: true });
    await domain.make(dir);
  }
  const old = `${FIXTURES_DIR}.old-${process.pid}-${Date.now()}`;
  await rename(FIXTURES_DIR, old).catch(() => undefined);
  try {
    await rename(fresh, FIXTURES_DIR);
  } catch {
    // another run swapped in the same fixtures a moment ago
    await rm(fresh, { recursive: true, force: true });
  }
  await rm(old, { recursive: true, force: true });
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
