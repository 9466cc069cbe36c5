-- CreateTable
CREATE TABLE "LearnerDocumentTotal" (
    "learnerId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "started" INTEGER NOT NULL,
    "studied" INTEGER NOT NULL,
    "mastered" INTEGER NOT NULL,

    PRIMARY KEY ("learnerId", "documentId")
);

-- CreateTable
CREATE TABLE "DocumentQuestionTotal" (
    "documentId" TEXT NOT NULL PRIMARY KEY,
    "published" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "LearnerDocumentDue" (
    "cardId" TEXT NOT NULL PRIMARY KEY,
    "learnerId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "due" DATETIME NOT NULL
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
CREATE TRIGGER "Card_document_totals_insert" AFTER INSERT ON "Card" WHEN NEW."state" <> 'new' OR NEW."reps" > 0
BEGIN
  INSERT INTO "LearnerDocumentTotal" ("learnerId", "documentId", "started", "studied", "mastered")
  SELECT NEW."learnerId", q."documentId",
    CASE WHEN NEW."state" <> 'new' THEN 1 ELSE 0 END,
    CASE WHEN NEW."reps" > 0 THEN 1 ELSE 0 END,
    CASE WHEN NEW."state" = 'review' AND NEW."stability" >= 21 THEN 1 ELSE 0 END
  FROM "Question" q WHERE q."id" = NEW."questionId" AND q."status" = 'published'
  ON CONFLICT ("learnerId", "documentId") DO UPDATE SET "started" = "started" + excluded."started",
    "studied" = "studied" + excluded."studied", "mastered" = "mastered" + excluded."mastered";
END;

CREATE TRIGGER "Card_document_totals_update" AFTER UPDATE OF "learnerId", "questionId", "state", "reps", "stability" ON "Card"
  WHEN OLD."learnerId" <> NEW."learnerId" OR OLD."questionId" <> NEW."questionId"
    OR (OLD."state" <> 'new') <> (NEW."state" <> 'new') OR (OLD."reps" > 0) <> (NEW."reps" > 0)
    OR (OLD."state" = 'review' AND OLD."stability" >= 21) <> (NEW."state" = 'review' AND NEW."stability" >= 21)
BEGIN
  UPDATE "LearnerDocumentTotal" SET
    "started" = "started" - (CASE WHEN OLD."state" <> 'new' THEN 1 ELSE 0 END),
    "studied" = "studied" - (CASE WHEN OLD."reps" > 0 THEN 1 ELSE 0 END),
    "mastered" = "mastered" - (CASE WHEN OLD."state" = 'review' AND OLD."stability" >= 21 THEN 1 ELSE 0 END)
  WHERE "learnerId" = OLD."learnerId"
    AND "documentId" = (SELECT q."documentId" FROM "Question" q WHERE q."id" = OLD."questionId" AND q."status" = 'published');
  DELETE FROM "LearnerDocumentTotal" WHERE "learnerId" = OLD."learnerId"
    AND "documentId" = (SELECT q."documentId" FROM "Question" q WHERE q."id" = OLD."questionId" AND q."status" = 'published')
    AND "started" = 0 AND "studied" = 0 AND "mastered" = 0;
  INSERT INTO "LearnerDocumentTotal" ("learnerId", "documentId", "started", "studied", "mastered")
  SELECT NEW."learnerId", q."documentId",
    CASE WHEN NEW."state" <> 'new' THEN 1 ELSE 0 END,
    CASE WHEN NEW."reps" > 0 THEN 1 ELSE 0 END,
    CASE WHEN NEW."state" = 'review' AND NEW."stability" >= 21 THEN 1 ELSE 0 END
  FROM "Question" q
  WHERE q."id" = NEW."questionId" AND q."status" = 'published' AND (NEW."state" <> 'new' OR NEW."reps" > 0)
  ON CONFLICT ("learnerId", "documentId") DO UPDATE SET "started" = "started" + excluded."started",
    "studied" = "studied" + excluded."studied", "mastered" = "mastered" + excluded."mastered";
END;

CREATE TRIGGER "Card_document_totals_delete" AFTER DELETE ON "Card" WHEN OLD."state" <> 'new' OR OLD."reps" > 0
BEGIN
  UPDATE "LearnerDocumentTotal" SET
    "started" = "started" - (CASE WHEN OLD."state" <> 'new' THEN 1 ELSE 0 END),
    "studied" = "studied" - (CASE WHEN OLD."reps" > 0 THEN 1 ELSE 0 END),
    "mastered" = "mastered" - (CASE WHEN OLD."state" = 'review' AND OLD."stability" >= 21 THEN 1 ELSE 0 END)
  WHERE "learnerId" = OLD."learnerId"
    AND "documentId" = (SELECT q."documentId" FROM "Question" q WHERE q."id" = OLD."questionId" AND q."status" = 'published');
  DELETE FROM "LearnerDocumentTotal" WHERE "learnerId" = OLD."learnerId"
    AND "documentId" = (SELECT q."documentId" FROM "Question" q WHERE q."id" = OLD."questionId" AND q."status" = 'published')
    AND "started" = 0 AND "studied" = 0 AND "mastered" = 0;
END;

CREATE TRIGGER "Question_document_totals_insert" AFTER INSERT ON "Question" WHEN NEW."status" = 'published'
BEGIN
  INSERT INTO "DocumentQuestionTotal" ("documentId", "published") VALUES (NEW."documentId", 1)
  ON CONFLICT ("documentId") DO UPDATE SET "published" = "published" + 1;
  INSERT INTO "LearnerDocumentTotal" ("learnerId", "documentId", "started", "studied", "mastered")
  SELECT c."learnerId", NEW."documentId",
    CASE WHEN c."state" <> 'new' THEN 1 ELSE 0 END,
    CASE WHEN c."reps" > 0 THEN 1 ELSE 0 END,
    CASE WHEN c."state" = 'review' AND c."stability" >= 21 THEN 1 ELSE 0 END
  FROM "Card" c WHERE c."questionId" = NEW."id" AND (c."state" <> 'new' OR c."reps" > 0)
  ON CONFLICT ("learnerId", "documentId") DO UPDATE SET "started" = "started" + excluded."started",
    "studied" = "studied" + excluded."studied", "mastered" = "mastered" + excluded."mastered";
END;

CREATE TRIGGER "Question_document_totals_update" AFTER UPDATE OF "status", "documentId" ON "Question"
  WHEN (OLD."status" = 'published' OR NEW."status" = 'published')
    AND (OLD."status" <> NEW."status" OR OLD."documentId" <> NEW."documentId")
BEGIN
  UPDATE "DocumentQuestionTotal" SET "published" = "published" - 1
  WHERE "documentId" = OLD."documentId" AND OLD."status" = 'published';
  DELETE FROM "DocumentQuestionTotal" WHERE "documentId" = OLD."documentId" AND "published" = 0;
  UPDATE "LearnerDocumentTotal" SET
    "started" = "started" - (SELECT CASE WHEN c."state" <> 'new' THEN 1 ELSE 0 END FROM "Card" c
      WHERE c."questionId" = OLD."id" AND c."learnerId" = "LearnerDocumentTotal"."learnerId"),
    "studied" = "studied" - (SELECT CASE WHEN c."reps" > 0 THEN 1 ELSE 0 END FROM "Card" c
      WHERE c."questionId" = OLD."id" AND c."learnerId" = "LearnerDocumentTotal"."learnerId"),
    "mastered" = "mastered" - (SELECT CASE WHEN c."state" = 'review' AND c."stability" >= 21 THEN 1 ELSE 0 END FROM "Card" c
      WHERE c."questionId" = OLD."id" AND c."learnerId" = "LearnerDocumentTotal"."learnerId")
  WHERE OLD."status" = 'published' AND "documentId" = OLD."documentId"
    AND "learnerId" IN (SELECT c."learnerId" FROM "Card" c WHERE c."questionId" = OLD."id");
  DELETE FROM "LearnerDocumentTotal" WHERE "documentId" = OLD."documentId"
    AND "learnerId" IN (SELECT c."learnerId" FROM "Card" c WHERE c."questionId" = OLD."id")
    AND "started" = 0 AND "studied" = 0 AND "mastered" = 0;
  INSERT INTO "DocumentQuestionTotal" ("documentId", "published") SELECT NEW."documentId", 1
  WHERE NEW."status" = 'published'
  ON CONFLICT ("documentId") DO UPDATE SET "published" = "published" + 1;
  INSERT INTO "LearnerDocumentTotal" ("learnerId", "documentId", "started", "studied", "mastered")
  SELECT c."learnerId", NEW."documentId",
    CASE WHEN c."state" <> 'new' THEN 1 ELSE 0 END,
    CASE WHEN c."reps" > 0 THEN 1 ELSE 0 END,
    CASE WHEN c."state" = 'review' AND c."stability" >= 21 THEN 1 ELSE 0 END
  FROM "Card" c WHERE NEW."status" = 'published' AND c."questionId" = NEW."id" AND (c."state" <> 'new' OR c."reps" > 0)
  ON CONFLICT ("learnerId", "documentId") DO UPDATE SET "started" = "started" + excluded."started",
    "studied" = "studied" + excluded."studied", "mastered" = "mastered" + excluded."mastered";
END;

CREATE TRIGGER "Question_document_totals_delete" BEFORE DELETE ON "Question" WHEN OLD."status" = 'published'
BEGIN
  UPDATE "DocumentQuestionTotal" SET "published" = "published" - 1 WHERE "documentId" = OLD."documentId";
  DELETE FROM "DocumentQuestionTotal" WHERE "documentId" = OLD."documentId" AND "published" = 0;
  UPDATE "LearnerDocumentTotal" SET
    "started" = "started" - (SELECT CASE WHEN c."state" <> 'new' THEN 1 ELSE 0 END FROM "Card" c
      WHERE c."questionId" = OLD."id" AND c."learnerId" = "LearnerDocumentTotal"."learnerId"),
    "studied" = "studied" - (SELECT CASE WHEN c."reps" > 0 THEN 1 ELSE 0 END FROM "Card" c
      WHERE c."questionId" = OLD."id" AND c."learnerId" = "LearnerDocumentTotal"."learnerId"),
    "mastered" = "mastered" - (SELECT CASE WHEN c."state" = 'review' AND c."stability" >= 21 THEN 1 ELSE 0 END FROM "Card" c
      WHERE c."questionId" = OLD."id" AND c."learnerId" = "LearnerDocumentTotal"."learnerId")
  WHERE "documentId" = OLD."documentId"
    AND "learnerId" IN (SELECT c."learnerId" FROM "Card" c WHERE c."questionId" = OLD."id");
  DELETE FROM "LearnerDocumentTotal" WHERE "documentId" = OLD."documentId"
    AND "learnerId" IN (SELECT c."learnerId" FROM "Card" c WHERE c."questionId" = OLD."id")
    AND "started" = 0 AND "studied" = 0 AND "mastered" = 0;
END;

-- The due dates of cards out of the new state on published questions, by learner and document: backfilled,
-- then kept by triggers. Any change to a card's learner, question, state or due date rewrites its row; a
-- deleted card (a deleted question's included) takes its row with it.
INSERT INTO "LearnerDocumentDue" ("cardId", "learnerId", "documentId", "due")
SELECT c."id", c."learnerId", q."documentId", c."due"
FROM "Card" c JOIN "Question" q ON q."id" = c."questionId"
WHERE q."status" = 'published' AND c."state" <> 'new';

CREATE TRIGGER "Card_document_due_insert" AFTER INSERT ON "Card" WHEN NEW."state" <> 'new'
BEGIN
  INSERT INTO "LearnerDocumentDue" ("cardId", "learnerId", "documentId", "due")
  SELECT NEW."id", NEW."learnerId", q."documentId", NEW."due"
  FROM "Question" q WHERE q."id" = NEW."questionId" AND q."status" = 'published';
END;

CREATE TRIGGER "Card_document_due_update" AFTER UPDATE OF "id", "learnerId", "questionId", "state", "due" ON "Card"
BEGIN
  DELETE FROM "LearnerDocumentDue" WHERE "cardId" = OLD."id";
  INSERT INTO "LearnerDocumentDue" ("cardId", "learnerId", "documentId", "due")
  SELECT NEW."id", NEW."learnerId", q."documentId", NEW."due"
  FROM "Question" q WHERE q."id" = NEW."questionId" AND q."status" = 'published' AND NEW."state" <> 'new';
END;

CREATE TRIGGER "Card_document_due_delete" AFTER DELETE ON "Card"
BEGIN
  DELETE FROM "LearnerDocumentDue" WHERE "cardId" = OLD."id";
END;

CREATE TRIGGER "Question_document_due_update" AFTER UPDATE OF "status", "documentId" ON "Question"
  WHEN OLD."status" <> NEW."status" OR OLD."documentId" <> NEW."documentId"
BEGIN
  DELETE FROM "LearnerDocumentDue" WHERE "cardId" IN (SELECT c."id" FROM "Card" c WHERE c."questionId" = OLD."id");
  INSERT INTO "LearnerDocumentDue" ("cardId", "learnerId", "documentId", "due")
  SELECT c."id", c."learnerId", NEW."documentId", c."due"
  FROM "Card" c WHERE NEW."status" = 'published' AND c."questionId" = NEW."id" AND c."state" <> 'new';
END;
