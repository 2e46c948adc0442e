/**
 * ЕРУЛ page selectors, in one place. Seen on: «Лицензии» → «Переприсвоение» (uploaded files and the
 * result JSON of each). Tested against tests/fixtures/pages/erul-renumbering.html.
 */
import type { FileLink } from '../../components/inpage/decorate-links';
import { fileLinksIn, hasHeading } from '../../components/inpage/file-links';

const RESULT_TEXT = /\.json\s*$|^(скачать|результат|файл результата)/i;

export function erulFileLinks(root: ParentNode): FileLink[] {
  return fileLinksIn(root, RESULT_TEXT);
}

export function isRenumberingPage(root: ParentNode): boolean {
  return hasHeading(root, /переприсвоение/i);
}
