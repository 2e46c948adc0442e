/** One procedure as a checklist: sections of steps, the user's ticks, and ticks the checked files justify. */
import type { ChecklistView, StepView } from '../../lib/checklists/progress';

export interface ChecklistStepsProps {
  view: ChecklistView;
  onToggle(stepId: string, done: boolean): void;
}

function linkProps(href: string) {
  return /^https?:/.test(href) ? { href, target: '_blank', rel: 'noopener noreferrer' } : { href };
}

function Step({ s, onToggle }: { s: StepView; onToggle: ChecklistStepsProps['onToggle'] }) {
  const id = `step-${s.step.id}`;
  const autoDone = s.auto?.done === true;
  const described = [s.auto ? `${id}-auto` : '', s.step.detail ? `${id}-detail` : ''].filter(Boolean).join(' ');
  return (
    <li class={`step${s.done ? ' done' : ''}${s.step.optional ? ' optional' : ''}`} data-step={s.step.id} data-auto={autoDone ? 'done' : s.auto ? 'open' : undefined}>
      <div class="step-head">
        <input
          type="checkbox"
          id={id}
          checked={s.done}
          disabled={autoDone}
          aria-describedby={described || undefined}
          onChange={(e) => onToggle(s.step.id, e.currentTarget.checked)}
        />
        <label for={id} class="step-title">
          {s.step.title}
          {s.step.optional && <span class="muted"> (если нужно)</span>}
        </label>
        {s.step.source && <span class="step-source muted">{s.step.source}</span>}
      </div>
      {s.auto && (
        <p id={`${id}-auto`} class={`step-auto ${autoDone ? 'auto-done' : 'auto-open'}`}>
          {autoDone ? 'Отмечено автоматически: ' : 'Расширение видит: '}
          {s.auto.reason}
        </p>
      )}
      {s.step.detail && (
        <p id={`${id}-detail`} class="step-detail muted">
          {s.step.detail}
        </p>
      )}
      {s.step.link && (
        <p class="step-link">
          <a {...linkProps(s.step.link.href)}>{s.step.link.label}</a>
        </p>
      )}
    </li>
  );
}

export function ChecklistSteps({ view, onToggle }: ChecklistStepsProps) {
  return (
    <div class="checklist">
      <p class="checklist-progress" aria-live="polite">
        Выполнено {view.done} из {view.total} обязательных шагов
      </p>
      <progress max={view.total} value={view.done} aria-label="Ход выполнения" />
      {view.sections.map((section, i) => (
        <section key={i} aria-labelledby={`section-${i}`}>
          <h2 id={`section-${i}`}>{section.title}</h2>
          <ol class="steps">
            {section.steps.map((s) => (
              <Step key={s.step.id} s={s} onToggle={onToggle} />
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
