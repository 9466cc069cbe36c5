import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ProgressReport } from "@/components/progress-report";
import { loadClassLearner } from "@/lib/server/classes";
import { buildProgressReport } from "@/lib/server/progress";
import { currentViewer } from "@/lib/server/viewer";
import "../../../../dashboard.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Learner progress" };

export default async function ClassLearnerPage({
  params,
}: {
  params: Promise<{ classId: string; learnerId: string }>;
}) {
  const { classId, learnerId } = await params;
  const found = await loadClassLearner(await currentViewer(), classId, learnerId);
  if (!found) notFound();
  const { classroom, learner } = found;

  const report = await buildProgressReport(learner.membership.learnerId, learner.timeZone, new Date());
  return (
    <div className="dashboard">
      <nav aria-label="Breadcrumb" className="meta">
        <Link href="/classes">Classes</Link> › <Link href={`/classes/${classroom.id}`}>{classroom.name}</Link> ›{" "}
        {learner.name}
      </nav>
      <h1>{learner.name}</h1>
      <ProgressReport report={report} whose="the learner's" />
    </div>
  );
}
