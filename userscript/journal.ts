/**
 * The userscript's small journal in the userscript manager's storage: the last 200 verdicts, one line each
 * (file name, kind, verdict, headline, time, and the portal link it came from for the badges). Never whole
 * reports, never personal data: СНИЛС-like numbers and full names are masked before anything is stored.
 */
import type { CheckReport } from '../lib/checks/report';
import type { KindId } from '../lib/checks/kinds';
import type { LinkVerdict } from '../lib/capture-protocol';
import type { KeyValueStore } from './gm';

export const JOURNAL_KEY = 'sverka-journal-v1';
export const JOURNAL_LIMIT = 200;

export interface JournalLine {
  id: number;
  at: number;
  file: string;
  kind: KindId;
  verdict: CheckReport['verdict'];
  headline: string;
  /** The portal link the file was fetched from (badges look verdicts up by it); for an upload, the page it was chosen on. */
  url?: string;
  /** Chosen at a portal's file input to be uploaded. */
  via?: 'upload';
}

interface Stored {
  nextId: number;
  lines: JournalLine[];
}

const SNILS = /\d{3}[- ]?\d{3}[- ]?\d{3}[- ]?\d{2}/g;
/** Фамилия Имя Отчество (the patronymic's ending gives a full name away), also with initials after it. */
const FULL_NAME = /[А-ЯЁ][а-яё-]+[\s_]+[А-ЯЁ][а-яё]+[\s_]+[А-ЯЁ][а-яё]+(вич|вна|чна|ична|оглы|кызы)(?![а-яё])/g;
const SURNAME_INITIALS = /[А-ЯЁ][а-яё-]+[\s_]+[А-ЯЁ]\.\s?[А-ЯЁ]\./g;

/** Masks what could identify a person: СНИЛС-like digit runs and full names. */
export function withoutPersonalData(text: string): string {
  return text.replace(SNILS, '***').replace(FULL_NAME, '[ФИО скрыто]').replace(SURNAME_INITIALS, '[ФИО скрыто]');
}

export class GmJournal {
  constructor(private readonly store: KeyValueStore) {}

  private read(): Stored {
    const raw = this.store.get<Stored | null>(JOURNAL_KEY, null);
    if (!raw || !Array.isArray(raw.lines) || typeof raw.nextId !== 'number') return { nextId: 1, lines: [] };
    return raw;
  }

  /** Newest first. */
  lines(): JournalLine[] {
    return this.read().lines;
  }

  /** One line for a check: its short facts only (a report passes through the same door and loses the rest). */
  add(check: Pick<JournalLine, 'kind' | 'verdict' | 'headline'> & { file: string }, at: number, url?: string, via?: 'upload'): JournalLine {
    const stored = this.read();
    const line: JournalLine = {
      id: stored.nextId,
      at,
      file: withoutPersonalData(check.file).slice(0, 300),
      kind: check.kind,
      verdict: check.verdict,
      headline: withoutPersonalData(check.headline).slice(0, 500),
      ...(url ? { url: url.slice(0, 2000) } : {}),
      ...(via ? { via } : {}),
    };
    this.store.set(JOURNAL_KEY, { nextId: stored.nextId + 1, lines: [line, ...stored.lines].slice(0, JOURNAL_LIMIT) });
    return line;
  }

  lookup(urls: readonly string[]): LinkVerdict[] {
    const wanted = new Set(urls);
    const out: LinkVerdict[] = [];
    for (const l of this.lines()) {
      if (!l.url || l.via || !wanted.has(l.url)) continue;
      out.push({ url: l.url, entryId: l.id, verdict: l.verdict, headline: l.headline });
      wanted.delete(l.url);
    }
    return out;
  }

  get(id: number): JournalLine | undefined {
    return this.lines().find((l) => l.id === id);
  }

  clear(): void {
    this.store.delete(JOURNAL_KEY);
  }
}
