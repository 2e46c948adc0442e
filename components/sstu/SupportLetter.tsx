/**
 * The letter to the ПОС operator's support: the four items of the instruction, a copy button and a mailto
 * link. The organisation, ИНН and ОГРН come from the profile in the options (checksums validated in lib).
 */
import { useMemo } from 'preact/hooks';
import { posSupportLetter, type OrgProfile, type PosLetterInput } from '../../lib/letters/pos-support';
import { LetterActions } from '../LetterActions';
import { useProfile } from '../profile';

export interface SupportLetterProps {
  /** Letter content without the profile; null when there is nothing to write about. */
  input: Omit<PosLetterInput, 'profile'> | null;
  /** For tests and pages that already hold the profile; otherwise it is loaded from the settings. */
  profile?: OrgProfile;
}

export function SupportLetter({ input, profile }: SupportLetterProps) {
  const settings = useProfile();
  const loaded = useMemo<OrgProfile | null>(
    () => profile ?? (settings ? { name: settings.orgName ?? '', inn: settings.inn, ogrn: settings.ogrn } : null),
    [profile, settings],
  );
  const letter = useMemo(() => (input && loaded ? posSupportLetter({ ...input, profile: loaded }) : null), [input, loaded]);
  if (!input) return null;
  if (!letter) return <p class="muted">Готовим письмо…</p>;
  return (
    <section class="card sstu-letter" aria-label="Письмо в поддержку Оператора ПОС">
      <h3>Письмо в поддержку Оператора ПОС</h3>
      <p>
        Кому: <strong data-testid="letter-to">{letter.to}</strong>
        <br />
        Тема: <span data-testid="letter-subject">{letter.subject}</span>
      </p>
      {letter.problems.length > 0 && (
        <ul class="findings" data-testid="letter-problems">
          {letter.problems.map((p) => (
            <li class="warn" key={p}>
              {p}
            </li>
          ))}
        </ul>
      )}
      <LetterActions body={letter.body} mailto={letter.mailto} />
    </section>
  );
}
