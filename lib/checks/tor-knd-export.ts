/**
 * `tor-knd-registry-export`: what ТОР КНД «Выгрузка реестра лицензий в ЕРУЛ» produces — a zip of JSON files
 * (or one JSON file), at most 200 licences a file. The exact layout is not public, so licence records are
 * found wherever they are in the structure: an object with a licence-number field, or failing that an
 * object with a value of the ЕРУЛ licence-number shape.
 */
import type { KindCheck, KindResult, TogetherStep } from './types';
import type { PreparedFile } from '../formats/prepared';
import { tryJson, tryZip } from '../formats/prepared';
import { FormatError } from '../formats/errors';
import { parseJson } from '../formats/json';
import { decodeText } from '../formats/text';
import { readEntry, type ZipEntry } from '../formats/zip';
import { checkOldLicence, looksLikeErulNumber, normaliseLicence } from '../ids/licence';
import { FindingList, licences, plural } from '../renumbering/findings';
import { resultShape } from '../renumbering/detect';

/** ЕРУЛ accepts at most this many licences in one file. */
export const MAX_LICENCES_PER_FILE = 200;

/** 2: names a licence number for sure; 1: a generic «number» that is a licence number if it looks like one. */
const keyCache = new Map<string, 0 | 1 | 2>();
const SPECIFIC = new Set([
  'regnumber', 'registrationnumber', 'registernumber', 'regnum', 'oldnumber', 'номер', 'регномер', 'регистрационныйномер',
  'licnum', 'licno', 'licnumber', 'license', 'licence', 'лицензия', 'номерлицензии',
]);
/** A key whose array of strings is a list of licence numbers («licenses»: ["Л023-…", …]). */
const LIST_KEY = /licen[cs]e|лиценз|numbers|номера/;
const GENERIC = new Set(['number', 'num', 'nomer', 'no']);

export function licenceKeyKind(key: string): 0 | 1 | 2 {
  const hit = keyCache.get(key);
  if (hit !== undefined) return hit;
  const k = key.toLowerCase().replace(/ё/g, 'е').replace(/[^a-zа-я0-9]/g, '');
  let kind: 0 | 1 | 2 = 0;
  if (SPECIFIC.has(k)) kind = 2;
  else if ((/licen[cs]e|лиценз/.test(k) && /num|номер|no$/.test(k)) || /^номерлиценз/.test(k)) kind = 2;
  else if (GENERIC.has(k)) kind = 1;
  if (keyCache.size < 2000) keyCache.set(key, kind);
  return kind;
}

function scalarText(v: unknown): string | undefined {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return undefined;
}

function hasArrayOfObjects(obj: Record<string, unknown>): boolean {
  for (const k in obj) {
    const v = obj[k];
    if (Array.isArray(v) && v.some((e) => e !== null && typeof e === 'object')) return true;
  }
  return false;
}

/** The licence number an object carries, or undefined when the object is not a licence record. */
function recordNumber(obj: Record<string, unknown>): string | undefined {
  let generic: string | undefined;
  for (const k in obj) {
    const kind = licenceKeyKind(k);
    if (kind === 0) continue;
    const s = scalarText(obj[k]);
    if (s === undefined) continue;
    if (kind === 2) return s;
    if (generic === undefined && s.length >= 3 && /\d/.test(s)) generic = s;
  }
  if (generic !== undefined && !hasArrayOfObjects(obj)) return generic;
  for (const k in obj) {
    const v = obj[k];
    if (typeof v === 'string' && looksLikeErulNumber(v)) return v;
  }
  return undefined;
}

const LIST_MARK = Symbol('licence list');

/** Licence numbers of one parsed JSON file, in document order (iterative walk). */
export function findLicenceNumbers(root: unknown): string[] {
  const out: string[] = [];
  const stack: unknown[] = [root];
  while (stack.length) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) if (v[i] !== null && typeof v[i] === 'object') stack.push(v[i]);
      continue;
    }
    const obj = v as Record<string, unknown>;
    const list = (obj as { [LIST_MARK]?: string[] })[LIST_MARK];
    if (list) {
      for (const x of list) out.push(x);
      continue;
    }
    const n = recordNumber(obj);
    if (n !== undefined) {
      out.push(n);
      continue;
    }
    const keys = Object.keys(obj);
    for (let i = keys.length - 1; i >= 0; i--) {
      const c = obj[keys[i]];
      if (c === null || typeof c !== 'object') continue;
      if (Array.isArray(c) && c.length > 0 && c.every((e) => typeof e === 'string' || typeof e === 'number') && LIST_KEY.test(keys[i].toLowerCase())) {
        // a plain list of numbers under a licence key: each string is a licence (kept in document order below)
        stack.push({ [LIST_MARK]: c.map(String) });
        continue;
      }
      stack.push(c);
    }
  }
  return out;
}

interface ExportFile {
  name: string;
  numbers: string[];
}

