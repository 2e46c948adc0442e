import { describe, expect, it } from 'vitest';
import { contentDispositionName, downloadName } from '../../lib/download-name';

describe('download names', () => {
  it('takes the saved file base name, else the URL segment', () => {
    expect(downloadName('/home/u/Загрузки/result (1).json', 'https://x/y')).toBe('result (1).json');
    expect(downloadName(undefined, 'https://tor.knd.gov.ru/api/files/%D0%A4%D0%B0%D0%B9%D0%BB_1.zip')).toBe('Файл_1.zip');
  });
  it('reads Content-Disposition, UTF-8 form first', () => {
    expect(contentDispositionName(`attachment; filename="a.json"; filename*=UTF-8''%D0%A4%D0%B0%D0%B9%D0%BB_2.zip`)).toBe('Файл_2.zip');
    expect(contentDispositionName('attachment; filename="result_5512.json"')).toBe('result_5512.json');
    expect(contentDispositionName(null)).toBeNull();
  });
});
