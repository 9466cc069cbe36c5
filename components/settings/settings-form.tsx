"use client";

import { type FormEvent, useMemo, useState } from "react";
import { SETTINGS_LIMITS, type LearnerSettingsInput } from "@/lib/api/study-contract";
import { expectedDailyReviews } from "@/lib/scheduling/workload";
import { clearSavedSessions } from "@/lib/client/session-resume";
import { STUDY_ORDER_LABELS, STUDY_ORDERS, type StudyOrder } from "@/lib/study/session-plan";
import { Field, FormMessage } from "../forms/field";

export type SettingsValues = {
  newCardsPerDay: number;
  maxReviewsPerDay: number;
  desiredRetention: number;
  timeZone: string;
  studyOrder: StudyOrder;
};

type Errors = Partial<Record<keyof SettingsValues, string>>;
const L = SETTINGS_LIMITS;

type CountSetting = "newCardsPerDay" | "maxReviewsPerDay";

/** Whole numbers typed into a number field; "" and "2.5" stay invalid instead of becoming 0 or 2. */
function wholeNumber(text: string): number | null {
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : null;
}

/** A whole number within the setting's limits, or null. */
function countIn(setting: CountSetting, text: string): number | null {
  const n = wholeNumber(text);
  return n !== null && n <= L[setting].max ? n : null;
}

const countError = (setting: CountSetting) => `Enter a whole number from ${L[setting].min} to ${L[setting].max}.`;

function CountField(props: {
  setting: CountSetting;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  hint?: string;
}) {
  const { setting, value, onChange, ...rest } = props;
  return (
    <Field
      {...rest}
      name={setting}
      type="number"
      inputMode="numeric"
      min={L[setting].min}
      max={L[setting].max}
      step={1}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/** Study settings; saved through PATCH /api/me/settings and used from the next card. */
export function SettingsForm({
  initial,
  timeZones,
  weights,
}: {
  initial: SettingsValues;
  timeZones: string[];
  /** The learner's fitted FSRS weights when in use, so the workload estimate is theirs. */
  weights: number[] | null;
}) {
  const [newCards, setNewCards] = useState(String(initial.newCardsPerDay));
  const [maxReviews, setMaxReviews] = useState(String(initial.maxReviewsPerDay));
  const [retention, setRetention] = useState(initial.desiredRetention);
  const [timeZone, setTimeZone] = useState(initial.timeZone);
  const [order, setOrder] = useState<StudyOrder>(initial.studyOrder);
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const [saving, setSaving] = useState(false);

  const perDay = wholeNumber(newCards) ?? initial.newCardsPerDay;
  const workload = useMemo(
    () => Math.round(expectedDailyReviews(perDay, retention, weights)),
    [perDay, retention, weights],
  );

  const validate = (): { body: LearnerSettingsInput | null; errors: Errors } => {
    const found: Errors = {};
    const n = countIn("newCardsPerDay", newCards);
    const m = countIn("maxReviewsPerDay", maxReviews);
    if (n === null) found.newCardsPerDay = countError("newCardsPerDay");
    if (m === null) found.maxReviewsPerDay = countError("maxReviewsPerDay");
    if (!timeZones.includes(timeZone)) found.timeZone = "Choose a time zone from the list.";
    if (Object.keys(found).length > 0 || n === null || m === null) return { body: null, errors: found };
    return {
      body: { newCardsPerDay: n, maxReviewsPerDay: m, desiredRetention: retention, timeZone, studyOrder: order },
      errors: {},
    };
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const { body, errors: found } = validate();
    setErrors(found);
    if (!body) {
      setMessage({ text: "Please correct the marked fields.", ok: false });
      return;
    }
    setSaving(true);
    try {
      const res = await fetch("/api/me/settings", {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      if (res.ok) {
        // A session kept for a reload was built with the old limits: the next one follows the new ones.
        clearSavedSessions(window.sessionStorage);
        setMessage({ text: "Saved. Your next card follows these settings.", ok: true });
      } else {
        const reply = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        setMessage({ text: reply?.error?.message ?? `Could not save (HTTP ${res.status}).`, ok: false });
      }
    } catch {
      setMessage({ text: "Could not reach the server; nothing was changed. Try again.", ok: false });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="settings-form" onSubmit={onSubmit} noValidate>
      <CountField
        setting="newCardsPerDay"
        label="New cards per day"
        value={newCards}
        onChange={setNewCards}
        error={errors.newCardsPerDay}
      />
      <CountField
        setting="maxReviewsPerDay"
        label="Maximum reviews per day"
        value={maxReviews}
        onChange={setMaxReviews}
        error={errors.maxReviewsPerDay}
        hint="Cards you are still learning are always shown; this limits cards due for review."
      />
      <div className="field">
        <label htmlFor="desiredRetention">Desired retention: {Math.round(retention * 100)}%</label>
        <input
          id="desiredRetention"
          name="desiredRetention"
          type="range"
          min={L.desiredRetention.min}
          max={L.desiredRetention.max}
          step={0.01}
          value={retention}
          onChange={(e) => setRetention(Number(e.target.value))}
          aria-describedby="desiredRetention-workload"
          aria-valuetext={`${Math.round(retention * 100)} percent`}
        />
        <p id="desiredRetention-workload" className="meta" aria-live="polite" data-testid="workload">
          Expected workload: about {workload} reviews a day once you have added {perDay} new cards a day for a year.
          Higher retention means fewer lapses but many more reviews.
        </p>
      </div>
      <div className="field">
        <label htmlFor="timeZone">Time zone</label>
        <select
          id="timeZone"
          name="timeZone"
          value={timeZone}
          onChange={(e) => setTimeZone(e.target.value)}
          aria-invalid={errors.timeZone ? true : undefined}
          aria-describedby={errors.timeZone ? "timeZone-error" : "timeZone-hint"}
        >
          {timeZones.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
        <p id="timeZone-hint" className="meta">
          Your day, and so your daily limits, starts at midnight here.
        </p>
        {errors.timeZone && (
          <p id="timeZone-error" className="field-error">
            {errors.timeZone}
          </p>
        )}
      </div>
      <fieldset className="field">
        <legend>Study order</legend>
        {STUDY_ORDERS.map((o) => (
          <label key={o} className="inline">
            <input type="radio" name="studyOrder" value={o} checked={order === o} onChange={() => setOrder(o)} />{" "}
            {STUDY_ORDER_LABELS[o]}
          </label>
        ))}
      </fieldset>
      <FormMessage message={message?.text} ok={message?.ok} />
      <p>
        <button type="submit" className="button" disabled={saving}>
          {saving ? "Saving…" : "Save settings"}
        </button>
      </p>
    </form>
  );
}
