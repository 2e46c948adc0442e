/**
 * Streaming pre-flight reader of an outgoing ЕГИССО package:
 *
 *   data (urn://egisso-ru/msg/10.06.S/V) | request (urn://egisso-ru/msg/10.05.I/V)
 *     package
 *       packageId (packageID in old versions)
 *       elements
 *         fact | alteration… | termination… | …Invalidation        (10.06.S)
 *         localMSZ | invalidation                                   (10.05.I)
 *
 * Elements are matched by local name, never by prefix; the old 10.06.S names (OSZCode, MSZ_receiver, LMSZID,
 * decision_date, monetary_form, fact `ID`…) are read as their current names. One element at a time is held:
 * its leaves are checked as they close and the element's cross-field checks run when it closes, so memory
 * stays bounded by the elements kept for the report (`maxStored`), whatever the package size.
 */
import { XmlReader, detachText } from '../formats/xml';
import type { TextSink } from '../formats/text';
import { FormatError } from '../formats/errors';
import { snilsCheckNumber, formatSnils } from '../ids/snils';
import { PACKAGE_CHECK_INFO, type PackageCheck } from './package-checks';
import { elementLimit, isWithdrawn, oszCodePattern, packageRootOf, usesOldNames, type PackageRoot } from './package-root';

/** One problem of one element. */
export interface PackageProblem {
  check: PackageCheck;
  severity: 'error' | 'warn';
  /** What is wrong here, with the value as written (text only, never markup). */
  text: string;
  line: number;
}

/** An element with at least one problem, as kept for the report. */
export interface PackageElementReport {
  /** 1-based position among all elements of the package. */
  index: number;
  /** 1-based position among the facts (0 for other kinds). */
  factNumber: number;
  kind: string;
  line: number;
  uuid: string;
  /** ФИО as written (text only). */
  person: string;
  snils: string;
  problems: PackageProblem[];
}

/** An LMSZ as a 10.05.I package describes it (kept for the checks of 10.06.S facts against it). */
export interface LmszInfo {
  id: string;
  title: string;
  dateEnact: string;
  dateExpiration: string;
}

/** Where the LMSZ known to the checks came from (a 10.05.I package checked earlier). */
export interface LmszSource {
  /** File name and when it was checked, for the official. */
  label: string;
  lmsz: readonly LmszInfo[];
}

export interface ParsedPackage {
  root: PackageRoot;
  withdrawn: boolean;
  oldNames: boolean;
  packageId: string;
  elements: number;
  facts: number;
  byKind: Record<string, number>;
  /** Elements with at least one error. */
  problems: number;
  /** Elements with only warnings. */
  warned: number;
  byCheck: Partial<Record<PackageCheck, number>>;
  stored: PackageElementReport[];
  storedTruncated: boolean;
  /** 10.05.I: the measures described (bounded). */
  lmsz: LmszInfo[];
}

export interface ReadPackageOptions {
  maxStored?: number;
  /** LMSZ known from the journal: 014/019 are checked against them. */
  lmszSource?: LmszSource | null;
  /** Called after every element (progress, memory sampling in the bench). */
  onElement?: (elements: number) => void;
}

const UUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const SNILS_RE = /^\d{11}$/;
/** smev rus-100: `[а-яА-ЯёЁ\-0-9][а-яА-ЯёЁ\-\s',.]*`, at most 100 characters (XSD \s = space, tab, CR, LF). */
const RUS100_RE = /^[а-яА-ЯёЁ\-0-9][а-яА-ЯёЁ\- \t\r\n',.]*$/;
const MONEY_RE = /^[0-9]+[.,]\d{2}$/;
const DECIMAL_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})(Z|[+-](\d{2}):(\d{2}))?$/;
const KBK_RE = /^\d{20}$/;

