/** One process card of the popup: state in one line, counts, lines, the next step and its buttons. */
import type { CardAction, CardModel } from '../../lib/dashboard/types';

const TONE_WORD = { idle: 'Нет данных', ok: 'В порядке', warn: 'Ждёт шага', error: 'Нужно действие' } as const;

export function StatusCard({ card, onAction }: { card: CardModel; onAction: (a: CardAction) => void }) {
  return (
    <section class={`card status-card tone-${card.tone}`} data-card={card.id} data-tone={card.tone} aria-labelledby={`card-${card.id}`}>
      <div class="row" style={{ justifyContent: 'space-between' }}>
        <h2 id={`card-${card.id}`} style={{ margin: 0 }}>{card.title}</h2>
        <span class={`verdict ${card.tone === 'idle' ? 'idle' : card.tone}`}>{TONE_WORD[card.tone]}</span>
      </div>
      <p class="card-state" style={{ margin: '4px 0' }}><strong>{card.state}</strong></p>
      {card.deadline && <p class={`card-deadline tone-${card.deadline.tone}`} style={{ margin: '4px 0' }}>{card.deadline.text}</p>}
      {card.counts.length > 0 && (
        <dl class="card-counts">
          {card.counts.map((c) => (
            <div key={c.key} data-count={c.key} class={c.tone ? `count-${c.tone}` : undefined}>
              <dt>{c.label}</dt>
              <dd>{c.value}</dd>
            </div>
          ))}
        </dl>
      )}
      {card.lines.length > 0 && (
        <ul class="card-lines">
          {card.lines.map((l, i) => <li key={i}>{l}</li>)}
        </ul>
      )}
      <p class="card-next muted" style={{ margin: '4px 0' }}>Что делать: {card.next}</p>
      <div class="row">
        {card.actions.map((a, i) => (
          <button key={`${a.type}-${i}`} type="button" class={i === 0 ? 'primary' : undefined} data-action={a.type} onClick={() => onAction(a)}>
            {a.label}
          </button>
        ))}
      </div>
    </section>
  );
}
