-- CreateTable
CREATE TABLE "ClassQuestionTotal" (
    "classId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "answers" INTEGER NOT NULL,
    "durationMs" BIGINT NOT NULL,
    "firstTries" INTEGER NOT NULL,
    "firstCorrect" INTEGER NOT NULL,
    "overrides" INTEGER NOT NULL,

    PRIMARY KEY ("classId", "questionId")
);

-- CreateTable
CREATE TABLE "ClassWrongChoiceTotal" (
    "classId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "choice" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("classId", "questionId", "choice")
);

-- Backfill: each class's sums of its members' per-learner totals (the same sums `npm run totals:rebuild` checks).
INSERT INTO "ClassQuestionTotal" ("classId", "questionId", "answers", "durationMs", "firstTries", "firstCorrect", "overrides")
SELECT m."classId", t."questionId", SUM(t."answers"), SUM(t."durationMs"), SUM(t."firstTries"), SUM(t."firstCorrect"),
  SUM(t."overrides")
FROM "ClassMember" m JOIN "CardTotal" t ON t."learnerId" = m."learnerId"
GROUP BY m."classId", t."questionId";

INSERT INTO "ClassWrongChoiceTotal" ("classId", "questionId", "choice", "count")
SELECT m."classId", w."questionId", w."choice", SUM(w."count")
FROM "ClassMember" m JOIN "WrongChoiceTotal" w ON w."learnerId" = m."learnerId"
GROUP BY m."classId", w."questionId", w."choice";

-- Triggers keep them exact from here on. A change to a learner's CardTotal or WrongChoiceTotal row (made
-- by the ReviewLog triggers, in the same statement as the answer, undo, merge or delete) adds its delta
-- to every class the learner belongs to; a ClassMember row inserted, deleted or re-pointed (guest merge)
-- adds or takes away all of that learner's totals. A class total that falls to zero is deleted, so the
-- tables hold exactly the sums a rebuild computes. (Every per-learner row has answers >= 1 and count >= 1,
-- so a class total is zero exactly when no member has a row for it.)
CREATE TRIGGER "CardTotal_classes_insert" AFTER INSERT ON "CardTotal"
BEGIN
  INSERT INTO "ClassQuestionTotal" ("classId", "questionId", "answers", "durationMs", "firstTries", "firstCorrect", "overrides")
  SELECT m."classId", NEW."questionId", NEW."answers", NEW."durationMs", NEW."firstTries", NEW."firstCorrect", NEW."overrides"
  FROM "ClassMember" m WHERE m."learnerId" = NEW."learnerId"
  ON CONFLICT ("classId", "questionId") DO UPDATE SET
    "answers" = "answers" + excluded."answers", "durationMs" = "durationMs" + excluded."durationMs",
    "firstTries" = "firstTries" + excluded."firstTries", "firstCorrect" = "firstCorrect" + excluded."firstCorrect",
    "overrides" = "overrides" + excluded."overrides";
END;

