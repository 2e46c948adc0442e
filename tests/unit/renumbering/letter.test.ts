import { describe, expect, it } from 'vitest';
import { checkFixture } from './helpers';
import { needsTorKndLetter, torKndSupportLetter, MAILTO_SAFE_LENGTH } from '../../../lib/letters/tor-knd-support';
import { licenceNumbers } from '../../../scripts/fixtures/renumbering';
import type { CheckReport } from '../../../lib/checks/report';

const PROFILE = { orgName: 'Департамент лицензирования Ярославской области', inn: '7604012345', ogrn: '1027600680744', region: 'Ярославская область', contact: 'Иванова И. И., +7 4852 00-00-00' };

describe('letter to ТОР КНД support', () => {
  it('names the organisation, the files, each failed licence with its error, and reminds to attach', async () => {
    const erul = await checkFixture('erul-mixed.json');
    const imp = await checkFixture('import-mixed.json');
    expect(needsTorKndLetter(erul)).toBe(true);
    const l = torKndSupportLetter([erul, imp], PROFILE);
    expect(l.to).toBe('kndsupport@voskhod.ru');
    expect(l.subject).toBe('Переприсвоение номеров лицензий в ЕРУЛ: ошибки — Департамент лицензирования Ярославской области');
    expect(l.body).toContain('Департамент лицензирования Ярославской области (ИНН 7604012345, ОГРН 1027600680744)');
    expect(l.body).toContain('«erul-mixed.json» — результат переприсвоения из ЕРУЛ: записей 10, переприсвоено 6, уже в ЕРУЛ 3, с ошибками 1');
    expect(l.body).toContain(`${licenceNumbers(9).old} — ошибка «Лицензия не найдена в реестре лицензирующего органа» (файл «erul-mixed.json»)`);
    expect(l.body).toMatch(/Лицензии с ошибками \(2\)/);
    expect(l.body).toContain('Контактное лицо: Иванова И. И.');
    expect(l.reminder).toMatch(/приложить.*«erul-mixed\.json», «import-mixed\.json»/);
    expect(l.failed).toBe(2);
    expect(l.mailto.startsWith('mailto:kndsupport@voskhod.ru?subject=')).toBe(true);
    expect(decodeURIComponent(l.mailto.split('&body=')[1])).toBe(l.body);
    // «already in ЕРУЛ» licences are not errors: they are not listed
    expect(l.body).not.toContain('Сервис не предназначен');
  });

  it('lists pairing problems, asks for the organisation when the profile is empty, keeps mailto short', async () => {
    const r = await checkFixture('erul-missing-object.json');
    const l = torKndSupportLetter([r]);
    expect(l.body).toContain(`${licenceNumbers(3).old} — после старого номера нет записи с новым номером`);
    expect(l.body).toContain('[укажите организацию в настройках расширения]');
    const many: CheckReport = {
      ...r,
      records: Array.from({ length: 2000 }, (_, i) => ({ old: licenceNumbers(i).old, new: '', outcome: 'failed' as const, error: 'Внутренняя ошибка сервиса' })),
      summary: { ...r.summary, failed: 2000 },
    };
    const big = torKndSupportLetter([many], PROFILE);
    expect(big.body).toContain('…и ещё 1700 — полный список в приложенных файлах.');
    expect(big.mailto.length).toBeLessThanOrEqual(MAILTO_SAFE_LENGTH);
    expect(decodeURIComponent(big.mailto.split('&body=')[1])).toMatch(/Скопировать текст/);
  });
});
