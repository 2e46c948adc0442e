/**
 * The access-request form (Приложение 1 or 2 of seed 001): fill, validate beside each field, print like the
 * appendix, download XLSX, and the covering e-mail to the ТОР КНД support. Storage and side effects come in
 * as props, so the component is tested without the extension APIs.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  APPENDIX_PURPOSE,
  CONFIRMATIONS,
  emptyOrganisation,
  emptyRequest,
  emptyUser,
  type AccessRequest,
  type Appendix,
  type FormUser,
  type Organisation,
} from '../../lib/forms/model';
import { ORGANISATION_LABELS, USER_LABELS, validateRequest } from '../../lib/forms/validate';
import { coveringEmail } from '../../lib/forms/letter';
import { countWord } from '../../lib/plural';
import { requestFileName, requestXlsx } from '../../lib/forms/xlsx';
import { REGIONS } from '../../lib/forms/regions';
import { Field, fieldId } from './Field';
import { PrintView } from './PrintView';

export interface DraftStore {
  load(appendix: Appendix): Promise<AccessRequest | null>;
  save(request: AccessRequest): Promise<void>;
  clear(appendix: Appendix): Promise<void>;
}

export interface FormPageProps {
  initialAppendix: Appendix;
  store: DraftStore;
  /** Prefill for an empty form (the region from the options profile). */
  defaults?: { region?: string };
  download(bytes: Uint8Array, fileName: string): void;
  print(): void;
  copy(text: string): Promise<void>;
  /** Debounce of draft saving, ms. */
  saveDelay?: number;
}

const ORG_HINTS: Partial<Record<keyof Organisation, string>> = { ogrn: '13 цифр, последняя — контрольная' };
const USER_HINTS: Partial<Record<keyof FormUser, string>> = {
  snils: '11 цифр: 123-456-789 01',
  phone: 'Мобильный: +7 9XX XXX-XX-XX или 8 9XX…',
};
const USER_INPUT: Partial<Record<keyof FormUser, { type: 'email' | 'tel'; inputMode: 'email' | 'tel' | 'numeric' }>> = {
  email: { type: 'email', inputMode: 'email' },
  phone: { type: 'tel', inputMode: 'tel' },
};

function fresh(appendix: Appendix, defaults?: { region?: string }): AccessRequest {
  return { ...emptyRequest(appendix), region: defaults?.region ?? '' };
}

