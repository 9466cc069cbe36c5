-- CreateTable
CREATE TABLE "LearnerDocumentTotal" (
    "learnerId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "started" INTEGER NOT NULL,
    "studied" INTEGER NOT NULL,
    "mastered" INTEGER NOT NULL,

    CONSTRAINT "LearnerDocumentTotal_pkey" PRIMARY KEY ("learnerId","documentId")
);

-- CreateTable
CREATE TABLE "DocumentQuestionTotal" (
    "documentId" TEXT NOT NULL,
    "published" INTEGER NOT NULL,

    CONSTRAINT "DocumentQuestionTotal_pkey" PRIMARY KEY ("documentId")
);

-- CreateTable
CREATE TABLE "LearnerDocumentDue" (
    "cardId" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "due" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LearnerDocumentDue_pkey" PRIMARY KEY ("cardId")
);

-- CreateIndex
CREATE INDEX "LearnerDocumentDue_learnerId_documentId_due_idx" ON "LearnerDocumentDue"("learnerId", "documentId", "due");

-- Backfill: the totals of every existing card and question (the same sums as `npm run totals:rebuild`).
INSERT INTO "DocumentQuestionTotal" ("documentId", "published")
SELECT q."documentId", COUNT(*) FROM "Question" q WHERE q."status" = 'published' GROUP BY q."documentId";

INSERT INTO "LearnerDocumentTotal" ("learnerId", "documentId", "started", "studied", "mastered")
SELECT c."learnerId", q."documentId",
  SUM(CASE WHEN c."state" <> 'new' THEN 1 ELSE 0 END),
  SUM(CASE WHEN c."reps" > 0 THEN 1 ELSE 0 END),
  SUM(CASE WHEN c."state" = 'review' AND c."stability" >= 21 THEN 1 ELSE 0 END)
FROM "Card" c JOIN "Question" q ON q."id" = c."questionId"
WHERE q."status" = 'published' AND (c."state" <> 'new' OR c."reps" > 0)
GROUP BY c."learnerId", q."documentId";

-- Triggers keep the totals exact from here on. A card counts while its question is published; a
-- card that is new and never answered counts nowhere, so it writes nothing. 21 is
-- MASTERY_STABILITY_DAYS (lib/study/progress.ts; tests/integration/card-document-totals.test.ts
-- checks that they agree). An update takes the old row's share away and adds the new row's; a total
-- that falls to zero is deleted, so the tables hold exactly what a rebuild would. A question's
-- cards are taken away BEFORE it is deleted: its cards' own delete triggers, run by the cascade
-- once the question is gone, no longer find it published and change nothing.
CREATE FUNCTION "Card_document_totals_share"(c "Card", sign INTEGER) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  doc TEXT;
BEGIN
  IF c."state" = 'new' AND c."reps" <= 0 THEN
    RETURN;
  END IF;
  SELECT q."documentId" INTO doc FROM "Question" q WHERE q."id" = c."questionId" AND q."status" = 'published';
  IF NOT FOUND THEN
    RETURN;
  END IF;
  INSERT INTO "LearnerDocumentTotal" AS t ("learnerId", "documentId", "started", "studied", "mastered")
  VALUES (c."learnerId", doc,
    sign * (CASE WHEN c."state" <> 'new' THEN 1 ELSE 0 END),
    sign * (CASE WHEN c."reps" > 0 THEN 1 ELSE 0 END),
    sign * (CASE WHEN c."state" = 'review' AND c."stability" >= 21 THEN 1 ELSE 0 END))
  ON CONFLICT ("learnerId", "documentId") DO UPDATE SET "started" = t."started" + EXCLUDED."started",
    "studied" = t."studied" + EXCLUDED."studied", "mastered" = t."mastered" + EXCLUDED."mastered";
  DELETE FROM "LearnerDocumentTotal" WHERE "learnerId" = c."learnerId" AND "documentId" = doc
    AND "started" = 0 AND "studied" = 0 AND "mastered" = 0;
END $$;

