/**
 * «Перечень сообщений по своему [и дочерним] ЛКО без тематик УРОГ»: every row is a message whose subcategory
 * (and maybe fact) is not bound to the УРОГ classifier. The official needs the distinct topics: one support
 * request line per topic (seed 004, п. 7).
 */
import { cellAddress } from '../formats/sheet';
import type { Finding, Topic } from './report';
import type { KindCheck, KindResult } from './types';
import { detectSstu, locate, periodOf, sheetWhere } from './sstu-detect';
import { cleanText, count, listShort, normValue, tableRows } from '../sstu/table';
import { POS_SUPPORT_EMAIL, topicLine } from '../sstu/topics';

const COLUMN_TITLES = {
  lkoId: 'Идентификатор ЛКО',
  lkoName: 'Полное наименование ЛКО',
  number: 'Номер обращения в ПОС',
  fact: 'Факт обращения',
} as const;

/** Findings for at most this many topics; the rest are summed up in one finding. */
const MAX_TOPIC_FINDINGS = 200;

export interface UnboundDetails {
  /** «own» — the report for one ЛКО; «tree» — for the ЛКО and its children; null when the title does not say. */
  scope: 'own' | 'tree' | null;
  /** «YYYY-MM» of the reporting period when the title or the file name gives it. */
  period: string | null;
  /** ЛКО id → full name, as the report gives them. */
  lkoNames: Record<string, string>;
  /** Topic index (in `topics`) → appeal numbers, at most 50 each, for the report view. */
  numbers: string[][];
  sheet: string;
  headerRow: number;
  missingColumns: string[];
}

export const sstuUnboundTopics: KindCheck = {
  id: 'sstu-unbound-topics',
  detect: (file) => detectSstu(file, 'sstu-unbound-topics'),
  async check(file): Promise<KindResult> {
    const { sheet, header, title } = await locate(file, 'sstu-unbound-topics');
    const rows = tableRows(sheet, header);
    const byKey = new Map<string, { topic: Topic; lko: Set<string>; numbers: string[]; firstRow: number }>();
    const lkoAll = new Set<string>();
    const lkoNames: Record<string, string> = {};
    const c = header.columns;
    for (const row of rows) {
      const cells = row.cells;
      const category = cleanText(cells.category ?? '');
      const subcategory = cleanText(cells.subcategory ?? '');
      const fact = 'fact' in c ? cleanText(cells.fact ?? '') : '';
      const lkoId = cleanText(cells.lkoId ?? '') || cleanText(cells.lkoName ?? '');
      if (lkoId) {
        lkoAll.add(lkoId);
        if (cells.lkoName && !(lkoId in lkoNames)) lkoNames[lkoId] = cleanText(cells.lkoName);
      }
      const key = `${normValue(category)}\u0000${normValue(subcategory)}\u0000${normValue(fact === '-' ? '' : fact)}`;
      let t = byKey.get(key);
      if (!t) {
        t = { topic: { category, subcategory, fact: fact === '-' ? '' : fact, messages: 0, lko: [] }, lko: new Set(), numbers: [], firstRow: row.index };
        byKey.set(key, t);
      }
      t.topic.messages++;
      if (lkoId && !t.lko.has(lkoId)) {
        t.lko.add(lkoId);
        t.topic.lko.push(lkoId);
      }
      const number = cleanText(cells.number ?? '');
      if (number && t.numbers.length < 50) t.numbers.push(number);
    }

    const topics = [...byKey.values()];
    const findings: Finding[] = [];
    const missingColumns = (['lkoId', 'lkoName', 'number', 'fact'] as const).filter((k) => !(k in c));
    if (rows.length === 0) {
      findings.push({
        severity: 'info',
        code: 'no-unbound-topics',
        message: 'Перечень пуст: сообщений без тематик УРОГ нет. Обращаться в поддержку Оператора ПОС не нужно.',
      });
    } else {
      findings.push({
        severity: 'error',
        code: 'unbound-topics',
        message:
          `${count(rows.length, 'сообщение', 'сообщения', 'сообщений')} (${count(lkoAll.size, 'ЛКО', 'ЛКО', 'ЛКО')}) без тематик УРОГ: ` +
          `${count(topics.length, 'тематика не привязана', 'тематики не привязаны', 'тематик не привязаны')} к классификатору УРОГ. ` +
          `Пока привязки нет, данные за период не уйдут в ССТУ.РФ. Отправьте письмо в поддержку Оператора ПОС (${POS_SUPPORT_EMAIL}) — текст готов в отчёте.`,
      });
      for (const t of topics.slice(0, MAX_TOPIC_FINDINGS)) {
        findings.push({
          severity: 'error',
          code: 'unbound-topic',
          message:
            `${topicLine(t.topic)} Категория «${t.topic.category || '—'}»; ${count(t.topic.messages, 'сообщение', 'сообщения', 'сообщений')}; ` +
            `ЛКО: ${listShort(t.topic.lko, 5) || 'не указано'}.`,
          where: sheetWhere(sheet, cellAddress(t.firstRow, c.subcategory)),
        });
      }
      if (topics.length > MAX_TOPIC_FINDINGS) {
        findings.push({
          severity: 'error',
          code: 'unbound-topic',
          message: `И ещё ${count(topics.length - MAX_TOPIC_FINDINGS, 'тематика', 'тематики', 'тематик')} без привязки: полный список — в отчёте и в выгрузке XLSX.`,
        });
      }
      const noSub = rows.filter((r) => !cleanText(r.cells.subcategory ?? '')).length;
      if (noSub > 0) {
        findings.push({
          severity: 'info',
          code: 'subcategory-empty',
          message: `В ${count(noSub, 'строке', 'строках', 'строках')} не указана подкатегория: для них в письме будет только категория. Уточните тематику в карточке обращения.`,
        });
      }
    }
    for (const k of missingColumns) {
      findings.push({
        severity: 'info',
        code: 'column-missing',
        message: `В отчёте нет столбца «${COLUMN_TITLES[k]}»: проверка идёт без него.`,
      });
    }
    const scope: UnboundDetails['scope'] = /своему и дочерним|своей и дочерним/.test(`${title} ${normValue(file.name)}`)
      ? 'tree'
      : /по своему лко/.test(`${title} ${normValue(file.name)}`)
        ? 'own'
        : null;
    const details: UnboundDetails = {
      scope,
      period: periodOf(title, file.name),
      lkoNames,
      numbers: topics.map((t) => t.numbers),
      sheet: sheet.name,
      headerRow: header.row,
      missingColumns: [...missingColumns],
    };
    return {
      summary: { rows: rows.length, lko: lkoAll.size, topics: topics.length },
      topics: topics.map((t) => t.topic),
      findings,
      details: details as unknown as Record<string, unknown>,
    };
  },
};