function isJsonName(name: string): boolean {
  return /\.json$/i.test(name);
}

function fileEntries(entries: readonly ZipEntry[]): ZipEntry[] {
  return entries.filter((e) => !e.directory && !/(^|\/)(__MACOSX\/|\.DS_Store$)/.test(e.name));
}

export function checkExportFiles(files: readonly ExportFile[], f: FindingList, extraUnreadable = 0): KindResult {
  const seen = new Map<string, { count: number; files: Map<string, number> }>();
  let total = 0;
  let overLimit = 0;
  let invalid = 0;
  let latin = 0;
  let spaces = 0;
  const perFile: { name: string; licences: number }[] = [];
  const distinct: string[] = [];
  for (const file of files) {
    total += file.numbers.length;
    perFile.push({ name: file.name, licences: file.numbers.length });
    if (file.numbers.length > MAX_LICENCES_PER_FILE) {
      overLimit++;
      f.add(
        'error',
        'over-limit',
        `В файле «${file.name}» ${licences(file.numbers.length)} — больше ${MAX_LICENCES_PER_FILE}, которые ЕРУЛ принимает в одном файле. Загрузите его в ЕРУЛ частями не больше чем по ${MAX_LICENCES_PER_FILE} лицензий или сформируйте выгрузку в ТОР КНД заново (служебная задача «Выгрузка реестра лицензий в ЕРУЛ»).`,
        file.name,
      );
    }
    if (file.numbers.length === 0) {
      f.add('info', 'file-without-licences', `В файле «${file.name}» не найдено ни одной лицензии.`, file.name);
    }
    for (let i = 0; i < file.numbers.length; i++) {
      const raw = file.numbers[i];
      const norm = normaliseLicence(raw);
      if (norm.latin) latin++;
      if (norm.spaces) spaces++;
      const check = checkOldLicence(raw);
      if (!check.ok) {
        invalid++;
        f.add('error', 'invalid-number', `${check.reason} Исправьте номер этой лицензии в реестре ТОР КНД и сформируйте выгрузку заново.`, `${file.name}, лицензия № ${i + 1}`);
        if (!norm.value) continue;
      }
      const s = seen.get(norm.value);
      if (s) {
        s.count++;
        s.files.set(file.name, (s.files.get(file.name) ?? 0) + 1);
      } else {
        seen.set(norm.value, { count: 1, files: new Map([[file.name, 1]]) });
        distinct.push(norm.value);
      }
    }
  }
  let duplicates = 0;
  for (const [number, s] of seen) {
    if (s.count < 2) continue;
    duplicates++;
    const where = [...s.files].map(([name, n]) => (n > 1 ? `«${name}» (${n} ${plural(n, 'раз', 'раза', 'раз')})` : `«${name}»`)).join(', ');
    f.add(
      'error',
      'duplicate-licence',
      `Лицензия ${number} встречается в выгрузке ${s.count} ${plural(s.count, 'раз', 'раза', 'раз')}: ${where}. В ЕРУЛ каждую лицензию нужно отправить один раз — уберите повтор (или сформируйте выгрузку в ТОР КНД заново).`,
      [...s.files.keys()].join(', '),
    );
  }
  if (latin) f.add('info', 'latin-letter', `Номеров с латинской «L» вместо русской «Л»: ${latin}. Расширение сопоставляет их как русские; в реестре лучше исправить букву.`);
  if (spaces) f.add('info', 'spaces-trimmed', `У ${spaces} ${plural(spaces, 'номера', 'номеров', 'номеров')} были пробелы по краям или внутри — они убраны при сверке.`);
  if (total === 0 && extraUnreadable === 0) {
    f.add('error', 'no-licences', 'В выгрузке не найдено ни одной лицензии. Проверьте, тот ли файл выбран, и сформируйте выгрузку в ТОР КНД заново.');
  }
  const summaryFinding = {
    severity: 'info' as const,
    code: 'export-summary',
    message: `В выгрузке ${licences(total)} в ${files.length} ${plural(files.length, 'файле', 'файлах', 'файлах')}` +
      (overLimit ? `; файлов больше чем на ${MAX_LICENCES_PER_FILE} лицензий: ${overLimit}` : '') +
      (duplicates ? `; повторяющихся лицензий: ${duplicates}` : '') +
      (invalid ? `; неверных номеров: ${invalid}` : '') +
      '.',
  };
  return {
    summary: { licences: total, files: files.length, overLimitFiles: overLimit, duplicates, invalidNumbers: invalid },
    findings: [summaryFinding, ...f.done()],
    details: { licences: distinct, perFile },
  };
}