CREATE FUNCTION "Card_document_totals"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD."learnerId" = NEW."learnerId" AND OLD."questionId" = NEW."questionId"
    AND (OLD."state" <> 'new') = (NEW."state" <> 'new') AND (OLD."reps" > 0) = (NEW."reps" > 0)
    AND (OLD."state" = 'review' AND OLD."stability" >= 21) = (NEW."state" = 'review' AND NEW."stability" >= 21) THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM "Card_document_totals_share"(OLD, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM "Card_document_totals_share"(NEW, 1);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Card_document_totals_insert_delete" AFTER INSERT OR DELETE ON "Card"
  FOR EACH ROW EXECUTE FUNCTION "Card_document_totals"();
CREATE TRIGGER "Card_document_totals_update" AFTER UPDATE OF "learnerId", "questionId", "state", "reps", "stability" ON "Card"
  FOR EACH ROW EXECUTE FUNCTION "Card_document_totals"();

CREATE FUNCTION "Question_document_totals_share"(q "Question", sign INTEGER) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF q."status" <> 'published' THEN
    RETURN;
  END IF;
  INSERT INTO "DocumentQuestionTotal" AS t ("documentId", "published") VALUES (q."documentId", sign)
  ON CONFLICT ("documentId") DO UPDATE SET "published" = t."published" + EXCLUDED."published";
  DELETE FROM "DocumentQuestionTotal" WHERE "documentId" = q."documentId" AND "published" = 0;
  INSERT INTO "LearnerDocumentTotal" AS t ("learnerId", "documentId", "started", "studied", "mastered")
  SELECT c."learnerId", q."documentId",
    sign * (CASE WHEN c."state" <> 'new' THEN 1 ELSE 0 END),
    sign * (CASE WHEN c."reps" > 0 THEN 1 ELSE 0 END),
    sign * (CASE WHEN c."state" = 'review' AND c."stability" >= 21 THEN 1 ELSE 0 END)
  FROM "Card" c WHERE c."questionId" = q."id" AND (c."state" <> 'new' OR c."reps" > 0)
  ON CONFLICT ("learnerId", "documentId") DO UPDATE SET "started" = t."started" + EXCLUDED."started",
    "studied" = t."studied" + EXCLUDED."studied", "mastered" = t."mastered" + EXCLUDED."mastered";
  DELETE FROM "LearnerDocumentTotal" WHERE "documentId" = q."documentId"
    AND "learnerId" IN (SELECT c."learnerId" FROM "Card" c WHERE c."questionId" = q."id")
    AND "started" = 0 AND "studied" = 0 AND "mastered" = 0;
END $$;

CREATE FUNCTION "Question_document_totals"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD."status" = NEW."status" AND OLD."documentId" = NEW."documentId" THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM "Question_document_totals_share"(OLD, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM "Question_document_totals_share"(NEW, 1);
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Question_document_totals_insert_update" AFTER INSERT OR UPDATE OF "status", "documentId" ON "Question"
  FOR EACH ROW EXECUTE FUNCTION "Question_document_totals"();
CREATE TRIGGER "Question_document_totals_delete" BEFORE DELETE ON "Question"
  FOR EACH ROW EXECUTE FUNCTION "Question_document_totals"();

-- The due dates of cards out of the new state on published questions, by learner and document: backfilled,
-- then kept by triggers. Any change to a card's learner, question, state or due date rewrites its row; a
-- deleted card (a deleted question's included) takes its row with it.
INSERT INTO "LearnerDocumentDue" ("cardId", "learnerId", "documentId", "due")
SELECT c."id", c."learnerId", q."documentId", c."due"
FROM "Card" c JOIN "Question" q ON q."id" = c."questionId"
WHERE q."status" = 'published' AND c."state" <> 'new';

CREATE FUNCTION "Card_document_due"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM "LearnerDocumentDue" WHERE "cardId" = OLD."id";
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."state" <> 'new' THEN
    INSERT INTO "LearnerDocumentDue" ("cardId", "learnerId", "documentId", "due")
    SELECT NEW."id", NEW."learnerId", q."documentId", NEW."due"
    FROM "Question" q WHERE q."id" = NEW."questionId" AND q."status" = 'published';
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Card_document_due_insert_delete" AFTER INSERT OR DELETE ON "Card"
  FOR EACH ROW EXECUTE FUNCTION "Card_document_due"();
CREATE TRIGGER "Card_document_due_update" AFTER UPDATE OF "id", "learnerId", "questionId", "state", "due" ON "Card"
  FOR EACH ROW EXECUTE FUNCTION "Card_document_due"();

CREATE FUNCTION "Question_document_due"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."status" = NEW."status" AND OLD."documentId" = NEW."documentId" THEN
    RETURN NULL;
  END IF;
  DELETE FROM "LearnerDocumentDue" WHERE "cardId" IN (SELECT c."id" FROM "Card" c WHERE c."questionId" = OLD."id");
  INSERT INTO "LearnerDocumentDue" ("cardId", "learnerId", "documentId", "due")
  SELECT c."id", c."learnerId", NEW."documentId", c."due"
  FROM "Card" c WHERE NEW."status" = 'published' AND c."questionId" = NEW."id" AND c."state" <> 'new';
  RETURN NULL;
END $$;

CREATE TRIGGER "Question_document_due_update" AFTER UPDATE OF "status", "documentId" ON "Question"
  FOR EACH ROW EXECUTE FUNCTION "Question_document_due"();
