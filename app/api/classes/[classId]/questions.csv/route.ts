import { csvFileName } from "@/lib/dashboard/csv";
import { questionsCsv } from "@/lib/dashboard/export";
import { findManagedClass } from "@/lib/server/classes";
import { buildQuestionTable } from "@/lib/server/dashboard";
import { apiError } from "@/lib/server/http";
import { currentViewer } from "@/lib/server/viewer";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const classroom = await findManagedClass(await currentViewer(), classId);
  if (!classroom) {
    return apiError(404, "class_not_found", "That class does not exist or is not yours.");
  }
  const table = await buildQuestionTable(classroom.id);
  return new Response(questionsCsv(table.rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${csvFileName(classroom.name, "questions")}"`,
      "Cache-Control": "no-store",
    },
  });
}
