-- CreateTable
CREATE TABLE "CardTotal" (
    "learnerId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "answers" INTEGER NOT NULL,
    "durationMs" BIGINT NOT NULL,
    "firstTries" INTEGER NOT NULL,
    "firstCorrect" INTEGER NOT NULL,
    "overrides" INTEGER NOT NULL,

    PRIMARY KEY ("learnerId", "questionId")
);

-- CreateTable
CREATE TABLE "WrongChoiceTotal" (
    "learnerId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "choice" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("learnerId", "questionId", "choice")
);

-- CreateTable
CREATE TABLE "LearnerDayTotal" (
    "learnerId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "answers" INTEGER NOT NULL,
    "reviewStateAnswers" INTEGER NOT NULL,
    "reviewStatePassed" INTEGER NOT NULL,
    "lastReviewedAt" DATETIME NOT NULL,

    PRIMARY KEY ("learnerId", "day")
);

-- CreateIndex
CREATE INDEX "CardTotal_covering_idx" ON "CardTotal"("learnerId", "questionId", "answers", "durationMs", "firstTries", "firstCorrect", "overrides");

-- Backfill: the totals of every existing non-undone answer (the same sums as `npm run totals:rebuild`).
INSERT INTO "CardTotal" ("learnerId", "questionId", "answers", "durationMs", "firstTries", "firstCorrect", "overrides")
SELECT r."learnerId", r."questionId", COUNT(*), SUM(r."durationMs"),
  SUM(CASE WHEN r."stateBefore" = 'new' THEN 1 ELSE 0 END),
  SUM(CASE WHEN r."stateBefore" = 'new' THEN (CASE WHEN r."correct" IS NULL THEN (CASE WHEN r."rating" = 'again' THEN 0 ELSE 1 END) WHEN r."correct" = TRUE THEN 1 ELSE 0 END) ELSE 0 END),
  SUM(CASE WHEN r."overridden" = TRUE THEN 1 ELSE 0 END)
FROM "ReviewLog" r WHERE r."undoneAt" IS NULL
GROUP BY r."learnerId", r."questionId";

INSERT INTO "WrongChoiceTotal" ("learnerId", "questionId", "choice", "count")
SELECT r."learnerId", r."questionId", r."response", COUNT(*)
FROM "ReviewLog" r WHERE r."undoneAt" IS NULL AND r."correct" = FALSE AND r."response" IS NOT NULL
GROUP BY r."learnerId", r."questionId", r."response";

INSERT INTO "LearnerDayTotal" ("learnerId", "day", "answers", "reviewStateAnswers", "reviewStatePassed", "lastReviewedAt")
SELECT r."learnerId", substr(CAST(r."reviewedAt" AS TEXT), 1, 10), COUNT(*),
  SUM(CASE WHEN r."stateBefore" = 'review' THEN 1 ELSE 0 END),
  SUM(CASE WHEN r."stateBefore" = 'review' AND r."rating" <> 'again' THEN 1 ELSE 0 END),
  MAX(r."reviewedAt")
FROM "ReviewLog" r WHERE r."undoneAt" IS NULL
GROUP BY r."learnerId", substr(CAST(r."reviewedAt" AS TEXT), 1, 10);

-- Triggers keep the totals exact from here on. A log counts while it is not undone; an update of a
-- counted column (undo, a guest merge re-pointing learnerId) takes the old row's share away and adds
-- the new row's. A total that falls to zero is deleted, so the tables hold exactly what a rebuild
-- from the logs would. Dates are ISO-8601 text here, so the UTC day is their first 10 characters.
CREATE TRIGGER "ReviewLog_totals_insert" AFTER INSERT ON "ReviewLog" WHEN NEW."undoneAt" IS NULL
BEGIN
  INSERT INTO "CardTotal" ("learnerId", "questionId", "answers", "durationMs", "firstTries", "firstCorrect", "overrides")
  VALUES (NEW."learnerId", NEW."questionId", 1, NEW."durationMs",
    CASE WHEN NEW."stateBefore" = 'new' THEN 1 ELSE 0 END,
    CASE WHEN NEW."stateBefore" = 'new' THEN (CASE WHEN NEW."correct" IS NULL THEN (CASE WHEN NEW."rating" = 'again' THEN 0 ELSE 1 END) WHEN NEW."correct" = TRUE THEN 1 ELSE 0 END) ELSE 0 END,
    CASE WHEN NEW."overridden" = TRUE THEN 1 ELSE 0 END)
  ON CONFLICT ("learnerId", "questionId") DO UPDATE SET
    "answers" = "answers" + 1, "durationMs" = "durationMs" + excluded."durationMs",
    "firstTries" = "firstTries" + excluded."firstTries", "firstCorrect" = "firstCorrect" + excluded."firstCorrect",
    "overrides" = "overrides" + excluded."overrides";
  INSERT INTO "WrongChoiceTotal" ("learnerId", "questionId", "choice", "count")
  SELECT NEW."learnerId", NEW."questionId", NEW."response", 1
  WHERE NEW."correct" = FALSE AND NEW."response" IS NOT NULL
  ON CONFLICT ("learnerId", "questionId", "choice") DO UPDATE SET "count" = "count" + 1;
  INSERT INTO "LearnerDayTotal" ("learnerId", "day", "answers", "reviewStateAnswers", "reviewStatePassed", "lastReviewedAt")
  VALUES (NEW."learnerId", substr(NEW."reviewedAt", 1, 10), 1,
    CASE WHEN NEW."stateBefore" = 'review' THEN 1 ELSE 0 END,
    CASE WHEN NEW."stateBefore" = 'review' AND NEW."rating" <> 'again' THEN 1 ELSE 0 END,
    NEW."reviewedAt")
  ON CONFLICT ("learnerId", "day") DO UPDATE SET
    "answers" = "answers" + 1, "reviewStateAnswers" = "reviewStateAnswers" + excluded."reviewStateAnswers",
    "reviewStatePassed" = "reviewStatePassed" + excluded."reviewStatePassed",
    "lastReviewedAt" = max("lastReviewedAt", excluded."lastReviewedAt");
