/**
 * Self-hosted install for offices that cannot use a store:
 *   npm run self-hosted -- --key /secure/sverka-key.pem --base-url https://intranet.example.ru/sverka/
 * builds the Chrome package, signs it as CRX3 with the key and writes .output/self-hosted/sverka-VERSION.crx and
 * update.xml (put both at the base URL). The key stays outside the repository: keep it, every update needs it.
 */
import { execFileSync } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import { mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCrx3, extensionId, publicKeyDer, updateXml } from './crx3';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface SelfHostedResult {
  id: string;
  crxPath: string;
  updateXmlPath: string;
}

export function buildSelfHosted(opts: { keyPath: string; baseUrl: string; zipPath?: string; outDir?: string }): SelfHostedResult {
  const keyPath = realpathSync(resolve(opts.keyPath));
  const inRepo = relative(realpathSync(ROOT), keyPath);
  if (!inRepo.startsWith('..')) throw new Error(`Ключ ${keyPath} лежит внутри репозитория: храните его отдельно, он не должен попасть в git.`);
  const base = new URL(opts.baseUrl.endsWith('/') ? opts.baseUrl : `${opts.baseUrl}/`);
  if (base.protocol !== 'https:') throw new Error(`Адрес ${opts.baseUrl} — не https: браузер не станет обновлять расширение по нему.`);
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  let zipPath = opts.zipPath;
  if (!zipPath) {
    execFileSync(join(ROOT, 'node_modules', '.bin', 'wxt'), ['zip'], { cwd: ROOT, stdio: 'inherit' });
    zipPath = join(ROOT, '.output', `sverka-${version}-chrome.zip`);
  }
  const key = createPrivateKey(readFileSync(keyPath));
  const id = extensionId(publicKeyDer(key));
  const outDir = opts.outDir ?? join(ROOT, '.output', 'self-hosted');
  mkdirSync(outDir, { recursive: true });
  const crxName = `sverka-${version}.crx`;
  const crxPath = join(outDir, crxName);
  writeFileSync(crxPath, buildCrx3(readFileSync(zipPath), key));
  const updateXmlPath = join(outDir, 'update.xml');
  writeFileSync(updateXmlPath, updateXml(id, version, new URL(crxName, base).href));
  return { id, crxPath, updateXmlPath };
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const keyPath = arg('key');
  const baseUrl = arg('base-url');
  if (!keyPath || !baseUrl) {
    console.error('Использование: npm run self-hosted -- --key ПУТЬ_К_КЛЮЧУ.pem --base-url https://адрес/каталог/');
    process.exit(2);
  }
  try {
    const r = buildSelfHosted({ keyPath, baseUrl });
    console.log(`Расширение: ${r.id}\n${r.crxPath}\n${r.updateXmlPath}\nПолитика ExtensionInstallForcelist: "${r.id};${new URL('update.xml', baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).href}"`);
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
}
