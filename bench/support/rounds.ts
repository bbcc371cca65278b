/**
 * Latency samples of several sides in alternating rounds: each side runs a block of requests in turn (the order
 * rotated each round), after a few unmeasured ones that let it warm up again from the other sides' blocks. All
 * sides share one process in a benchmark; run sample by sample, each request would find the caches, the JIT's
 * feedback and the young generation filled by the other sides' code (the AWS SDK's above all), which a server
 * serving its own clients never sees. Rounds still spread every side over the same spells of the machine.
 */
import { time } from './stats';

export interface RoundsOptions {
  readonly rounds: number;
  /** Measured samples per side in all, split evenly over the rounds. */
  readonly samplesPerSide: number;
  /** Unmeasured requests of a side at the start of each of its blocks. */
  readonly rewarmPerBlock: number;
}

export async function latencyInRounds<Side extends string>(
  sides: Readonly<Record<Side, () => Promise<unknown>>>,
  options: RoundsOptions,
): Promise<Record<Side, number[]>> {
  const names = Object.keys(sides) as Side[];
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<Side, number[]>;
  const perBlock = Math.ceil(options.samplesPerSide / options.rounds);
  for (let round = 0; round < options.rounds; round += 1) {
    const order = names.map((_, index) => names[(index + round) % names.length]!);
    for (const name of order) {
      const action = sides[name];
      for (let i = 0; i < options.rewarmPerBlock; i += 1) await action();
      for (let i = 0; i < perBlock; i += 1) samples[name].push(await time(action));
    }
  }
  return samples;
}
