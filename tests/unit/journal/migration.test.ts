/**
 * The journal survives an extension update: every schema version has a frozen fixture of its data
 * (fixtures/journal-v<N>.json: the Dexie stores of that version and rows as that version wrote them),
 * and the current code must open each one, keep every row and answer queries on it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { JOURNAL_DB_NAME, openJournal } from '../../../lib/journal/db';
import { CheckEntrySchema, JOURNAL_SCHEMA_VERSION, LicenceRowSchema } from '../../../lib/journal/schema';
import { markInterrupted, recentChecks, recordCheck } from '../../../lib/journal/store';
import { entriesOfKinds, searchChecks } from '../../../lib/journal/queries';
import { buildLedger } from '../../../lib/renumbering/ledger';
import { allReports } from '../../../lib/journal/store';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

interface VersionFixture {
  version: number;
  stores: Record<string, string>;
  data: Record<string, Record<string, unknown>[]>;
}

function fixture(version: number): VersionFixture {
  return JSON.parse(readFileSync(join(FIXTURES, `journal-v${version}.json`), 'utf8')) as VersionFixture;
}

/** Writes a fixture the way its version's code did: a Dexie database declaring only that version's stores. */
async function seedOldVersion(factory: IDBFactory, f: VersionFixture): Promise<void> {
  const old = new Dexie(JOURNAL_DB_NAME, { indexedDB: factory, IDBKeyRange });
  old.version(f.version).stores(f.stores);
  await old.open();
  for (const [table, rows] of Object.entries(f.data)) await old.table(table).bulkAdd(rows);
  old.close();
}

describe('journal migrations', () => {
  it('has a fixture for every schema version before the current one', () => {
    const versions = readdirSync(FIXTURES)
      .map((n) => /^journal-v(\d+)\.json$/.exec(n)?.[1])
      .filter(Boolean)
      .map(Number)
      .sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: JOURNAL_SCHEMA_VERSION - 1 }, (_, i) => i + 1));
  });

  it('opens v1 data with the current code: every row kept and valid, search terms upgraded (v1 → v2)', async () => {
    const f = fixture(1);
    const factory = new IDBFactory();
    await seedOldVersion(factory, f);
    const db = openJournal({ indexedDB: factory, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(JOURNAL_SCHEMA_VERSION);

    const checks = await db.checks.orderBy('id').toArray();
    expect(checks).toHaveLength(f.data.checks.length);
    for (const c of checks) expect(CheckEntrySchema.safeParse(c).success).toBe(true);
    for (const l of await db.licences.toArray()) expect(LicenceRowSchema.safeParse(l).success).toBe(true);
    expect(await db.licences.count()).toBe(f.data.licences.length);
    // reports and sightings untouched
    expect(checks.map((c) => c.report)).toEqual(f.data.checks.map((c) => c.report));
    expect(checks[0].sightings).toHaveLength(2);

    // the v2 upgrade: words of file names (not in v1 terms) are found now; v1 terms still are
    expect((await searchChecks(db, { text: '881' })).entries.map((e) => e.id)).toEqual([1]);
    expect((await searchChecks(db, { text: 'урог' })).entries.map((e) => e.id)).toEqual([2]);
    expect((await searchChecks(db, { text: 'Л041-00110-50/00077777' })).entries.map((e) => e.id)).toEqual([1]);
    expect((await searchChecks(db, { text: '0f6a5b1c' })).entries.map((e) => e.id)).toEqual([3]);

    // the v2 [kind+lastSeenAt] index answers the popup's per-kind query on old rows
    expect((await entriesOfKinds(db, ['egisso-protocol', 'erul-renumbering-result'], 5)).map((e) => e.id)).toEqual([3, 1]);

    // the running check from before the update is marked interrupted at start-up, not lost
    expect(await markInterrupted(db)).toBe(1);
    expect((await db.checks.get(4))!.status).toBe('interrupted');

    // the ledger over the old reports still builds, and new checks go in beside the old ones
    const ledger = buildLedger(await allReports(db));
    expect(ledger?.licences.map((l) => l.state).sort()).toEqual(['alreadyInErul', 'failed', 'notImported']);
    await recordCheck(db, { file: 'new.json', kind: 'unknown', verdict: 'warn', summary: {}, findings: [] }, {
      sha256: 'f'.repeat(64),
      size: 1,
      sighting: { at: Date.UTC(2026, 10, 1), fileName: 'new.json', portal: null, via: 'drop' },
    });
    expect((await recentChecks(db, 10)).map((c) => c.fileName)[0]).toBe('new.json');
    // the unique sha256 index survived: the same old file again is a sighting, not a second entry
    const again = await recordCheck(db, checks[1].report, { sha256: checks[1].sha256, size: 1, sighting: { at: Date.UTC(2026, 10, 2), fileName: 'x.xls', portal: 'pos', via: 'download' } });
    expect(again).toEqual({ id: 2, isNew: false });
    db.close();
  });
});
