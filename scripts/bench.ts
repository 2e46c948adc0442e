/**
 * `npm run bench`: speed as ratios against baselines measured in the same run (bare JSON.parse, bare
 * inflate, bare SheetJS read, bare XML parse), plus peak memory where it matters. Never a timed test.
 */
import { benchFormats } from './bench/formats';

type Bench = () => Promise<string[]>;

const OPTIONAL: Record<string, () => Promise<Bench | undefined>> = {
  renumbering: async () => (await import('./bench/renumbering')).benchRenumbering,
  sstu: async () => (await import('./bench/sstu')).benchSstu,
  egisso: async () => (await import('./bench/egisso')).benchEgisso,
  popup: async () => (await import('./bench/popup')).benchPopup,
  userscript: async () => (await import('./bench/userscript')).benchUserscript,
  upload: async () => (await import('./bench/upload')).benchUpload,
  browser: async () => (await import('./bench/browser-check')).benchBrowserCheck,
};

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const suites: [string, Bench][] = [['formats', benchFormats]];
  for (const [name, load] of Object.entries(OPTIONAL)) {
    try {
      const b = await load();
      if (b) suites.push([name, b]);
    } catch (e) {
      console.log(`${name}: not available (${(e as Error).message.split('\n')[0]})`);
    }
  }
  let over = 0;
  for (const [name, run] of suites) {
    if (only.length && !only.includes(name)) continue;
    console.log(`\n# ${name}`);
    for (const line of await run()) {
      console.log(line);
      if (line.includes('OVER TARGET')) over++;
    }
  }
  console.log(`\n${over === 0 ? 'all ratios within target' : `${over} over target`}`);
}

void main();
