// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findSstuIdField, isSstuSection, posFileLinks } from '../../../entrypoints/pos.content/selectors';
import { watchSstuId } from '../../../entrypoints/pos.content/id-watch';
import { sstuIdProblem } from '../../../lib/sstu/sstu-id';

const PAGES = join(__dirname, '..', '..', 'fixtures', 'pages');

function load(name: string): void {
  const html = readFileSync(join(PAGES, name), 'utf8');
  document.documentElement.innerHTML = html.replace(/^<!doctype html>\s*/i, '').replace(/^<html[^>]*>|<\/html>\s*$/gi, '');
}

const warning = () => document.querySelector('[data-sverka="sstu-id"]')?.shadowRoot?.querySelector('[role="alert"]') ?? null;

afterEach(() => {
  document.documentElement.innerHTML = '<head></head><body></body>';
});

describe('ПОС «ССТУ.РФ» section: selectors on the saved page', () => {
  it('finds the ССТУ.РФ id field by its label and reads the GUID', () => {
    load('pos-sstu-section.html');
    expect(isSstuSection(document)).toBe(true);
    const f = findSstuIdField(document)!;
    expect(f.input?.id).toBe('mat-input-3');
    expect(f.value).toBe('b5f72b2f-13fd-4e6f-b119-456b9e1179f8');
  });

  it('finds the field when the label is a plain div not tied by «for»', () => {
    load('pos-sstu-section-no-id.html');
    const f = findSstuIdField(document)!;
    expect(f.input?.getAttribute('placeholder')).toBe('Введите идентификатор');
    expect(f.value).toBe('');
  });

  it('lists the reports and archives once each, named as the official sees them; not the PDF or menu links', () => {
    load('pos-sstu-section.html');
    const links = posFileLinks(document);
    expect(links.map((l) => l.name)).toEqual([
      'Перечень дочерних ЛКО без идентификатора в ССТУ.РФ.xls',
      'Перечень сообщений по своему и дочерним ЛКО без тематик УРОГ.xls',
      'Статус выгрузки и загрузки данных по своей и дочерним организациям в ССТУ.РФ.xls',
      'Файл_1.zip',
      'Файл_2.zip',
      'Файл_3.zip',
      'Отчет об ошибках.xls',
    ]);
    expect(links[3].url).toContain('/api/sstu/archive/1');
    expect(isSstuSection(document.createElement('div'))).toBe(false);
  });
});

describe('«Идентификатор органа в ССТУ.РФ» warning', () => {
  it('sstuIdProblem: empty, not a GUID, a GUID (any case, with braces)', () => {
    expect(sstuIdProblem('  ')?.code).toBe('sstu-id-empty');
    expect(sstuIdProblem('3DB1BE3B-BED1-49F6-AB4C-D138A81A950')?.code).toBe('sstu-id-not-guid');
    expect(sstuIdProblem('12345')?.message).toContain('GUID');
    expect(sstuIdProblem('3DB1BE3B-BED1-49F6-AB4C-D138A81A9505')).toBeNull();
    expect(sstuIdProblem('{b5f72b2f-13fd-4e6f-b119-456b9e1179f8}')).toBeNull();
  });

  it('warns on the page when the field is empty, follows typing, and goes away for a GUID', () => {
    load('pos-sstu-section-no-id.html');
    const ctrl = new AbortController();
    watchSstuId(document, ctrl.signal);
    expect(warning()?.getAttribute('data-code')).toBe('sstu-id-empty');
    expect(warning()?.textContent).toContain('пустое');
    const input = findSstuIdField(document)!.input!;
    input.value = 'b5f72b2f-13fd';
    input.dispatchEvent(new Event('input'));
    expect(warning()?.getAttribute('data-code')).toBe('sstu-id-not-guid');
    input.value = 'b5f72b2f-13fd-4e6f-b119-456b9e1179f8';
    input.dispatchEvent(new Event('input'));
    expect(warning()).toBeNull();
    ctrl.abort();
  });

  it('no warning for a valid id; one warning host only, however often it updates', () => {
    load('pos-sstu-section.html');
    const ctrl = new AbortController();
    const update = watchSstuId(document, ctrl.signal);
    expect(warning()).toBeNull();
    const input = findSstuIdField(document)!.input!;
    input.value = 'не указан';
    update();
    update();
    expect(document.querySelectorAll('[data-sverka="sstu-id"]')).toHaveLength(1);
    ctrl.abort();
    expect(document.querySelectorAll('[data-sverka="sstu-id"]')).toHaveLength(0);
  });
});
