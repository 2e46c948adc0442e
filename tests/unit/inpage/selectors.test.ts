// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { torKndFileLinks, isServiceTasksPage } from '../../../entrypoints/tor-knd.content/selectors';
import { erulFileLinks, isRenumberingPage } from '../../../entrypoints/erul.content/selectors';

function load(name: string): Document {
  const html = readFileSync(join(__dirname, '..', '..', 'fixtures', 'pages', name), 'utf8');
  const doc = document.implementation.createHTMLDocument('');
  doc.documentElement.innerHTML = html.replace(/^<!doctype html>/i, '');
  return doc;
}

describe('ТОР КНД selectors on the saved «Служебные задачи» page', () => {
  const doc = load('tor-knd-service-tasks.html');
  it('recognises the page by its heading', () => {
    expect(isServiceTasksPage(doc)).toBe(true);
    expect(isServiceTasksPage(load('erul-renumbering.html'))).toBe(false);
  });
  it('finds exactly the task result files, not the page navigation', () => {
    expect(torKndFileLinks(doc).map((l) => l.name)).toEqual(['export_1041.zip', 'import_result_1057.json']);
  });
});

describe('ЕРУЛ selectors on the saved «Переприсвоение» page', () => {
  const doc = load('erul-renumbering.html');
  it('recognises the page and finds both result links (by text and by download name), not «Справка»', () => {
    expect(isRenumberingPage(doc)).toBe(true);
    expect(erulFileLinks(doc).map((l) => l.name)).toEqual(['Скачать результат', 'result_5513.json']);
  });
});