-- The common case (an answer or an undo updating one learner's row in place): add the difference.
CREATE TRIGGER "CardTotal_classes_update" AFTER UPDATE ON "CardTotal"
  WHEN OLD."learnerId" = NEW."learnerId" AND OLD."questionId" = NEW."questionId"
BEGIN
  UPDATE "ClassQuestionTotal" SET "answers" = "answers" + (NEW."answers" - OLD."answers"),
    "durationMs" = "durationMs" + (NEW."durationMs" - OLD."durationMs"),
    "firstTries" = "firstTries" + (NEW."firstTries" - OLD."firstTries"),
    "firstCorrect" = "firstCorrect" + (NEW."firstCorrect" - OLD."firstCorrect"),
    "overrides" = "overrides" + (NEW."overrides" - OLD."overrides")
  WHERE "questionId" = NEW."questionId"
    AND "classId" IN (SELECT m."classId" FROM "ClassMember" m WHERE m."learnerId" = NEW."learnerId");
  DELETE FROM "ClassQuestionTotal" WHERE NEW."answers" < OLD."answers" AND "questionId" = NEW."questionId" AND "answers" = 0
    AND "classId" IN (SELECT m."classId" FROM "ClassMember" m WHERE m."learnerId" = NEW."learnerId");
END;

-- A row whose key changes (nothing in the app does this) moves its share from the old key to the new.
CREATE TRIGGER "CardTotal_classes_rekey" AFTER UPDATE OF "learnerId", "questionId" ON "CardTotal"
  WHEN OLD."learnerId" <> NEW."learnerId" OR OLD."questionId" <> NEW."questionId"
BEGIN
  UPDATE "ClassQuestionTotal" SET "answers" = "answers" - OLD."answers", "durationMs" = "durationMs" - OLD."durationMs",
    "firstTries" = "firstTries" - OLD."firstTries", "firstCorrect" = "firstCorrect" - OLD."firstCorrect",
    "overrides" = "overrides" - OLD."overrides"
  WHERE "questionId" = OLD."questionId"
    AND "classId" IN (SELECT m."classId" FROM "ClassMember" m WHERE m."learnerId" = OLD."learnerId");
  DELETE FROM "ClassQuestionTotal" WHERE "questionId" = OLD."questionId" AND "answers" = 0
    AND "classId" IN (SELECT m."classId" FROM "ClassMember" m WHERE m."learnerId" = OLD."learnerId");
  INSERT INTO "ClassQuestionTotal" ("classId", "questionId", "answers", "durationMs", "firstTries", "firstCorrect", "overrides")
  SELECT m."classId", NEW."questionId", NEW."answers", NEW."durationMs", NEW."firstTries", NEW."firstCorrect", NEW."overrides"
  FROM "ClassMember" m WHERE m."learnerId" = NEW."learnerId"
  ON CONFLICT ("classId", "questionId") DO UPDATE SET
    "answers" = "answers" + excluded."answers", "durationMs" = "durationMs" + excluded."durationMs",
    "firstTries" = "firstTries" + excluded."firstTries", "firstCorrect" = "firstCorrect" + excluded."firstCorrect",
    "overrides" = "overrides" + excluded."overrides";
END;

CREATE TRIGGER "CardTotal_classes_delete" AFTER DELETE ON "CardTotal"
BEGIN
  UPDATE "ClassQuestionTotal" SET "answers" = "answers" - OLD."answers", "durationMs" = "durationMs" - OLD."durationMs",
    "firstTries" = "firstTries" - OLD."firstTries", "firstCorrect" = "firstCorrect" - OLD."firstCorrect",
    "overrides" = "overrides" - OLD."overrides"
  WHERE "questionId" = OLD."questionId"
    AND "classId" IN (SELECT m."classId" FROM "ClassMember" m WHERE m."learnerId" = OLD."learnerId");
  DELETE FROM "ClassQuestionTotal" WHERE "questionId" = OLD."questionId" AND "answers" = 0
    AND "classId" IN (SELECT m."classId" FROM "ClassMember" m WHERE m."learnerId" = OLD."learnerId");
END;

CREATE TRIGGER "WrongChoiceTotal_classes_insert" AFTER INSERT ON "WrongChoiceTotal"
BEGIN
  INSERT INTO "ClassWrongChoiceTotal" ("classId", "questionId", "choice", "count")
  SELECT m."classId", NEW."questionId", NEW."choice", NEW."count"
  FROM "ClassMember" m WHERE m."learnerId" = NEW."learnerId"
  ON CONFLICT ("classId", "questionId", "choice") DO UPDATE SET "count" = "count" + excluded."count";
END;

CREATE TRIGGER "WrongChoiceTotal_classes_update" AFTER UPDATE ON "WrongChoiceTotal"
  WHEN OLD."learnerId" = NEW."learnerId" AND OLD."questionId" = NEW."questionId" AND OLD."choice" = NEW."choice"
BEGIN
  UPDATE "ClassWrongChoiceTotal" SET "count" = "count" + (NEW."count" - OLD."count")
  WHERE "questionId" = NEW."questionId" AND "choice" = NEW."choice"
    AND "classId" IN (SELECT m."classId" FROM "ClassMember" m WHERE m."learnerId" = NEW."learnerId");
  DELETE FROM "ClassWrongChoiceTotal"
  WHERE NEW."count" < OLD."count" AND "questionId" = NEW."questionId" AND "choice" = NEW."choice" AND "count" = 0
    AND "classId" IN (SELECT m."classId" FROM "ClassMember" m WHERE m."learnerId" = NEW."learnerId");
END;

CREATE TRIGGER "WrongChoiceTotal_classes_rekey" AFTER UPDATE OF "learnerId", "questionId", "choice" ON "WrongChoiceTotal"
  WHEN OLD."learnerId" <> NEW."learnerId" OR OLD."questionId" <> NEW."questionId" OR OLD."choice" <> NEW."choice"
BEGIN
  UPDATE "ClassWrongChoiceTotal" SET "count" = "count" - OLD."count"
  WHERE "questionId" = OLD."questionId" AND "choice" = OLD."choice"
    AND "classId" IN (SELECT m."classId" FROM "ClassMember" m WHERE m."learnerId" = OLD."learnerId");
  DELETE FROM "ClassWrongChoiceTotal" WHERE "questionId" = OLD."questionId" AND "choice" = OLD."choice" AND "count" = 0
    AND "classId" IN (SELECT m."classId" FROM "ClassMember" m WHERE m."learnerId" = OLD."learnerId");
  INSERT INTO "ClassWrongChoiceTotal" ("classId", "questionId", "choice", "count")
  SELECT m."classId", NEW."questionId", NEW."choice", NEW."count"
  FROM "ClassMember" m WHERE m."learnerId" = NEW."learnerId"
  ON CONFLICT ("classId", "questionId", "choice") DO UPDATE SET "count" = "count" + excluded."count";
END;

CREATE TRIGGER "WrongChoiceTotal_classes_delete" AFTER DELETE ON "WrongChoiceTotal"
BEGIN
  UPDATE "ClassWrongChoiceTotal" SET "count" = "count" - OLD."count"
  WHERE "questionId" = OLD."questionId" AND "choice" = OLD."choice"
    AND "classId" IN (SELECT m."classId" FROM "ClassMember" m WHERE m."learnerId" = OLD."learnerId");
  DELETE FROM "ClassWrongChoiceTotal" WHERE "questionId" = OLD."questionId" AND "choice" = OLD."choice" AND "count" = 0
    AND "classId" IN (SELECT m."classId" FROM "ClassMember" m WHERE m."learnerId" = OLD."learnerId");
END;

-- Joining a class adds the learner's totals to it; leaving takes them away; a re-pointed membership does both.
CREATE TRIGGER "ClassMember_totals_insert" AFTER INSERT ON "ClassMember"
BEGIN
  INSERT INTO "ClassQuestionTotal" ("classId", "questionId", "answers", "durationMs", "firstTries", "firstCorrect", "overrides")
  SELECT NEW."classId", t."questionId", t."answers", t."durationMs", t."firstTries", t."firstCorrect", t."overrides"
  FROM "CardTotal" t WHERE t."learnerId" = NEW."learnerId"
  ON CONFLICT ("classId", "questionId") DO UPDATE SET
    "answers" = "answers" + excluded."answers", "durationMs" = "durationMs" + excluded."durationMs",
    "firstTries" = "firstTries" + excluded."firstTries", "firstCorrect" = "firstCorrect" + excluded."firstCorrect",
    "overrides" = "overrides" + excluded."overrides";
  INSERT INTO "ClassWrongChoiceTotal" ("classId", "questionId", "choice", "count")
  SELECT NEW."classId", w."questionId", w."choice", w."count"
  FROM "WrongChoiceTotal" w WHERE w."learnerId" = NEW."learnerId"
  ON CONFLICT ("classId", "questionId", "choice") DO UPDATE SET "count" = "count" + excluded."count";
END;

CREATE TRIGGER "ClassMember_totals_delete" AFTER DELETE ON "ClassMember"
BEGIN
  UPDATE "ClassQuestionTotal" SET "answers" = "ClassQuestionTotal"."answers" - t."answers",
    "durationMs" = "ClassQuestionTotal"."durationMs" - t."durationMs",
    "firstTries" = "ClassQuestionTotal"."firstTries" - t."firstTries",
    "firstCorrect" = "ClassQuestionTotal"."firstCorrect" - t."firstCorrect",
    "overrides" = "ClassQuestionTotal"."overrides" - t."overrides"
  FROM "CardTotal" t
  WHERE t."learnerId" = OLD."learnerId" AND "ClassQuestionTotal"."classId" = OLD."classId"
    AND "ClassQuestionTotal"."questionId" = t."questionId";
  DELETE FROM "ClassQuestionTotal" WHERE "classId" = OLD."classId" AND "answers" = 0;
  UPDATE "ClassWrongChoiceTotal" SET "count" = "ClassWrongChoiceTotal"."count" - w."count"
  FROM "WrongChoiceTotal" w
  WHERE w."learnerId" = OLD."learnerId" AND "ClassWrongChoiceTotal"."classId" = OLD."classId"
    AND "ClassWrongChoiceTotal"."questionId" = w."questionId" AND "ClassWrongChoiceTotal"."choice" = w."choice";
  DELETE FROM "ClassWrongChoiceTotal" WHERE "classId" = OLD."classId" AND "count" = 0;
END;

CREATE TRIGGER "ClassMember_totals_update" AFTER UPDATE OF "classId", "learnerId" ON "ClassMember"
  WHEN OLD."classId" <> NEW."classId" OR OLD."learnerId" <> NEW."learnerId"
BEGIN
  UPDATE "ClassQuestionTotal" SET "answers" = "ClassQuestionTotal"."answers" - t."answers",
    "durationMs" = "ClassQuestionTotal"."durationMs" - t."durationMs",
    "firstTries" = "ClassQuestionTotal"."firstTries" - t."firstTries",
    "firstCorrect" = "ClassQuestionTotal"."firstCorrect" - t."firstCorrect",
    "overrides" = "ClassQuestionTotal"."overrides" - t."overrides"
  FROM "CardTotal" t
  WHERE t."learnerId" = OLD."learnerId" AND "ClassQuestionTotal"."classId" = OLD."classId"
    AND "ClassQuestionTotal"."questionId" = t."questionId";
  DELETE FROM "ClassQuestionTotal" WHERE "classId" = OLD."classId" AND "answers" = 0;
  UPDATE "ClassWrongChoiceTotal" SET "count" = "ClassWrongChoiceTotal"."count" - w."count"
  FROM "WrongChoiceTotal" w
  WHERE w."learnerId" = OLD."learnerId" AND "ClassWrongChoiceTotal"."classId" = OLD."classId"
    AND "ClassWrongChoiceTotal"."questionId" = w."questionId" AND "ClassWrongChoiceTotal"."choice" = w."choice";
  DELETE FROM "ClassWrongChoiceTotal" WHERE "classId" = OLD."classId" AND "count" = 0;
  INSERT INTO "ClassQuestionTotal" ("classId", "questionId", "answers", "durationMs", "firstTries", "firstCorrect", "overrides")
  SELECT NEW."classId", t."questionId", t."answers", t."durationMs", t."firstTries", t."firstCorrect", t."overrides"
  FROM "CardTotal" t WHERE t."learnerId" = NEW."learnerId"
  ON CONFLICT ("classId", "questionId") DO UPDATE SET
    "answers" = "answers" + excluded."answers", "durationMs" = "durationMs" + excluded."durationMs",
    "firstTries" = "firstTries" + excluded."firstTries", "firstCorrect" = "firstCorrect" + excluded."firstCorrect",
    "overrides" = "overrides" + excluded."overrides";
  INSERT INTO "ClassWrongChoiceTotal" ("classId", "questionId", "choice", "count")
  SELECT NEW."classId", w."questionId", w."choice", w."count"
  FROM "WrongChoiceTotal" w WHERE w."learnerId" = NEW."learnerId"
  ON CONFLICT ("classId", "questionId", "choice") DO UPDATE SET "count" = "count" + excluded."count";
END;
