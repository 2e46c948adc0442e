import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR } from '../../scripts/make-fixtures';
import { bytesSource } from '../../lib/formats/source';
import { prepareFile } from '../../lib/formats/prepared';

export function fixture(domain: string, name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES_DIR, domain, name)));
}

export function fixturePath(domain: string, name: string): string {
  return join(FIXTURES_DIR, domain, name);
}

export function prepared(domain: string, name: string) {
  return prepareFile(name, bytesSource(fixture(domain, name)));
}
