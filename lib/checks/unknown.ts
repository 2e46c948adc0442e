import { FORMAT_NAMES } from '../formats/sniff';
import type { PreparedFile } from '../formats/prepared';
import { KIND_TITLES } from './kinds';
import type { KindResult } from './types';

const KNOWN = Object.entries(KIND_TITLES)
  .filter(([id]) => id !== 'unknown')
  .map(([, title]) => title);

/** The `unknown` kind: says what the file looks like and which files the extension knows. */
export function unknownResult(file: PreparedFile): KindResult {
  return {
    summary: { format: file.format, bytes: file.size },
    findings: [
      {
        severity: 'warn',
        code: 'unknown-kind',
        message:
          `Файл похож на ${FORMAT_NAMES[file.format]}, но это не один из файлов, которые умеет проверять расширение. ` +
          `Проверьте, тот ли файл скачан. Расширение знает: ${KNOWN.join('; ')}.`,
      },
    ],
  };
}