/** Old 10.06.S names → current (note §3). `ID` is handled by position. */
const OLD_NAMES: Readonly<Record<string, string>> = {
  OSZCode: 'oszCode',
  MSZ_receiver: 'mszReceiver',
  reason_persons: 'reasonPersons',
  LMSZID: 'lmszId',
  categoryID: 'categoryId',
  decision_date: 'decisionDate',
  assignment_info: 'assignmentInfo',
  monetary_form: 'monetaryForm',
  natural_form: 'naturalForm',
  packageID: 'packageId',
  assignmentFactID: 'assignmentFactUuid',
  issue_date: 'issueDate',
  start_date: 'startDate',
  finish_date: 'finishDate',
};

/** Date fields (xs:date) and what the official calls them. */
const DATE_FIELDS: Readonly<Record<string, string>> = {
  BirthDate: 'дата рождения',
  decisionDate: 'дата решения',
  dateStart: 'дата начала',
  dateFinish: 'дата окончания',
  IssueDate: 'дата выдачи документа',
  issueDate: 'дата выдачи документа',
  startDate: 'дата начала действия документа',
  finishDate: 'дата окончания действия документа',
  dateEnact: 'начало действия меры',
  dateExpiration: 'окончание действия меры',
  needsCriteriaDate: 'дата критерия нуждаемости',
};

/** UUID fields besides the element's own id, and what the official calls them. */
const UUID_FIELDS: Readonly<Record<string, string>> = {
  lmszId: 'идентификатор меры (ЛМСЗ)',
  categoryId: 'идентификатор категории получателей',
  assignmentFactUuid: 'идентификатор изменяемого факта',
  localMszId: 'идентификатор меры (ЛМСЗ)',
};
const NAME_FIELDS: Readonly<Record<string, string>> = { FamilyName: 'фамилия', FirstName: 'имя', Patronymic: 'отчество' };
const DECIMAL_PARENTS = new Set(['naturalForm', 'exemptionForm', 'serviceForm']);

const FACT_KINDS = new Set(['fact']);

export const ELEMENT_KIND_TEXT: Readonly<Record<string, string>> = {
  fact: 'факт назначения',
  alterationBasedOnRecalculation: 'изменение (перерасчёт)',
  alterationBasedOnDeathOrMovingRecalculation: 'изменение (смерть или переезд)',
  alterationBasedOnPreviousErrors: 'изменение (исправление ошибок)',
  terminationBasedOnRecalculation: 'прекращение (перерасчёт)',
  terminationBasedOnIneligibility: 'прекращение (утрата права)',
  terminationBasedOnEndOfRight: 'прекращение (окончание права)',
  terminationBasedOnEndOfValidityPeriod: 'прекращение (окончание срока)',
  terminationBasedOnRecipientRefusal: 'прекращение (отказ получателя)',
  termination: 'прекращение',
  duplicatesInvalidation: 'аннулирование дубликата',
  errorsInvalidation: 'аннулирование ошибочной записи',
  localMSZ: 'мера ЛМСЗ',
  invalidation: 'аннулирование меры',
};