export function FormPage(props: FormPageProps) {
  const [request, setRequest] = useState<AccessRequest | null>(null);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [status, setStatus] = useState('');
  const [saved, setSaved] = useState('');
  const summaryRef = useRef<HTMLDivElement>(null);
  const dirty = useRef(false);

  const loadAppendix = async (appendix: Appendix) => {
    const draft = await props.store.load(appendix).catch(() => null);
    setRequest(draft ?? fresh(appendix, props.defaults));
    setTouched(new Set());
    setShowAll(false);
    setStatus('');
    setSaved(draft ? 'Открыт сохранённый черновик.' : '');
  };

  useEffect(() => void loadAppendix(props.initialAppendix), []);

  // drafts: saved a moment after the last change
  useEffect(() => {
    if (!request || !dirty.current) return;
    const t = setTimeout(() => {
      props.store.save(request).then(
        () => setSaved(`Черновик сохранён в этом браузере в ${new Date().toLocaleTimeString('ru-RU', { hour: '2-digit', minute: '2-digit' })}.`),
        () => setSaved('Черновик сохранить не удалось: место в браузере, видимо, закончилось.'),
      );
    }, props.saveDelay ?? 400);
    // closing the tab within the delay must not lose the last change
    const flush = () => void props.store.save(request);
    window.addEventListener('pagehide', flush);
    return () => {
      clearTimeout(t);
      window.removeEventListener('pagehide', flush);
    };
  }, [request]);

  const validation = useMemo(() => (request ? validateRequest(request) : null), [request]);
  const mail = useMemo(() => (validation ? coveringEmail(validation.normalised) : null), [validation]);
  if (!request || !validation || !mail) return <p>Загрузка…</p>;

  const update = (next: AccessRequest) => {
    dirty.current = true;
    setRequest(next);
  };
  const touch = (path: string) => setTouched((t) => (t.has(path) ? t : new Set(t).add(path)));
  const errorOf = (path: string) => (showAll || touched.has(path) ? validation.byPath[path] ?? null : null);

  const setOrg = (i: number, f: keyof Organisation, v: string) =>
    update({ ...request, organisations: request.organisations.map((o, k) => (k === i ? { ...o, [f]: v } : o)) });
  const setUser = (i: number, f: keyof FormUser, v: string) =>
    update({ ...request, users: request.users.map((u, k) => (k === i ? { ...u, [f]: v } : u)) });

  const switchAppendix = async (appendix: Appendix) => {
    if (appendix === request.appendix) return;
    if (dirty.current) await props.store.save(request).catch(() => undefined);
    dirty.current = false;
    await loadAppendix(appendix);
  };

  /** Validates everything before an output; on errors, shows the list and moves focus to it. */
  const attempt = (): boolean => {
    setShowAll(true);
    if (validation.ok) return true;
    setStatus('');
    setTimeout(() => summaryRef.current?.focus(), 0);
    return false;
  };

  const downloadXlsx = () => {
    if (!attempt()) return;
    const name = requestFileName(validation.normalised);
    props.download(requestXlsx(validation.normalised), name);
    setStatus(`Файл «${name}» скачан.`);
  };

  const print = () => {
    if (!attempt()) return;
    props.print();
  };

  const copyMail = async () => {
    try {
      await props.copy(`Кому: ${mail.to}\nТема: ${mail.subject}\n\n${mail.body}`);
      setStatus('Письмо скопировано: вставьте его в почтовую программу.');
    } catch {
      setStatus('Скопировать не удалось: выделите текст письма и скопируйте его вручную.');
    }
  };

  const clearForm = async () => {
    await props.store.clear(request.appendix).catch(() => undefined);
    dirty.current = false;
    setRequest(fresh(request.appendix, props.defaults));
    setTouched(new Set());
    setShowAll(false);
    setSaved('Черновик удалён.');
  };

  const issues = showAll ? validation.issues : [];
  const listError = (path: string) => (showAll ? validation.byPath[path] : undefined);

  return (
    <div class="forms-page">
      <main class="screen-only">
        <h1>Заявка на доступ к подсистеме Лицензирование ГИС ТОР КНД</h1>
        <p class="muted">
          Формы из «Порядка предоставления доступа к подсистеме Лицензирование». Поля проверяются сразу: ОГРН и СНИЛС — по контрольным
          цифрам, телефон приводится к виду +7XXXXXXXXXX. Черновик хранится только в этом браузере.
        </p>
        <p>
          <a href="/checklists.html?process=licensing-access">Какую заявку подавать и что делать дальше — порядок действий</a>
        </p>

        <fieldset class="card">
          <legend>Какая заявка</legend>
          {([1, 2] as const).map((a) => (
            <div key={a} class="choice">
              <input
                type="radio"
                id={`appendix-${a}`}
                name="appendix"
                value={String(a)}
                checked={request.appendix === a}
                onChange={() => void switchAppendix(a)}
              />
              <label for={`appendix-${a}`} class="inline">
                Приложение {a}
                {a === 1 ? ' — настройка стандартов' : ' — доступ к подсистеме и список пользователей'}
              </label>
              <div class="muted choice-note">{APPENDIX_PURPOSE[a]}</div>
            </div>
          ))}
        </fieldset>

        {issues.length > 0 && (
          <div class="card error-summary" role="alert" tabIndex={-1} ref={summaryRef} aria-labelledby="error-summary-title">
            <h2 id="error-summary-title">
              Исправьте {issues.length === 1 ? 'ошибку' : `ошибки (${issues.length})`}, и заявку можно будет распечатать и скачать:
            </h2>
            <ul>
              {issues.map((i) => (
                <li key={i.path}>
                  <a
                    href={`#${fieldId(i.path)}`}
                    onClick={(e) => {
                      e.preventDefault();
                      document.getElementById(fieldId(i.path))?.focus();
                    }}
                  >
                    {i.where}
                  </a>
                  : {i.message}
                </li>
              ))}
            </ul>
          </div>
        )}

        <section aria-labelledby="region-title">
          <h2 id="region-title">Регион</h2>
          <Field
            path="region"
            label="Наименование региона"
            value={request.region}
            error={errorOf('region')}
            wide
            list="regions"
            onInput={(v) => update({ ...request, region: v })}
            onBlur={() => touch('region')}
          />
          <datalist id="regions">
            {REGIONS.map((r) => <option key={r} value={r} />)}
          </datalist>
        </section>

        <section aria-labelledby="orgs-title">
          <h2 id="orgs-title">Организации (КНО)</h2>
          {request.organisations.map((o, i) => (
            <fieldset key={i} class="card row-group">
              <legend>Организация {i + 1}</legend>
              <div class="grid">
                {(Object.keys(ORGANISATION_LABELS) as (keyof Organisation)[]).map((f) => (
                  <Field
                    key={f}
                    path={`org.${i}.${f}`}
                    label={ORGANISATION_LABELS[f]}
                    value={o[f]}
                    hint={ORG_HINTS[f]}
                    inputMode={f === 'ogrn' ? 'numeric' : undefined}
                    wide={f === 'name' || f === 'service'}
                    error={errorOf(`org.${i}.${f}`)}
                    onInput={(v) => setOrg(i, f, v)}
                    onBlur={() => touch(`org.${i}.${f}`)}
                  />
                ))}
              </div>
              {request.organisations.length > 1 && (
                <button
                  type="button"
                  onClick={() => update({ ...request, organisations: request.organisations.filter((_, k) => k !== i) })}
                >
                  Удалить организацию {i + 1}
                </button>
              )}
            </fieldset>
          ))}
          <div class="error-text" id="f-organisations" tabIndex={-1}>{listError('organisations') ?? ''}</div>
          <button type="button" onClick={() => update({ ...request, organisations: [...request.organisations, emptyOrganisation()] })}>
            Добавить организацию
          </button>
        </section>

        {request.appendix === 2 && (
          <section aria-labelledby="users-title">
            <h2 id="users-title">Пользователи</h2>
            <p class="muted">Кому дать доступ. СНИЛС, телефоны и почта попадают только в заявку, не в текст письма.</p>
            {request.users.map((u, i) => (
              <fieldset key={i} class="card row-group">
                <legend>Пользователь {i + 1}</legend>
                <div class="grid">
                  {(Object.keys(USER_LABELS) as (keyof FormUser)[]).map((f) => (
                    <Field
                      key={f}
                      path={`user.${i}.${f}`}
                      label={USER_LABELS[f]}
                      value={u[f]}
                      hint={USER_HINTS[f]}
                      type={USER_INPUT[f]?.type}
                      inputMode={f === 'snils' ? 'numeric' : USER_INPUT[f]?.inputMode}
                      wide={f === 'name'}
                      error={errorOf(`user.${i}.${f}`)}
                      onInput={(v) => setUser(i, f, v)}
                      onBlur={() => touch(`user.${i}.${f}`)}
                    />
                  ))}
                </div>
                {request.users.length > 1 && (
                  <button type="button" onClick={() => update({ ...request, users: request.users.filter((_, k) => k !== i) })}>
                    Удалить пользователя {i + 1}
                  </button>
                )}
              </fieldset>
            ))}
            <div class="error-text" id="f-users" tabIndex={-1}>{listError('users') ?? ''}</div>
            <button type="button" onClick={() => update({ ...request, users: [...request.users, emptyUser()] })}>
              Добавить пользователя
            </button>
          </section>
        )}

        <section aria-labelledby="confirm-title">
          <h2 id="confirm-title">Подтверждения</h2>
          {CONFIRMATIONS.map((text, i) => {
            const path = `confirm.${i}`;
            const err = showAll ? validation.byPath[path] : undefined;
            return (
              <div key={i} class={`confirmation${err ? ' invalid' : ''}`}>
                <input
                  type="checkbox"
                  id={fieldId(path)}
                  checked={request.confirmations[i]}
                  aria-invalid={err ? 'true' : 'false'}
                  aria-describedby={`${fieldId(path)}-msg`}
                  onChange={(e) => {
                    const c = [...request.confirmations] as AccessRequest['confirmations'];
                    c[i] = e.currentTarget.checked;
                    update({ ...request, confirmations: c });
                  }}
                />
                <label for={fieldId(path)} class="inline">{text}</label>
                <div id={`${fieldId(path)}-msg`} class="error-text field-msg" aria-live="polite">{err ?? ''}</div>
              </div>
            );
          })}
        </section>

        <section aria-labelledby="signer-title">
          <h2 id="signer-title">Подпись руководителя КНО</h2>
          <div class="grid">
            <Field
              path="signer.position"
              label="Наименование должности"
              value={request.signer.position}
              error={errorOf('signer.position')}
              onInput={(v) => update({ ...request, signer: { ...request.signer, position: v } })}
              onBlur={() => touch('signer.position')}
            />
            <Field
              path="signer.name"
              label="ФИО"
              value={request.signer.name}
              error={errorOf('signer.name')}
              onInput={(v) => update({ ...request, signer: { ...request.signer, name: v } })}
              onBlur={() => touch('signer.name')}
            />
          </div>
        </section>

        <section aria-labelledby="out-title">
          <h2 id="out-title">Заявка готова?</h2>
          <div class="row">
            <button type="button" class="primary" onClick={print}>Распечатать заявку</button>
            <button type="button" onClick={downloadXlsx}>Скачать XLSX</button>
            <button type="button" onClick={() => void clearForm()}>Очистить форму</button>
          </div>
          <p class="muted">Распечатайте заявку (или сохраните как PDF в окне печати), подпишите у руководителя КНО и отправьте скан вместе с XLSX.</p>
          <p role="status" class="status">{status}</p>
          <p role="status" class="muted saved">{saved}</p>
        </section>

        <section aria-labelledby="mail-title" class="card">
          <h2 id="mail-title">Сопроводительное письмо в службу поддержки ГИС ТОР КНД</h2>
          {validation.ok ? (
            <>
            <dl class="mail-head">
              <dt>Кому</dt>
              <dd class="mail-to">{mail.to}</dd>
              <dt>Тема</dt>
              <dd class="mail-subject">{mail.subject}</dd>
            </dl>
            <label for="mail-body">Текст письма</label>
            <textarea id="mail-body" readOnly rows={14} value={mail.body} />
            <div class="row">
              <button type="button" onClick={() => void copyMail()}>Скопировать письмо</button>
              <a class="button" href={mail.mailto}>Открыть в почтовой программе</a>
            </div>
            <p class="muted">Приложите к письму подписанный скан заявки и файл XLSX: вложения почтовая программа сама не добавит.</p>
            </>
          ) : (
            <p class="muted mail-waits" data-testid="mail-waits">
              Письмо появится, когда в заявке не останется ошибок (сейчас {countWord(validation.issues.length, 'ошибка', 'ошибки', 'ошибок')}): письмо к заявке с ошибками служба поддержки вернёт.
            </p>
          )}
        </section>
      </main>
      <div class="print-only">
        <PrintView request={validation.normalised} />
      </div>
    </div>
  );
}
