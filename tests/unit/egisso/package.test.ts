import { describe, expect, it } from 'vitest';
import { checkSource } from '../../../lib/checks/registry';
import { bytesSource } from '../../../lib/formats/source';

const xml = `<?xml version="1.0" encoding="UTF-8"?>
<data xmlns="urn://egisso-ru/msg/10.06.S/1.1.0" xmlns:pac="urn://egisso-ru/types/package-RAF/1.1.0" xmlns:af="urn://egisso-ru/types/assignment-fact/1.0.8"
 xmlns:prsn="urn://egisso-ru/types/prsn-info/1.0.4" xmlns:smev="urn://x-artefacts-smev-gov-ru/supplementary/commons/1.0.1">
<pac:package><pac:packageId>0f1e2d3c-4b5a-4987-8765-43210fedcba9</pac:packageId><pac:elements>
<pac:fact><af:oszCode>1234.567890</af:oszCode><af:mszReceiver><prsn:SNILS>11223344595</prsn:SNILS><smev:FamilyName>Тестова</smev:FamilyName>
<smev:FirstName>Анна</smev:FirstName><prsn:Gender>Female</prsn:Gender><prsn:BirthDate>1980-01-31</prsn:BirthDate></af:mszReceiver>
<af:lmszId>aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee</af:lmszId><af:categoryId>bbbbbbbb-cccc-4ddd-8eee-ffffffffffff</af:categoryId>
<af:decisionDate>2024-02-01</af:decisionDate><af:dateStart>2024-02-01</af:dateStart><af:needsCriteria><af:usingSign>false</af:usingSign></af:needsCriteria>
<af:assignmentInfo><af:monetaryForm><af:amount>1500.00</af:amount></af:monetaryForm></af:assignmentInfo><pac:uuid>c0000000-0000-4000-8000-000000000001</pac:uuid></pac:fact>
<pac:fact><af:oszCode>1234.567890</af:oszCode><af:mszReceiver><prsn:SNILS>98765432184</prsn:SNILS><smev:FamilyName>Примеpов</smev:FamilyName>
<smev:FirstName>Иван</smev:FirstName><prsn:Gender>M</prsn:Gender><prsn:BirthDate>1975-06-15</prsn:BirthDate></af:mszReceiver>
<af:lmszId>aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee</af:lmszId><af:categoryId>bbbbbbbb-cccc-4ddd-8eee-ffffffffffff</af:categoryId>
<af:decisionDate>2024-02-01</af:decisionDate><af:dateStart>2024-02-01</af:dateStart><af:dateFinish>2023-12-31</af:dateFinish>
<af:needsCriteria><af:usingSign>true</af:usingSign><af:needsCriteria><af:needsCriteriaCode>100</af:needsCriteriaCode></af:needsCriteria><af:needsCriteria><af:needsCriteriaCode>100</af:needsCriteriaCode></af:needsCriteria></af:needsCriteria>
<af:assignmentInfo><af:monetaryForm><af:amount>2750,5</af:amount></af:monetaryForm></af:assignmentInfo><pac:uuid>c0000000-0000-4000-8000-000000000001</pac:uuid></pac:fact>
</pac:elements></pac:package></data>
`;

const SUMMARY_KEYS = ['message', 'version', 'withdrawn', 'elements', 'facts', 'problems', 'byCheck'];

describe('egisso-package: detection and summary (contract)', () => {
  it('a 10.06.S 1.1.0 package is detected by its root namespace, summary has exactly the contract fields', async () => {
    const r = await checkSource('p.xml', bytesSource(new TextEncoder().encode(xml)));
    expect(r.kind).toBe('egisso-package');
    expect(Object.keys(r.summary).sort()).toEqual([...SUMMARY_KEYS].sort());
    expect(r.summary.message).toBe('10.06.S');
    expect(r.summary.version).toBe('1.1.0');
    expect(r.summary.withdrawn).toBe(false);
  });
});
