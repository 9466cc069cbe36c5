import type { Metadata } from "next";
import Link from "next/link";
import { ProgressReport } from "@/components/progress-report";
import { currentLearner } from "@/lib/server/learner-session";
import { buildProgressReport } from "@/lib/server/progress";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your progress" };

export default async function ProgressPage() {
  const learner = await currentLearner();
  if (!learner) {
    return (
      <>
        <h1>Your progress</h1>
        <p>
          You have not studied yet. <Link href="/">Pick a deck</Link> to start.
        </p>
      </>
    );
  }
  const report = await buildProgressReport(learner.id, learner.timeZone, new Date());
  return (
    <>
      <h1>Your progress</h1>
      <ProgressReport report={report} whose="your" />
    </>
  );
}
