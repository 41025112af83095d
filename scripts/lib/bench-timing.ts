/** One tinybench task: the mean latency of an async call, its relative margin of error and the sample count. */
import { Bench } from 'tinybench';

/** Time `fn` for at least `timeMs` after one warm-up call; throws when the task did not complete. */
export async function timeTask(
  name: string,
  fn: () => Promise<unknown>,
  timeMs: number,
): Promise<{ mean: number; rme: number; samples: number }> {
  const bench = new Bench({ name, time: timeMs, iterations: 1, warmupIterations: 1, warmupTime: 0 });
  bench.add(name, fn);
  await bench.run();
  const r = bench.tasks[0]!.result as {
    state: string;
    latency?: { mean: number; rme: number; samplesCount: number };
    error?: Error;
  };
  if (r.state !== 'completed' || !r.latency) throw new Error(`${name}: ${r.state} ${r.error?.message ?? ''}`);
  return { mean: r.latency.mean, rme: r.latency.rme, samples: r.latency.samplesCount };
}

/** The first line of a thrown value's message. */
export function firstLine(e: unknown): string {
  return e instanceof Error ? e.message.split('\n')[0]! : String(e);
}
