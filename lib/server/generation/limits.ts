/**
 * Bounds on the work one document may cause. A 9.5 MB text holds about
 * 110,000 sentences; generating from all of them took minutes and gigabytes,
 * so generation reads the first MAX_GENERATION_SENTENCES (about 0.7 s here)
 * and every job runs in a worker that is stopped past its time or memory limit.
 */
export const MAX_GENERATION_SENTENCES = 5_000;
/** A document longer than this (about a 400-page book) is refused: split it into parts. */
export const MAX_DOCUMENT_SENTENCES = 20_000;
export const MAX_QUESTIONS_PER_DOCUMENT = 2_000;

const fromEnv = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

export type JobLimits = { timeMs: number; memoryMb: number };

/** Reading a file (parse, sentence split) and generating questions; override with the env vars for small servers. */
export function jobLimits(): JobLimits {
  return {
    timeMs: fromEnv("QUARRY_GENERATION_TIME_LIMIT_MS", 120_000),
    memoryMb: fromEnv("QUARRY_GENERATION_MEMORY_MB", 1_536),
  };
}
