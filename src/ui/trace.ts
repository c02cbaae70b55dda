// PSG_TRACE=1 prints when each phase of a run ends, in milliseconds since the process
// started, on stderr (worker threads too, marked as such). It is how the speed work is
// measured: a profiler changes the timings it measures, and this costs nothing when unset.
import { performance } from 'node:perf_hooks';
import { isMainThread, threadId } from 'node:worker_threads';

const on = Boolean(process.env.PSG_TRACE);
// Workers inherit the environment: they count from the process's start, not their own.
if (on && isMainThread) process.env.PSG_TRACE_ORIGIN ??= String(performance.timeOrigin);
const origin = Number(process.env.PSG_TRACE_ORIGIN ?? performance.timeOrigin);

export function trace(phase: string): void {
  if (!on) return;
  const ms = performance.timeOrigin + performance.now() - origin;
  const m = process.memoryUsage();
  const mb = (n: number) => `${Math.round(n / 2 ** 20)}`.padStart(4);
  process.stderr.write(`psg trace ${ms.toFixed(1).padStart(8)} ms  rss ${mb(m.rss)} heap ${mb(m.heapUsed)}/${mb(m.heapTotal)} buffers ${mb(m.arrayBuffers)} MB  ${isMainThread ? 'main' : `worker ${threadId}`}  ${phase}\n`);
}
