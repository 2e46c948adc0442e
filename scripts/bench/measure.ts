/** Timing and memory helpers for `npm run bench`: medians of repeated runs, peak memory by sampling. */
export async function median(runs: number, fn: () => Promise<unknown> | unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/**
 * Runs baseline and ours alternately and keeps the best time of each: on a shared machine the minimum is
 * the least disturbed measurement, and alternating exposes both to the same background load.
 */
export async function compare(runs: number, base: () => unknown, ours: () => unknown): Promise<{ base: number; ours: number }> {
  let b = Infinity;
  let o = Infinity;
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    await base();
    b = Math.min(b, performance.now() - t);
    t = performance.now();
    await ours();
    o = Math.min(o, performance.now() - t);
  }
  return { base: b, ours: o };
}

function used(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** Peak (heap + array buffers) above the level at the start, sampled every few ms while fn runs. */
export async function peakMemory(fn: (sample: () => void) => Promise<unknown>): Promise<number> {
  (globalThis as { gc?: () => void }).gc?.();
  const start = used();
  let peak = start;
  const sample = () => {
    const u = used();
    if (u > peak) peak = u;
  };
  const timer = setInterval(sample, 5);
  try {
    await fn(sample);
  } finally {
    clearInterval(timer);
  }
  sample();
  return peak - start;
}

export const MB = 1024 * 1024;

export function ratioLine(name: string, ours: number, base: number, target: number, extra = ''): string {
  const ratio = ours / base;
  return `${name}: ${ratio.toFixed(2)}× (ours ${ours.toFixed(0)} ms, baseline ${base.toFixed(0)} ms; target ≤ ${target}×) ${ratio <= target ? 'OK' : 'OVER TARGET'}${extra}`;
}