END;

CREATE TRIGGER "ReviewLog_totals_update_add" AFTER UPDATE OF "learnerId", "questionId", "reviewedAt", "undoneAt",
  "durationMs", "stateBefore", "rating", "correct", "response", "overridden" ON "ReviewLog" WHEN NEW."undoneAt" IS NULL
BEGIN
  INSERT INTO "CardTotal" ("learnerId", "questionId", "answers", "durationMs", "firstTries", "firstCorrect", "overrides")
  VALUES (NEW."learnerId", NEW."questionId", 1, NEW."durationMs",
    CASE WHEN NEW."stateBefore" = 'new' THEN 1 ELSE 0 END,
    CASE WHEN NEW."stateBefore" = 'new' THEN (CASE WHEN NEW."correct" IS NULL THEN (CASE WHEN NEW."rating" = 'again' THEN 0 ELSE 1 END) WHEN NEW."correct" = TRUE THEN 1 ELSE 0 END) ELSE 0 END,
    CASE WHEN NEW."overridden" = TRUE THEN 1 ELSE 0 END)
  ON CONFLICT ("learnerId", "questionId") DO UPDATE SET
    "answers" = "answers" + 1, "durationMs" = "durationMs" + excluded."durationMs",
    "firstTries" = "firstTries" + excluded."firstTries", "firstCorrect" = "firstCorrect" + excluded."firstCorrect",
    "overrides" = "overrides" + excluded."overrides";
  INSERT INTO "WrongChoiceTotal" ("learnerId", "questionId", "choice", "count")
  SELECT NEW."learnerId", NEW."questionId", NEW."response", 1
  WHERE NEW."correct" = FALSE AND NEW."response" IS NOT NULL
  ON CONFLICT ("learnerId", "questionId", "choice") DO UPDATE SET "count" = "count" + 1;
  INSERT INTO "LearnerDayTotal" ("learnerId", "day", "answers", "reviewStateAnswers", "reviewStatePassed", "lastReviewedAt")
  VALUES (NEW."learnerId", substr(NEW."reviewedAt", 1, 10), 1,
    CASE WHEN NEW."stateBefore" = 'review' THEN 1 ELSE 0 END,
    CASE WHEN NEW."stateBefore" = 'review' AND NEW."rating" <> 'again' THEN 1 ELSE 0 END,
    NEW."reviewedAt")
  ON CONFLICT ("learnerId", "day") DO UPDATE SET
    "answers" = "answers" + 1, "reviewStateAnswers" = "reviewStateAnswers" + excluded."reviewStateAnswers",
    "reviewStatePassed" = "reviewStatePassed" + excluded."reviewStatePassed",
    "lastReviewedAt" = max("lastReviewedAt", excluded."lastReviewedAt");
END;

CREATE TRIGGER "ReviewLog_totals_update_remove" AFTER UPDATE OF "learnerId", "questionId", "reviewedAt", "undoneAt",
  "durationMs", "stateBefore", "rating", "correct", "response", "overridden" ON "ReviewLog" WHEN OLD."undoneAt" IS NULL
