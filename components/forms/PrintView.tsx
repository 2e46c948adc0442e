/** The application laid out like the appendix of the procedure, for printing (or saving as PDF). */
import {
  APPENDIX_TITLES,
  CONFIRMATIONS,
  ORGANISATION_COLUMNS,
  USER_COLUMNS,
  type AccessRequest,
} from '../../lib/forms/model';

const ORG_CAPTION: Record<AccessRequest['appendix'], string> = {
  1: 'Информация об организациях (КНО), которым осуществляется настройка стандартов в подсистеме Лицензирование:',
  2: 'Информация об организациях (КНО), которым предоставляется доступ для работы в ГИС ТОР КНД:',
};

export function PrintView({ request }: { request: AccessRequest }) {
  const r = request;
  return (
    <article class="appendix" aria-label={`Заявка для печати, Приложение ${r.appendix}`}>
      <p class="appendix-no">Приложение {r.appendix}</p>
      <h2 class="appendix-title">{APPENDIX_TITLES[r.appendix]}</h2>
      <p>
        Наименование региона: <span class="fill">{r.region}</span>
      </p>
      <p>{ORG_CAPTION[r.appendix]}</p>
      <table class="appendix-table">
        <thead>
          <tr>{ORGANISATION_COLUMNS.map((c) => <th key={c} scope="col">{c}</th>)}</tr>
        </thead>
        <tbody>
          {r.organisations.map((o, i) => (
            <tr key={i}>
              <td>{o.name}</td>
              <td>{o.ogrn}</td>
              <td>{o.service}</td>
              <td>{o.headName}</td>
              <td>{o.headPosition}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {r.appendix === 2 && (
        <>
          <p>Форма предоставления списка пользователей:</p>
          <table class="appendix-table">
            <thead>
              <tr>{USER_COLUMNS.map((c) => <th key={c} scope="col">{c}</th>)}</tr>
            </thead>
            <tbody>
              {r.users.map((u, i) => (
                <tr key={i}>
                  <td>{i + 1}</td>
                  <td>{u.name}</td>
                  <td>{u.position}</td>
                  <td>{u.snils}</td>
                  <td>{u.phone}</td>
                  <td>{u.email}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <ul class="appendix-confirmations">
        {CONFIRMATIONS.map((text, i) => (
          <li key={i}>
            <span aria-hidden="true">{r.confirmations[i] ? '☑' : '☐'}</span> {text}
          </li>
        ))}
      </ul>
      <table class="appendix-sign">
        <tbody>
          <tr>
            <td>Руководитель КНО</td>
            <td class="sign-line">{r.signer.position}</td>
            <td class="sign-line" />
            <td class="sign-line">{r.signer.name}</td>
          </tr>
          <tr class="sign-captions">
            <td />
            <td>Наименование должности</td>
            <td>Подпись</td>
            <td>ФИО</td>
          </tr>
        </tbody>
      </table>
    </article>
  );
}
