import { type FSRSParameters, generatorParameters } from "ts-fsrs";

export interface SchedulerSettings {
  /** Target probability of recall at the due date, 0.7..0.99. */
  desiredRetention: number;
  maximumIntervalDays?: number;
  /**
   * Spread long intervals a little so cards studied together do not stay clumped.
   * ts-fsrs seeds the fuzz from the review instant, reps and memory state, so the
   * same inputs always give the same due date. Defaults to false.
   */
  fuzz?: boolean;
  /** FSRS weights fitted to the learner (21 numbers); the library's defaults when absent. */
  weights?: readonly number[] | null;
}

export const MIN_RETENTION = 0.7;
export const MAX_RETENTION = 0.99;
export const DEFAULT_MAXIMUM_INTERVAL_DAYS = 36500;

export class SchedulerSettingsError extends Error {
  readonly code = "invalid_scheduler_settings";
  constructor(message: string) {
    super(message);
    this.name = "SchedulerSettingsError";
  }
}

export function validateSettings(settings: SchedulerSettings): void {
  const r = settings.desiredRetention;
  if (!Number.isFinite(r) || r < MIN_RETENTION || r > MAX_RETENTION) {
    throw new SchedulerSettingsError(
      `Desired retention must be between ${MIN_RETENTION} and ${MAX_RETENTION} (got ${r}).`,
    );
  }
  const max = settings.maximumIntervalDays;
  if (max !== undefined && (!Number.isInteger(max) || max < 1)) {
    throw new SchedulerSettingsError(`Maximum interval must be a whole number of days ≥ 1 (got ${max}).`);
  }
}

export function toFsrsParameters(settings: SchedulerSettings): FSRSParameters {
  validateSettings(settings);
  return generatorParameters({
    request_retention: settings.desiredRetention,
    maximum_interval: settings.maximumIntervalDays ?? DEFAULT_MAXIMUM_INTERVAL_DAYS,
    enable_fuzz: settings.fuzz ?? false,
    ...(settings.weights ? { w: [...settings.weights] } : {}),
  });
}