/** A valid xs:date → its YYYY-MM-DD part; null when it is not one. */
export function xsDate(value: string): string | null {
  const m = DATE_RE.exec(value.trim());
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return null;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  if (d > days) return null;
  if (m[5] !== undefined && (Number(m[5]) > 14 || Number(m[6]) > 59 || (Number(m[5]) === 14 && Number(m[6]) !== 0))) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** «31.01.1980» for a valid YYYY-MM-DD. */
export function ruDate(ymd: string): string {
  return `${ymd.slice(8, 10)}.${ymd.slice(5, 7)}.${ymd.slice(0, 4)}`;
}

/** The problem with a СНИЛС as written, or null. Numbers up to 001-001-998 carry no check number. */
export function snilsProblem(value: string): { check: 'snils-format' | 'snils-checksum'; text: string } | null {
  const v = value.trim();
  if (!SNILS_RE.test(v)) {
    return { check: 'snils-format', text: v ? `СНИЛС «${clip(v)}» — не 11 цифр подряд` : 'СНИЛС пустой' };
  }
  const nine = v.slice(0, 9);
  if (Number(nine) > 1001998 && snilsCheckNumber(nine) !== Number(v.slice(9))) {
    return { check: 'snils-checksum', text: `в СНИЛС ${formatSnils(v)} контрольное число ${v.slice(9)}, а по первым девяти цифрам должно быть ${String(snilsCheckNumber(nine)).padStart(2, '0')}` };
  }
  return null;
}

export function isRus100(value: string): boolean {
  return value.length >= 1 && value.length <= 100 && RUS100_RE.test(value);
}

function clip(s: string, max = 60): string {
  const t = s.replace(/[\u0000-\u001f]/g, ' ');
  return t.length > max ? `${t.slice(0, max)}…` : t;
}

/** Sum of decimal strings in hundred-millionths, exact for quotas with up to 8 decimals. */
function decimalUnits(v: string): number | null {
  const t = v.trim();
  if (!DECIMAL_RE.test(t)) return null;
  const neg = t.startsWith('-');
  const [int, frac = ''] = t.replace(/^[+-]/, '').split('.');
  const units = Number(int || '0') * 1e8 + Number((frac + '00000000').slice(0, 8));
  return neg ? -units : units;
}

interface Current {
  index: number;
  factNumber: number;
  kind: string;
  line: number;
  depth: number;
  uuid: string;
  family: string;
  first: string;
  patronymic: string;
  snils: string;
  birth: string | null;
  decision: string | null;
  start: string | null;
  finish: string | null;
  lmszId: string;
  /** needsCriteriaCode values per needsCriteria list (the outer element's depth). */
  needs: Map<number, string[]>;
  /** 10.05.I quotas, per cofinancing. */
  quotas: number[] | null;
  quotaBad: boolean;
  lmsz: LmszInfo | null;
  problems: PackageProblem[];
}

/**
 * Reads and checks a package. Throws FormatError when the document is not an ЕГИССО package or is not
 * well-formed XML (with line and column).
 */
export function readPackage(text: string, opts: ReadPackageOptions = {}): ParsedPackage {
  const reader = packageReader(opts);
  reader.write(text);
  return reader.end();
}

/** Names whose text the checks read (current and old spellings); other elements' text is never built. */
const LEAF_NAMES = new Set([
  'uuid',
  'ID',
  'id',
  'packageId',
  'oszCode',
  'providerCode',
  'SNILS',
  'Gender',
  'amount',
  'quantity',
  'needsCriteriaCode',
  'quota',
  'KBKCode',
  'title',
  ...Object.keys(UUID_FIELDS),
  ...Object.keys(NAME_FIELDS),
  ...Object.keys(DATE_FIELDS),
]);

/** The package reader fed piece by piece (streaming from the file); `end` gives the checked package. */
export function packageReader(opts: ReadPackageOptions = {}): TextSink<ParsedPackage> {
  const maxStored = opts.maxStored ?? 2000;
  const lmszById = opts.lmszSource ? new Map(opts.lmszSource.lmsz.map((l) => [l.id.toLowerCase(), l])) : null;
  let root: PackageRoot | null = null;
  let out: ParsedPackage | null = null;

  const stack: string[] = [];
  let packageDepth = -1;
  let elementsDepth = -1;
  let leaf = false;
  let cur: Current | null = null;
  const seenUuids = new Set<string>();
  let osz: RegExp = /^\d{4}\.\d{6}$/;
  let limit: number | null = null;

  function problem(c: Current, check: PackageCheck, textOf: string, line: number): void {
    if (c.problems.length < 50) c.problems.push({ check, severity: PACKAGE_CHECK_INFO[check].severity, text: textOf, line });
    else if (!c.problems.some((p) => p.check === check)) c.problems.push({ check, severity: PACKAGE_CHECK_INFO[check].severity, text: textOf, line });
  }

  function canonical(local: string): string {
    return OLD_NAMES[local] ?? local;
  }

  function onLeaf(c: Current, name: string, parent: string, relDepth: number, raw: string, line: number): void {
    const v = raw.trim();
    if (relDepth === 1 && (name === 'uuid' || name === 'ID' || name === 'id')) {
      c.uuid = v;
      if (!UUID_RE.test(v)) problem(c, 'uuid-format', `идентификатор элемента «${clip(v)}» — не UUID`, line);
      return;
    }
    if (name in UUID_FIELDS || ((name === 'ID' || name === 'id') && parent === 'localCategory')) {
      const what = UUID_FIELDS[name] ?? 'идентификатор категории получателей';
      if (!UUID_RE.test(v)) problem(c, 'uuid-format', `${what} «${clip(v)}» — не UUID`, line);
      if (name === 'lmszId' && !c.lmszId) c.lmszId = v;
      return;
    }
    if (name === 'oszCode' || name === 'providerCode') {
      if (!osz.test(v)) problem(c, 'osz-code-format', `код поставщика «${clip(v)}» не по образцу 1234.567890`, line);
      return;
    }
    if (name === 'SNILS') {
      const p = snilsProblem(raw);
      if (parent === 'mszReceiver' && !c.snils) c.snils = v;
      if (p) problem(c, p.check, parent === 'mszReceiver' ? p.text : `${p.text} (лицо-основание)`, line);
      return;
    }
    if (name in NAME_FIELDS) {
      if (parent === 'mszReceiver') {
        if (name === 'FamilyName') c.family = raw;
        else if (name === 'FirstName') c.first = raw;
        else c.patronymic = raw;
      }
      if (!isRus100(raw)) {
        const why = raw.length > 100 ? 'длиннее 100 знаков' : raw.length === 0 ? 'пустое' : /[A-Za-z]/.test(raw) ? 'есть латинские буквы' : 'есть недопустимые знаки';
        problem(c, 'name-not-cyrillic', `${NAME_FIELDS[name]} «${clip(raw)}»: ${why}`, line);
      }
      return;
    }
    if (name === 'Gender') {
      if (v !== 'Male' && v !== 'Female') problem(c, 'gender', v ? `пол «${clip(v)}» — ожидается Male или Female` : 'пол не указан', line);
      return;
    }
    if (name in DATE_FIELDS) {
      const d = xsDate(v);
      if (!d) problem(c, 'date-format', `${DATE_FIELDS[name]} «${clip(v)}» — не дата ГГГГ-ММ-ДД или такого дня нет`, line);
      // the element's own dates, not those of documents or basis persons
      if (name === 'BirthDate' && parent === 'mszReceiver' && c.birth === null) c.birth = d;
      else if (name === 'decisionDate' && c.decision === null) c.decision = d;
      else if (name === 'dateStart' && c.start === null) c.start = d;
      else if (name === 'dateFinish' && c.finish === null) c.finish = d;
      if (c.lmsz && d) {
        if (name === 'dateEnact') c.lmsz.dateEnact = d;
        else if (name === 'dateExpiration') c.lmsz.dateExpiration = d;
      }
      return;
    }
    if (name === 'amount' || name === 'quantity') {
      if (parent === 'monetaryForm') {
        if (!MONEY_RE.test(v)) problem(c, 'amount-format', `сумма «${clip(v)}» — нужны цифры и две цифры копеек (1500.00)`, line);
      } else if (DECIMAL_PARENTS.has(parent) || relDepth === 1) {
        if (!DECIMAL_RE.test(v)) {
          problem(c, 'amount-format', `${name === 'amount' ? 'количество (сумма)' : 'количество'} «${clip(v)}» — не число${v.includes(',') ? ' (запятая не допускается, нужна точка)' : ''}`, line);
        }
      }
      return;
    }
    if (name === 'needsCriteriaCode' && root?.message === '10.06.S') {
      // needsCriteria { needsCriteria { needsCriteriaCode } }: group by the outer list
      const listDepth = stack.length - 2;
      const codes = c.needs.get(listDepth) ?? [];
      if (codes.includes(v)) problem(c, 'duplicate-needs-criteria', `критерий нуждаемости ${clip(v)} указан повторно`, line);
      else codes.push(v);
      c.needs.set(listDepth, codes);
      return;
    }
    if (name === 'quota') {
      const u = decimalUnits(v);
      if (u === null || u <= 0 || u > 100e8) {
        problem(c, 'quota-range', `доля «${clip(v)}» — должна быть больше 0 и не больше 100`, line);
        c.quotaBad = true;
      } else c.quotas?.push(u);
      return;
    }
    if (name === 'KBKCode') {
      if (!KBK_RE.test(v)) problem(c, 'kbk-format', `КБК «${clip(v)}» — не 20 цифр`, line);
      return;
    }
    if (name === 'title' && relDepth === 1 && c.lmsz) c.lmsz.title = clip(v, 200);
  }

  function closeElement(c: Current): void {
    const o = out!;
    o.elements++;
    o.byKind[c.kind] = (o.byKind[c.kind] ?? 0) + 1;
    if (FACT_KINDS.has(c.kind)) o.facts++;
    if (limit !== null && o.byKind[c.kind] === limit + 1) {
      problem(c, 'over-limit', `это ${limit + 1}-й элемент вида «${ELEMENT_KIND_TEXT[c.kind] ?? c.kind}», а в пакете их может быть не больше ${limit}`, c.line);
    } else if (limit !== null && o.byKind[c.kind] > limit + 1) {
      problem(c, 'over-limit', `элемент сверх предела в ${limit} элементов вида «${ELEMENT_KIND_TEXT[c.kind] ?? c.kind}»`, c.line);
    }
    if (c.uuid) {
      const key = c.uuid.toLowerCase();
      if (seenUuids.has(key)) problem(c, 'duplicate-uuid', `идентификатор ${clip(c.uuid)} уже встречался в пакете выше`, c.line);
      else seenUuids.add(key);
    }
    if (c.birth && c.decision && c.birth > c.decision) {
      problem(c, 'birth-after-decision', `дата рождения ${ruDate(c.birth)} позже даты решения ${ruDate(c.decision)}`, c.line);
    }
    if (c.start && c.finish && c.finish < c.start) {
      problem(c, 'finish-before-start', `окончание ${ruDate(c.finish)} раньше начала ${ruDate(c.start)}`, c.line);
    }
    if (lmszById && c.kind === 'fact' && c.lmszId) {
      const l = lmszById.get(c.lmszId.toLowerCase());
      if (!l) {
        problem(c, 'lmsz-not-found', `мера ${clip(c.lmszId)} не найдена в пакете ${opts.lmszSource!.label}`, c.line);
      } else {
        const from = l.dateEnact;
        const to = l.dateExpiration;
        for (const [what, d] of [['дата решения', c.decision], ['дата начала', c.start]] as const) {
          if (!d) continue;
          if ((from && d < from) || (to && d > to)) {
            problem(c, 'outside-lmsz-period', `${what} ${ruDate(d)} вне срока меры «${l.title || l.id}» (${from ? ruDate(from) : '…'} — ${to ? ruDate(to) : 'бессрочно'}; по пакету ${opts.lmszSource!.label})`, c.line);
          }
        }
      }
    }
    if (c.lmsz && o.lmsz.length < 5000 && c.lmsz.id) {
      const l = c.lmsz;
      o.lmsz.push({ id: detachText(l.id), title: detachText(l.title), dateEnact: l.dateEnact, dateExpiration: l.dateExpiration });
    }
    if (!c.problems.length) return;
    const checks = new Set(c.problems.map((p) => p.check));
    for (const ch of checks) o.byCheck[ch] = (o.byCheck[ch] ?? 0) + 1;
    if (c.problems.some((p) => p.severity === 'error')) o.problems++;
    else o.warned++;
    if (o.stored.length >= maxStored) {
      o.storedTruncated = true;
      return;
    }
    const person = detachText([c.family, c.first, c.patronymic].map((s) => s.trim()).filter(Boolean).join(' '));
    // what is kept must not point into the piece of text being parsed (see detachText)
    for (const p of c.problems) p.text = detachText(p.text);
    o.stored.push({ index: c.index, factNumber: c.factNumber, kind: c.kind, line: c.line, uuid: detachText(c.uuid), person, snils: detachText(c.snils), problems: c.problems });
  }

  let factCount = 0;
  let leafLine = 0;

  const xml = new XmlReader(
    {
      open(tag) {
        const depth = stack.length + 1;
        const name = canonical(tag.local);
        if (depth === 1) {
          root = packageRootOf(tag.local, tag.uri);
          if (!root) throw new FormatError('not-a-package', 'Это не пакет ЕГИССО 10.06.S или 10.05.I: корневой элемент другой.');
          osz = oszCodePattern(root);
          limit = elementLimit(root);
          out = {
            root,
            withdrawn: isWithdrawn(root),
            oldNames: usesOldNames(root),
            packageId: '',
            elements: 0,
            facts: 0,
            byKind: {},
            problems: 0,
            warned: 0,
            byCheck: {},
            stored: [],
            storedTruncated: false,
            lmsz: [],
          };
        } else if (depth === 2 && name === 'package') packageDepth = depth;
        else if (packageDepth > 0 && depth === packageDepth + 1 && name === 'elements') elementsDepth = depth;
        else if (elementsDepth > 0 && depth === elementsDepth + 1) {
          const isFact = FACT_KINDS.has(name);
          if (isFact) factCount++;
          cur = {
            index: out!.elements + 1,
            factNumber: isFact ? factCount : 0,
            kind: name,
            line: tag.line,
            depth,
            uuid: '',
            family: '',
            first: '',
            patronymic: '',
            snils: '',
            birth: null,
            decision: null,
            start: null,
            finish: null,
            lmszId: '',
            needs: new Map(),
            quotas: null,
            quotaBad: false,
            lmsz: name === 'localMSZ' ? { id: '', title: '', dateEnact: '', dateExpiration: '' } : null,
            problems: [],
          };
        } else if (cur && name === 'cofinancing') {
          cur.quotas = [];
          cur.quotaBad = false;
        }
        stack.push(name);
        leaf = true;
        leafLine = tag.line;
        return LEAF_NAMES.has(name);
      },
      close(_local, _uri, text) {
        const buf = text.length > 4096 ? text.slice(0, 4096) : text;
        const depth = stack.length;
        const name = stack.pop()!;
        const wasLeaf = leaf;
        leaf = false;
        const c = cur;
        if (c && depth > c.depth && wasLeaf) {
          onLeaf(c, name, stack[stack.length - 1], depth - c.depth, buf, leafLine);
          if (c.lmsz && depth === c.depth + 1 && (name === 'ID' || name === 'id')) c.lmsz.id = buf.trim();
        } else if (c && name === 'cofinancing' && c.quotas) {
          const sum = c.quotas.reduce((a, b) => a + b, 0);
          if (!c.quotaBad && c.quotas.length && sum !== 100e8) {
            problem(c, 'shares-not-100', `доли источников финансирования в сумме ${(sum / 1e8).toLocaleString('ru-RU')}%, а нужно 100%`, c.line);
          }
          c.quotas = null;
        } else if (c && depth === c.depth) {
          closeElement(c);
          cur = null;
          opts.onElement?.(out!.elements);
        } else if (depth === packageDepth + 1 && packageDepth > 0 && name === 'packageId' && wasLeaf && out) {
          out.packageId = detachText(buf.trim());
        }
      },
    },
    { attributes: false },
  );
  return {
    write: (chunk) => xml.write(chunk),
    end() {
      xml.close();
      if (!out) throw new FormatError('not-a-package', 'В файле нет пакета ЕГИССО.');
      return out;
    },
  };
}
