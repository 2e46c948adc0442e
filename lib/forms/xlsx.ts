/** The application as an XLSX with the same tables as the appendix (through the shared, neutralising exporter). */
import { buildXlsx, type ExportSheet } from '../export/xlsx';
import { APPENDIX_TITLES, CONFIRMATIONS, ORGANISATION_COLUMNS, USER_COLUMNS, type AccessRequest } from './model';

export function requestSheets(req: AccessRequest): ExportSheet[] {
  const sheets: ExportSheet[] = [
    {
      name: 'Заявка',
      header: ['Поле', 'Значение'],
      rows: [
        ['Форма', `Приложение ${req.appendix}`],
        ['Заявка', APPENDIX_TITLES[req.appendix]],
        ['Наименование региона', req.region],
        ...CONFIRMATIONS.map((text, i): [string, string] => [text, req.confirmations[i] ? 'Да' : 'Нет']),
        ['Руководитель КНО: наименование должности', req.signer.position],
        ['Руководитель КНО: ФИО', req.signer.name],
      ],
    },
    {
      name: 'Организации (КНО)',
      header: ORGANISATION_COLUMNS,
      rows: req.organisations.map((o) => [o.name, o.ogrn, o.service, o.headName, o.headPosition]),
    },
  ];
  if (req.appendix === 2) {
    sheets.push({
      name: 'Пользователи',
      header: USER_COLUMNS,
      rows: req.users.map((u, i) => [i + 1, u.name, u.position, u.snils, u.phone, u.email]),
    });
  }
  return sheets;
}

export function requestXlsx(req: AccessRequest): Uint8Array {
  return buildXlsx(requestSheets(req));
}

/** «Заявка_Приложение2_Костромская_область.xlsx»: no characters that file systems refuse. */
export function requestFileName(req: AccessRequest, ext = 'xlsx'): string {
  const region = req.region.trim().replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, '_').slice(0, 60);
  return `Заявка_Приложение${req.appendix}${region ? `_${region}` : ''}.${ext}`;
}
