/** The few Markdown blocks PRIVACY.md uses (headings, paragraphs, lists), as plain text for rendering. */
export type Block = { type: 'h1' | 'h2' | 'p'; text: string } | { type: 'list'; items: string[] };

export function markdownBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of source.replace(/\r\n/g, '\n').split(/\n{2,}/)) {
    const lines = chunk.split('\n').filter((l) => l.trim());
    if (lines.length === 0) continue;
    if (lines[0].startsWith('# ')) blocks.push({ type: 'h1', text: lines[0].slice(2).trim() });
    else if (lines[0].startsWith('## ')) blocks.push({ type: 'h2', text: lines[0].slice(3).trim() });
    else if (lines.every((l) => l.startsWith('- '))) blocks.push({ type: 'list', items: lines.map((l) => l.slice(2).trim()) });
    else blocks.push({ type: 'p', text: lines.join(' ').trim() });
  }
  return blocks;
}
