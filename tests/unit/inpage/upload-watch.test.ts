// @vitest-environment happy-dom
/**
 * The watch at a portal's file input (components/inpage/upload-watch.ts), shared by the extension and the
 * userscript, against a stand-in host: what it asks the host, the verdict beside the input, and the one
 * question before the portal's own button sends a file with an error.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { watchUploads } from '../../../components/inpage/upload-watch';
import type { InpageHost, UploadResult } from '../../../components/inpage/host';
import type { UploadRule } from '../../../lib/upload/expected';

const RULES: UploadRule[] = [{ expect: 'erul-renumbering-result', context: /загрузка присвоенных номеров/i }];

function page() {
  document.body.innerHTML = `<div role="dialog"><h3>Загрузка присвоенных номеров лицензий из ЕРУЛ</h3>
    <input type="file" id="f"><button type="button" id="send">Загрузить</button></div>`;
  const input = document.getElementById('f') as HTMLInputElement;
  const send = document.getElementById('send') as HTMLButtonElement;
  let sent = 0;
  send.addEventListener('click', () => sent++);
  return { input, send, sent: () => sent };
}

function standInHost(answer: (file: File) => UploadResult) {
  const asked: { name: string; expect: string | undefined }[] = [];
  const opened: number[] = [];
  const host: Pick<InpageHost, 'checkUpload' | 'openReport'> = {
    checkUpload(file, expect, onResult) {
      asked.push({ name: file.name, expect });
      queueMicrotask(() => onResult(answer(file)));
    },
    openReport: (id) => opened.push(id),
  };
  return { host, asked, opened };
}

function choose(input: HTMLInputElement, files: File[]): void {
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

const verdictLines = () => Array.from(document.querySelector('sverka-upload')?.shadowRoot?.querySelectorAll('li') ?? []);
const questionBox = () => document.querySelector('sverka-confirm')?.shadowRoot?.querySelector('[role="alertdialog"]') ?? null;
const settle = () => new Promise((r) => setTimeout(r, 0));
function pressInQuestion(label: string): void {
  const b = Array.from(questionBox()!.querySelectorAll('button')).find((x) => x.textContent === label)!;
  b.click();
}

const bad = (file: File): UploadResult => ({ type: 'upload-verdict', entryId: 3, fileName: file.name, verdict: 'error', headline: 'Это протокол обработки, а здесь ждут результат ЕРУЛ', notes: [] });

let controller: AbortController;
afterEach(() => controller.abort());

describe('the check at a portal file input, through the host', () => {
  it('asks the host with the kind the input expects and shows the verdict beside the input', async () => {
    const p = page();
    const h = standInHost((f) => ({ type: 'upload-verdict', entryId: 1, fileName: f.name, verdict: 'ok', headline: 'Файл в порядке — можно загружать', notes: [] }));
    controller = new AbortController();
    watchUploads(h.host, RULES, controller.signal);
    choose(p.input, [new File(['[]'], 'erul.json')]);
    expect(h.asked).toEqual([{ name: 'erul.json', expect: 'erul-renumbering-result' }]);
    await settle();
    expect(verdictLines().map((l) => l.getAttribute('data-verdict'))).toEqual(['ok']);
    expect(p.input.nextElementSibling?.tagName.toLowerCase()).toBe('sverka-upload');
    p.send.click();
    await settle();
    expect(p.sent()).toBe(1);
    expect(questionBox()).toBeNull();
  });

  it('an error: one question; «Отменить» keeps the button from sending, and the same file is never asked about again', async () => {
    const p = page();
    const h = standInHost(bad);
    controller = new AbortController();
    watchUploads(h.host, RULES, controller.signal);
    choose(p.input, [new File(['<x/>'], 'protocol.xml', { lastModified: 1 })]);
    await settle();
    p.send.click();
    await settle();
    expect(questionBox()?.textContent).toContain('В файле «protocol.xml» ошибка: Это протокол обработки, а здесь ждут результат ЕРУЛ');
    expect(p.sent()).toBe(0);
    pressInQuestion('Отменить');
    await settle();
    expect(questionBox()).toBeNull();
    expect(p.sent()).toBe(0);
    p.send.click();
    await settle();
    expect(p.sent()).toBe(1);
    expect(questionBox()).toBeNull();
  });

  it('«Всё равно загрузить» lets the portal\u2019s button send exactly once; the report link goes to the host', async () => {
    const p = page();
    const h = standInHost(bad);
    controller = new AbortController();
    watchUploads(h.host, RULES, controller.signal);
    choose(p.input, [new File(['<x/>'], 'protocol.xml', { lastModified: 2 })]);
    await settle();
    (verdictLines()[0].querySelector('button.open') as HTMLButtonElement).click();
    expect(h.opened).toEqual([3]);
    p.send.click();
    await settle();
    pressInQuestion('Всё равно загрузить');
    await settle();
    expect(p.sent()).toBe(1);
    expect(questionBox()).toBeNull();
  });

  it('Сверка off for the portal (`off`): nothing is shown and the button is never held', async () => {
    const p = page();
    const h = standInHost(() => 'off');
    controller = new AbortController();
    watchUploads(h.host, RULES, controller.signal);
    choose(p.input, [new File(['x'], 'any.json')]);
    await settle();
    expect(document.querySelector('sverka-upload')).toBeNull();
    p.send.click();
    expect(p.sent()).toBe(1);
  });
});
