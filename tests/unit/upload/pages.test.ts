// @vitest-environment happy-dom
/**
 * Which kind each portal's upload input expects, read from the saved pages of those portals with the
 * words-around-the-input reader the content scripts use (components/inpage/upload-context.ts).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectedKind, type UploadRule } from '../../../lib/upload/expected';
import { isSendButton, uploadContexts, uploadScope } from '../../../components/inpage/upload-context';
import { TOR_KND_UPLOAD_RULES } from '../../../entrypoints/tor-knd.content/selectors';
import { ERUL_UPLOAD_RULES } from '../../../entrypoints/erul.content/selectors';
import { EGISSO_UPLOAD_RULES } from '../../../entrypoints/egisso.content/selectors';
import { ECP_MIS_UPLOAD_RULES } from '../../../entrypoints/ecp-mis.content/selectors';
import { SSTU_UPLOAD_RULES } from '../../../entrypoints/sstu.content/selectors';

function load(name: string): Document {
  const html = readFileSync(join(__dirname, '..', '..', 'fixtures', 'pages', name), 'utf8');
  const doc = document.implementation.createHTMLDocument('');
  doc.documentElement.innerHTML = html.replace(/^<!doctype html>/i, '');
  return doc;
}

function fileInput(doc: Document): HTMLInputElement {
  const inputs = doc.querySelectorAll<HTMLInputElement>('input[type="file"]');
  expect(inputs).toHaveLength(1);
  return inputs[0];
}

/** The send buttons of the input's scope, by their words. */
function sendButtons(input: Element): string[] {
  return Array.from(uploadScope(input).querySelectorAll('button, [role="button"], input[type="submit"]'))
    .filter(isSendButton)
    .map((b) => (b.textContent ?? '').trim() || (b as HTMLInputElement).value);
}

const expects = (input: Element, rules: readonly UploadRule[]) => expectedKind(uploadContexts(input), rules);

describe('upload inputs on the saved portal pages', () => {
  it('ТОР КНД «Новая задача» → «Загрузка присвоенных номеров лицензий из ЕРУЛ»: an ЕРУЛ result, sent by «Загрузить»', () => {
    const input = fileInput(load('tor-knd-import-task.html'));
    expect(expects(input, TOR_KND_UPLOAD_RULES)).toBe('erul-renumbering-result');
    expect(sendButtons(input)).toEqual(['Загрузить']);
  });

  it('ЕРУЛ «Переприсвоение»: the ТОР КНД registry export, sent by the form', () => {
    const input = fileInput(load('erul-renumbering-upload.html'));
    expect(input.multiple).toBe(true);
    expect(expects(input, ERUL_UPLOAD_RULES)).toBe('tor-knd-registry-export');
    expect(sendButtons(input)).toEqual(['Отправить на переприсвоение']);
  });

  it('ЕГИССО cabinet «Загрузка пакета» (rendered by the app): an outgoing package; «Выбрать файл» does not send', () => {
    const doc = load('egisso-cabinet-upload.html');
    expect(doc.querySelectorAll('input[type="file"]')).toHaveLength(0); // not there until the app renders it
    const template = doc.getElementById('upload-card') as HTMLTemplateElement;
    doc.querySelector('app-root')!.append(template.content.cloneNode(true));
    const input = fileInput(doc);
    expect(expects(input, EGISSO_UPLOAD_RULES)).toBe('egisso-package');
    expect(expects(doc.querySelector('.file-drop-zone')!, EGISSO_UPLOAD_RULES)).toBe('egisso-package');
    expect(sendButtons(input)).toEqual(['Отправить пакет']);
  });

  it('ЕЦП.МИС «Загрузка файла протокола обработки»: a processing protocol, sent by «Загрузить», not by the toolbar', () => {
    const input = fileInput(load('ecp-mis-egisso-protocol-upload.html'));
    expect(expects(input, ECP_MIS_UPLOAD_RULES)).toBe('egisso-protocol');
    expect(sendButtons(input)).toEqual(['Загрузить']);
  });

  it('ССТУ.РФ: an archive, sent by the form', () => {
    const input = fileInput(load('sstu-rf-upload.html'));
    expect(expects(input, SSTU_UPLOAD_RULES)).toBe('sstu-archive');
    expect(sendButtons(input)).toEqual(['Загрузить']);
  });

  it('an input the rules do not know expects nothing (Сверка checks whatever comes)', () => {
    const doc = load('pos-sstu-section.html');
    const input = doc.createElement('input');
    input.type = 'file';
    doc.body.append(input);
    expect(expects(input, TOR_KND_UPLOAD_RULES)).toBeNull();
    expect(expects(input, ERUL_UPLOAD_RULES)).toBeNull();
  });
});
