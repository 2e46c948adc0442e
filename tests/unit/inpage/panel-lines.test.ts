import { describe, expect, it } from 'vitest';
import { PANEL_LINES, withLine, type PanelLine } from '../../../components/inpage/VerdictPanel';
import { CHECK_BUTTON } from '../../../components/inpage/LinkBadge';

const line = (key: string, extra: Partial<PanelLine> = {}): PanelLine => ({ key, title: key, text: '', ...extra });

describe('in-page panel lines', () => {
  it('keeps one line per file, newest first; a later notice about a file replaces its line', () => {
    let lines = withLine([], line('a', { failed: true }));
    lines = withLine(lines, line('b'));
    expect(lines.map((l) => l.key)).toEqual(['b', 'a']);
    expect(lines[1].failed).toBe(true);
    lines = withLine(lines, line('b', { verdict: 'ok' }));
    expect(lines.map((l) => [l.key, l.verdict])).toEqual([['b', 'ok'], ['a', undefined]]);
    lines = withLine(lines, line('a', { verdict: 'error' }));
    expect(lines.map((l) => l.key)).toEqual(['a', 'b']);
  });

  it('remembers at most a few files', () => {
    let lines: PanelLine[] = [];
    for (let i = 0; i < PANEL_LINES + 3; i++) lines = withLine(lines, line(String(i)));
    expect(lines).toHaveLength(PANEL_LINES);
    expect(lines[0].key).toBe(String(PANEL_LINES + 2));
  });
});

describe('«Проверить» button words', () => {
  // axe label-content-name-mismatch: the accessible name must contain the visible text
  const words = (s: string) => s.toLowerCase().replace(/[\p{P}]/gu, ' ').replace(/\s+/g, ' ').trim();
  it.each(Object.entries(CHECK_BUTTON))('%s: the name contains what is seen', (_state, b) => {
    expect(words(b.name)).toContain(words(b.text));
  });
});