BEGIN
  UPDATE "CardTotal" SET "answers" = "answers" - 1, "durationMs" = "durationMs" - OLD."durationMs",
    "firstTries" = "firstTries" - (CASE WHEN OLD."stateBefore" = 'new' THEN 1 ELSE 0 END),
    "firstCorrect" = "firstCorrect" - (CASE WHEN OLD."stateBefore" = 'new' THEN (CASE WHEN OLD."correct" IS NULL THEN (CASE WHEN OLD."rating" = 'again' THEN 0 ELSE 1 END) WHEN OLD."correct" = TRUE THEN 1 ELSE 0 END) ELSE 0 END),
    "overrides" = "overrides" - (CASE WHEN OLD."overridden" = TRUE THEN 1 ELSE 0 END)
  WHERE "learnerId" = OLD."learnerId" AND "questionId" = OLD."questionId";
  DELETE FROM "CardTotal" WHERE "learnerId" = OLD."learnerId" AND "questionId" = OLD."questionId" AND "answers" = 0;
  UPDATE "WrongChoiceTotal" SET "count" = "count" - 1
  WHERE "learnerId" = OLD."learnerId" AND "questionId" = OLD."questionId" AND "choice" = OLD."response" AND OLD."correct" = FALSE;
  DELETE FROM "WrongChoiceTotal"
  WHERE "learnerId" = OLD."learnerId" AND "questionId" = OLD."questionId" AND "choice" = OLD."response" AND "count" = 0;
  UPDATE "LearnerDayTotal" SET "answers" = "answers" - 1,
    "reviewStateAnswers" = "reviewStateAnswers" - (CASE WHEN OLD."stateBefore" = 'review' THEN 1 ELSE 0 END),
    "reviewStatePassed" = "reviewStatePassed" - (CASE WHEN OLD."stateBefore" = 'review' AND OLD."rating" <> 'again' THEN 1 ELSE 0 END),
    "lastReviewedAt" = COALESCE((SELECT MAX(l."reviewedAt") FROM "ReviewLog" l
      WHERE l."learnerId" = OLD."learnerId" AND l."undoneAt" IS NULL
        AND l."reviewedAt" >= substr(OLD."reviewedAt", 1, 10) AND l."reviewedAt" < date(substr(OLD."reviewedAt", 1, 10), '+1 day')),
      "lastReviewedAt")
  WHERE "learnerId" = OLD."learnerId" AND "day" = substr(OLD."reviewedAt", 1, 10);
  DELETE FROM "LearnerDayTotal" WHERE "learnerId" = OLD."learnerId" AND "day" = substr(OLD."reviewedAt", 1, 10) AND "answers" = 0;
END;

CREATE TRIGGER "ReviewLog_totals_delete" AFTER DELETE ON "ReviewLog" WHEN OLD."undoneAt" IS NULL
BEGIN
  UPDATE "CardTotal" SET "answers" = "answers" - 1, "durationMs" = "durationMs" - OLD."durationMs",
    "firstTries" = "firstTries" - (CASE WHEN OLD."stateBefore" = 'new' THEN 1 ELSE 0 END),
    "firstCorrect" = "firstCorrect" - (CASE WHEN OLD."stateBefore" = 'new' THEN (CASE WHEN OLD."correct" IS NULL THEN (CASE WHEN OLD."rating" = 'again' THEN 0 ELSE 1 END) WHEN OLD."correct" = TRUE THEN 1 ELSE 0 END) ELSE 0 END),
    "overrides" = "overrides" - (CASE WHEN OLD."overridden" = TRUE THEN 1 ELSE 0 END)
  WHERE "learnerId" = OLD."learnerId" AND "questionId" = OLD."questionId";
  DELETE FROM "CardTotal" WHERE "learnerId" = OLD."learnerId" AND "questionId" = OLD."questionId" AND "answers" = 0;
  UPDATE "WrongChoiceTotal" SET "count" = "count" - 1
  WHERE "learnerId" = OLD."learnerId" AND "questionId" = OLD."questionId" AND "choice" = OLD."response" AND OLD."correct" = FALSE;
  DELETE FROM "WrongChoiceTotal"
  WHERE "learnerId" = OLD."learnerId" AND "questionId" = OLD."questionId" AND "choice" = OLD."response" AND "count" = 0;
  UPDATE "LearnerDayTotal" SET "answers" = "answers" - 1,
    "reviewStateAnswers" = "reviewStateAnswers" - (CASE WHEN OLD."stateBefore" = 'review' THEN 1 ELSE 0 END),
    "reviewStatePassed" = "reviewStatePassed" - (CASE WHEN OLD."stateBefore" = 'review' AND OLD."rating" <> 'again' THEN 1 ELSE 0 END),
    "lastReviewedAt" = COALESCE((SELECT MAX(l."reviewedAt") FROM "ReviewLog" l
      WHERE l."learnerId" = OLD."learnerId" AND l."undoneAt" IS NULL
        AND l."reviewedAt" >= substr(OLD."reviewedAt", 1, 10) AND l."reviewedAt" < date(substr(OLD."reviewedAt", 1, 10), '+1 day')),
      "lastReviewedAt")
  WHERE "learnerId" = OLD."learnerId" AND "day" = substr(OLD."reviewedAt", 1, 10);
  DELETE FROM "LearnerDayTotal" WHERE "learnerId" = OLD."learnerId" AND "day" = substr(OLD."reviewedAt", 1, 10) AND "answers" = 0;
END;
