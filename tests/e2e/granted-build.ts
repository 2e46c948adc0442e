/**
 * A copy of the built extension whose manifest also grants some user hosts (ЕРУЛ, ЕЦП.МИС, ССТУ.РФ test
 * hosts). A headless browser cannot answer the permission prompt of the options page; granting in the
 * manifest gives permissions.getAll() the same origins the prompt would, and the rest — content scripts
 * registered for granted user hosts — runs as in production.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXTENSION_DIR } from './harness';

const TMP = join(dirname(fileURLToPath(import.meta.url)), '.tmp');

export function buildGrantingHosts(hosts: readonly string[], from = EXTENSION_DIR): { dir: string; remove: () => void } {
  mkdirSync(TMP, { recursive: true });
  const dir = join(TMP, `extension-granted-${process.pid}-${Date.now()}`);
  cpSync(from, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { manifest_version: number; host_permissions?: string[]; permissions?: string[] };
  const origins = hosts.map((h) => `https://${h}/*`);
  // MV2 (the Firefox package) lists host permissions with the others
  if (manifest.manifest_version === 2) manifest.permissions = [...(manifest.permissions ?? []), ...origins];
  else manifest.host_permissions = [...(manifest.host_permissions ?? []), ...origins];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
