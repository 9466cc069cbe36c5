import type { Metadata } from "next";
import { FitStatus } from "@/components/settings/fit-status";
import { SettingsForm } from "@/components/settings/settings-form";
import { currentLearner } from "@/lib/server/learner-session";
import { getFitSummary } from "@/lib/server/fsrs-fit";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Study settings" };

const DEFAULTS = {
  newCardsPerDay: 20,
  maxReviewsPerDay: 200,
  desiredRetention: 0.9,
  timeZone: "UTC",
  studyOrder: "due-first",
} as const;

export default async function SettingsPage() {
  const learner = await currentLearner();
  const summary = learner ? await getFitSummary(learner.id) : null;
  const zones = Intl.supportedValuesOf("timeZone");
  const current = learner?.timeZone ?? "UTC";
  const timeZones = [...new Set([...(zones.includes(current) ? [] : [current]), "UTC", ...zones])];
  return (
    <>
      <h1>Study settings</h1>
      <SettingsForm
        initial={learner ? { ...learner } : DEFAULTS}
        timeZones={timeZones}
        weights={learner?.fsrsWeights ?? null}
      />
      <h2>Scheduling</h2>
      <FitStatus summary={summary} />
    </>
  );
}
