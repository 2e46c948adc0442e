/**
 * «Перечень дочерних ЛКО без идентификатора в ССТУ.РФ» (ИД ЛКО, Название ЛКО): while any child ЛКО has no
 * ССТУ.РФ id, nothing of the tree can be sent (seed 004, п. 1.2, 5.1).
 */
import { cellAddress } from '../formats/sheet';
import type { Finding } from './report';
import type { KindCheck, KindResult } from './types';
import { detectSstu, locate, sheetWhere } from './sstu-detect';
import { cleanText, count, listShort, normValue, tableRows } from '../sstu/table';

const MAX_LKO_FINDINGS = 300;

export interface LkoWithoutIdDetails {
  lko: { id: string; name: string; row: number }[];
  sheet: string;
}

export const sstuLkoWithoutId: KindCheck = {
  id: 'sstu-lko-without-id',
  detect: (file) => detectSstu(file, 'sstu-lko-without-id'),
  async check(file): Promise<KindResult> {
    const { sheet, header } = await locate(file, 'sstu-lko-without-id');
    const seen = new Set<string>();
    const lko: LkoWithoutIdDetails['lko'] = [];
    for (const row of tableRows(sheet, header)) {
      const id = cleanText(row.cells.lkoId ?? '');
      const name = cleanText(row.cells.lkoName ?? '');
      const key = `${normValue(id)}\u0000${normValue(name)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      lko.push({ id, name, row: row.index });
    }
    const findings: Finding[] = [];
    if (lko.length === 0) {
      findings.push({
        severity: 'info',
        code: 'no-lko-without-id',
        message: 'Перечень пуст: у всех дочерних ЛКО есть идентификатор органа в ССТУ.РФ.',
      });
    } else {
      findings.push({
        severity: 'error',
        code: 'lko-without-id',
        message:
          `${count(lko.length, 'дочернее ЛКО', 'дочерних ЛКО', 'дочерних ЛКО')} без идентификатора органа в ССТУ.РФ: ${listShort(lko.map((l) => l.name || l.id), 5)}. ` +
          'Пока идентификаторов нет, данные дерева ЛКО в ССТУ.РФ не уйдут. Свяжитесь с администраторами этих ЛКО: каждый должен получить идентификатор ' +
          'в органе, в ведении которого находится его организация, и внести его в разделе «ССТУ.РФ» ПОС (вышестоящий администратор может внести его сам).',
      });
      for (const l of lko.slice(0, MAX_LKO_FINDINGS)) {
        findings.push({
          severity: 'error',
          code: 'lko-without-id',
          message: `ЛКО «${l.name || 'без названия'}» (ИД ЛКО ${l.id || 'не указан'}): нет идентификатора органа в ССТУ.РФ.`,
          where: sheetWhere(sheet, cellAddress(l.row, header.columns.lkoId)),
        });
      }
    }
    const details: LkoWithoutIdDetails = { lko, sheet: sheet.name };
    return { summary: { lko: lko.length }, findings, details: details as unknown as Record<string, unknown> };
  },
};
