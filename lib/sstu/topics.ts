/** The support request line for an unbound topic, exactly as the instruction's example (seed 004, п. 7). */
import { quote } from '../quote';
import { portalById } from '../portals';

export const POS_SUPPORT_EMAIL: string = portalById('pos').supportEmail ?? 'sd@sc.digital.gov.ru';

export interface TopicLike {
  category: string;
  subcategory: string;
  fact: string;
}

/**
 * «Отсутствует привязка факта «…» подкатегории «…» к классификатору УРОГ.» — or of the subcategory alone
 * when the message has no fact (or of the category when even the subcategory is empty).
 */
export function topicLine(t: TopicLike): string {
  const fact = t.fact.trim();
  const sub = t.subcategory.trim();
  if (fact && fact !== '-') return `Отсутствует привязка факта «${fact}» подкатегории «${sub}» к классификатору УРОГ.`;
  if (sub) return `Отсутствует привязка подкатегории «${sub}» к классификатору УРОГ.`;
  return `Отсутствует привязка категории ${quote(t.category.trim())} к классификатору УРОГ.`;
}
