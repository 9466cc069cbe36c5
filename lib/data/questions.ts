import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";

export type QuestionRecord = {
  id: string;
  documentId: string;
  type: string;
  prompt: string;
  answer: string;
  choices: string[] | null;
  statementIsTrue: boolean | null;
  factType: string;
  sentenceIndex: number;
  sentenceStart: number;
  sentenceEnd: number;
  sentence: string;
  score: number;
  status: string;
  origin: string;
};

/** As the review page lists them: with imported tags and the explanation shown after answering. */
export type ReviewQuestionRecord = QuestionRecord & { tagList: string[]; explanation: string | null };

export type ConflictRecord = {
  id: string;
  factType: string;
  values: string[];
  sources: Array<{ documentId: string; sentence: string; sentenceIndex: number | null }>;
};

export type SyncReport = { created: number; updated: number; retired: number; unchanged: number; conflicts: number };

const CONTENT_FIELDS = [
  "documentId",
  "type",
  "prompt",
  "answer",
  "statementIsTrue",
  "factType",
  "sentenceIndex",
  "sentenceStart",
  "sentenceEnd",
  "sentence",
  "score",
] as const;

function toRecord(row: Prisma.QuestionGetPayload<object>): QuestionRecord {
  return { ...row, choices: (row.choices as string[] | null) ?? null };
}

function sameContent(a: QuestionRecord, b: QuestionRecord): boolean {
  return CONTENT_FIELDS.every((k) => a[k] === b[k]) && JSON.stringify(a.choices) === JSON.stringify(b.choices);
}

/**
 * Makes the stored generated questions match `questions`: new ids are
 * created, changed ones updated, and ones no longer generated are retired
 * (kept, so learners' cards stay valid, but hidden from decks). Conflicts are
 * replaced. Writes only what differs, so an unchanged corpus writes nothing.
 */
export async function syncGeneratedQuestions(
  questions: QuestionRecord[],
  conflicts: ConflictRecord[],
): Promise<SyncReport> {
  return db().$transaction(async (tx) => {
    const rows = await tx.question.findMany({ where: { origin: "generated" } });
    const existing = new Map(rows.map((q) => [q.id, toRecord(q)]));
    // A teacher's edit wins over regeneration: never overwrite or retire it.
    const edited = new Set(rows.filter((q) => q.editedAt !== null).map((q) => q.id));
    const report: SyncReport = { created: 0, updated: 0, retired: 0, unchanged: 0, conflicts: conflicts.length };
    const seen = new Set<string>();
    const toCreate: Prisma.QuestionCreateManyInput[] = [];
    for (const q of questions) {
      seen.add(q.id);
      const old = existing.get(q.id);
      const data = { ...q, choices: q.choices ?? undefined };
      if (edited.has(q.id)) {
        report.unchanged++;
      } else if (!old) {
        toCreate.push(data);
      } else if (!sameContent(old, q) || old.status === "retired") {
        const status = old.status === "retired" ? q.status : old.status;
        await tx.question.update({ where: { id: q.id }, data: { ...data, status } });
        report.updated++;
      } else {
        report.unchanged++;
      }
    }
    if (toCreate.length) await tx.question.createMany({ data: toCreate });
    report.created = toCreate.length;
    const stale = [...existing.values()]
      .filter((q) => !seen.has(q.id) && q.status !== "retired" && !edited.has(q.id))
      .map((q) => q.id);
    if (stale.length) await tx.question.updateMany({ where: { id: { in: stale } }, data: { status: "retired" } });
    report.retired = stale.length;

    await tx.conflict.deleteMany({});
    if (conflicts.length) await tx.conflict.createMany({ data: conflicts });
    return report;
  });
}

/** The published questions of a document, as learners see them. */
export async function listDocumentQuestions(documentId: string): Promise<QuestionRecord[]> {
  const rows = await db().question.findMany({
    where: { documentId, status: "published" },
    orderBy: [{ sentenceIndex: "asc" }, { score: "desc" }, { id: "asc" }],
  });
  return rows.map(toRecord);
}

/** Questions per source sentence of a document: sentence index → count. */
export async function countQuestionsBySentence(documentId: string): Promise<Map<number, number>> {
  const rows = await db().question.groupBy({
    by: ["sentenceIndex"],
    where: { documentId, status: "published" },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.sentenceIndex, r._count._all]));
}

/** Published questions per document, for deck listings. */
export async function countPublishedQuestionsByDocument(): Promise<Map<string, number>> {
  const rows = await db().question.groupBy({
    by: ["documentId"],
    where: { status: "published" },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.documentId, r._count._all]));
}

export async function listConflicts(): Promise<ConflictRecord[]> {
  const rows = await db().conflict.findMany({ orderBy: { id: "asc" } });
  return rows.map((r) => ({
    id: r.id,
    factType: r.factType,
    values: r.values as string[],
    sources: r.sources as ConflictRecord["sources"],
  }));
}

/** Questions (any status but retired) per document, for the given documents. */
export async function countQuestionsForDocuments(documentIds: string[]): Promise<Map<string, number>> {
  const rows = await db().question.groupBy({
    by: ["documentId"],
    where: { documentId: { in: documentIds }, status: { not: "retired" } },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.documentId, r._count._all]));
}
