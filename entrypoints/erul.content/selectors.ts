/**
 * ЕРУЛ page selectors, in one place. Seen on: «Лицензии» → «Переприсвоение» (uploaded files and the
 * result JSON of each). Tested against tests/fixtures/pages/erul-renumbering.html.
 */
import type { FileLink } from '../../components/inpage/decorate-links';
import { fileLinksIn, hasHeading } from '../../components/inpage/file-links';
import type { UploadRule } from '../../lib/upload/expected';

const RESULT_TEXT = /\.json\s*$|^(скачать|результат|файл результата)/i;

export function erulFileLinks(root: ParentNode): FileLink[] {
  return fileLinksIn(root, RESULT_TEXT);
}

export function isRenumberingPage(root: ParentNode): boolean {
  return hasHeading(root, /переприсвоение/i);
}

/**
 * What ЕРУЛ's file inputs expect. «Лицензии» → «Переприсвоение»: the ТОР КНД registry export (JSON files of
 * at most 200 licences, or their zip). Tested on erul-renumbering-upload.html.
 */
export const ERUL_UPLOAD_RULES: readonly UploadRule[] = [{ expect: 'tor-knd-registry-export', context: /переприсвоени/i }];