async function checkZip(file: PreparedFile): Promise<KindResult> {
  const dir = await file.zip();
  const f = new FindingList();
  const files: ExportFile[] = [];
  let unreadable = 0;
  for (const entry of fileEntries(dir.entries)) {
    if (!isJsonName(entry.name)) {
      f.add('info', 'not-json-entry', `Файл «${entry.name}» в архиве — не JSON; он не проверялся.`, entry.name);
      continue;
    }
    try {
      const bytes = await readEntry(file.source, entry, 64 * 1024 ** 2);
      const root = parseJson(decodeText(bytes).text);
      files.push({ name: entry.name, numbers: findLicenceNumbers(root) });
    } catch (err) {
      unreadable++;
      const message = err instanceof FormatError ? err.message : 'Файл не читается.';
      const where = err instanceof FormatError && err.where && err.where !== entry.name ? `${entry.name}: ${err.where}` : entry.name;
      // the format error may already name the file: never «Файл «x» … не читается: Файл «x» …»
      const said = message.includes(`«${entry.name}»`) ? message : `Файл «${entry.name}» в архиве не читается: ${message}`;
      f.add('error', 'unreadable', `${said.replace(/ Сформируйте архив заново\.$/, '')} Сформируйте выгрузку в ТОР КНД заново.`, where);
    }
  }
  if (files.length === 0 && unreadable === 0) {
    throw new FormatError('no-json', 'В архиве нет ни одного файла JSON: это не выгрузка реестра лицензий из ТОР КНД. Проверьте, тот ли архив выбран.');
  }
  return checkExportFiles(files, f, unreadable);
}

/** The first local header of a zip whose directory cannot be read: its file name, if any. */
function firstEntryName(head: Uint8Array): string | null {
  if (head.length < 30 || head[0] !== 0x50 || head[1] !== 0x4b || head[2] !== 0x03 || head[3] !== 0x04) return null;
  const len = head[26] | (head[27] << 8);
  if (30 + len > head.length) return null;
  return new TextDecoder('utf-8').decode(head.subarray(30, 30 + len));
}

export const torKndExportKind: KindCheck = {
  id: 'tor-knd-registry-export',
  async detect(file) {
    if (file.format === 'zip') {
      const dir = await tryZip(file);
      if (!dir) {
        // a damaged archive: still say what it was meant to be when its first entry is a JSON file
        const first = firstEntryName(file.head);
        return first && isJsonName(first) ? 0.4 : 0;
      }
      const entries = fileEntries(dir.entries);
      const json = entries.filter((e) => isJsonName(e.name)).length;
      if (json === 0) return 0;
      return json === entries.length ? 0.7 : 0.4;
    }
    if (file.format !== 'json') return 0;
    const shape = await resultShape(file);
    if (shape && (shape.status || shape.newOrError || shape.bareLicenceStrings)) return 0;
    const root = await tryJson(file);
    if (root === undefined) return 0;
    return findLicenceNumbers(root).length > 0 ? 0.6 : 0;
  },
  async check(file) {
    if (file.format === 'zip') return checkZip(file);
    const root = await file.json();
    return checkExportFiles([{ name: file.name.split(/[\\/]/).pop() || file.name, numbers: findLicenceNumbers(root) }], new FindingList());
  },
};

/**
 * Cross-file step: the same licence in two export files checked together (the JSON files of an unpacked
 * archive dropped one by one). Each file gets an error finding naming the other files; its `duplicates`
 * count grows. The same file given twice (same name) is not a duplicate of itself.
 */
export const exportDuplicatesAcrossFiles: TogetherStep = (reports) => {
  const exports = reports.filter((r) => r.kind === 'tor-knd-registry-export' && Array.isArray(r.details?.licences));
  if (exports.length < 2) return;
  const where = new Map<string, Set<number>>();
  exports.forEach((r, idx) => {
    for (const n of r.details!.licences as unknown[]) {
      if (typeof n !== 'string') continue;
      let s = where.get(n);
      if (!s) where.set(n, (s = new Set()));
      s.add(idx);
    }
  });
  const perReport = new Map<number, { numbers: string[]; others: Set<string> }>();
  for (const [n, idxs] of where) {
    if (idxs.size < 2) continue;
    const names = new Set([...idxs].map((i) => exports[i].file));
    if (names.size < 2) continue;
    for (const i of idxs) {
      let e = perReport.get(i);
      if (!e) perReport.set(i, (e = { numbers: [], others: new Set() }));
      e.numbers.push(n);
      for (const j of idxs) if (exports[j].file !== exports[i].file) e.others.add(exports[j].file);
    }
  }
  for (const [i, e] of perReport) {
    const r = exports[i];
    const shown = e.numbers.slice(0, 10).join(', ');
    r.findings.push({
      severity: 'error',
      code: 'duplicate-across-files',
      message: `${licences(e.numbers.length)} из этого файла есть и в других проверенных файлах выгрузки (${[...e.others].map((x) => `«${x}»`).join(', ')}): ${shown}${e.numbers.length > 10 ? ' …' : ''}. В ЕРУЛ каждую лицензию нужно отправить один раз — уберите повторы.`,
    });
    r.summary.duplicates = Number(r.summary.duplicates ?? 0) + e.numbers.length;
  }
};
