/**
 * The last words of `npm run setup`: where the built extension is and how to load it, one line per browser.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const chrome = join(root, '.output', 'chrome-mv3');
const firefox = join(root, '.output', 'firefox-mv2');

export function setupLines(chromeDir: string, firefoxDir: string, firefoxBuilt: boolean): string[] {
  return [
    `Сверка собрана: ${chromeDir}`,
    `Chrome / Яндекс Браузер: откройте chrome://extensions (в Яндекс Браузере — browser://extensions), включите «Режим разработчика», нажмите «Загрузить распакованное расширение» и выберите папку ${chromeDir}`,
    firefoxBuilt
      ? `Firefox: откройте about:debugging#/runtime/this-firefox, нажмите «Загрузить временное дополнение…» и выберите ${join(firefoxDir, 'manifest.json')}`
      : `Firefox: выполните npm run build:firefox, затем откройте about:debugging#/runtime/this-firefox, нажмите «Загрузить временное дополнение…» и выберите ${join(firefoxDir, 'manifest.json')}`,
  ];
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  if (!existsSync(join(chrome, 'manifest.json'))) {
    console.error(`Сборка не найдена в ${chrome}: выполните npm run build и посмотрите сообщения сборки выше.`);
    process.exit(1);
  }
  console.log(`\n${setupLines(chrome, firefox, existsSync(join(firefox, 'manifest.json'))).join('\n')}`);
}
