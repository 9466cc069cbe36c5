-- CreateTable
CREATE TABLE "CardTotal" (
    "learnerId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "answers" INTEGER NOT NULL,
    "durationMs" BIGINT NOT NULL,
    "firstTries" INTEGER NOT NULL,
    "firstCorrect" INTEGER NOT NULL,
    "overrides" INTEGER NOT NULL,

    CONSTRAINT "CardTotal_pkey" PRIMARY KEY ("learnerId","questionId")
);

-- CreateTable
CREATE TABLE "WrongChoiceTotal" (
    "learnerId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "choice" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "WrongChoiceTotal_pkey" PRIMARY KEY ("learnerId","questionId","choice")
);

-- CreateTable
CREATE TABLE "LearnerDayTotal" (
    "learnerId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "answers" INTEGER NOT NULL,
    "reviewStateAnswers" INTEGER NOT NULL,
    "reviewStatePassed" INTEGER NOT NULL,
    "lastReviewedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LearnerDayTotal_pkey" PRIMARY KEY ("learnerId","day")
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
-- from the logs would. reviewedAt is a UTC timestamp without time zone; its day is its date.
CREATE FUNCTION "ReviewLog_totals_add"(r "ReviewLog") RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "CardTotal" AS t ("learnerId", "questionId", "answers", "durationMs", "firstTries", "firstCorrect", "overrides")
  VALUES (r."learnerId", r."questionId", 1, r."durationMs",
    CASE WHEN r."stateBefore" = 'new' THEN 1 ELSE 0 END,
    CASE WHEN r."stateBefore" = 'new' THEN (CASE WHEN r."correct" IS NULL THEN (CASE WHEN r."rating" = 'again' THEN 0 ELSE 1 END) WHEN r."correct" = TRUE THEN 1 ELSE 0 END) ELSE 0 END,
    CASE WHEN r."overridden" = TRUE THEN 1 ELSE 0 END)
  ON CONFLICT ("learnerId", "questionId") DO UPDATE SET
    "answers" = t."answers" + 1, "durationMs" = t."durationMs" + EXCLUDED."durationMs",
    "firstTries" = t."firstTries" + EXCLUDED."firstTries", "firstCorrect" = t."firstCorrect" + EXCLUDED."firstCorrect",
    "overrides" = t."overrides" + EXCLUDED."overrides";
  IF r."correct" = FALSE AND r."response" IS NOT NULL THEN
    INSERT INTO "WrongChoiceTotal" AS t ("learnerId", "questionId", "choice", "count")
    VALUES (r."learnerId", r."questionId", r."response", 1)
    ON CONFLICT ("learnerId", "questionId", "choice") DO UPDATE SET "count" = t."count" + 1;
  END IF;
  INSERT INTO "LearnerDayTotal" AS t ("learnerId", "day", "answers", "reviewStateAnswers", "reviewStatePassed", "lastReviewedAt")
  VALUES (r."learnerId", to_char(r."reviewedAt", 'YYYY-MM-DD'), 1,
    CASE WHEN r."stateBefore" = 'review' THEN 1 ELSE 0 END,
    CASE WHEN r."stateBefore" = 'review' AND r."rating" <> 'again' THEN 1 ELSE 0 END,
    r."reviewedAt")
  ON CONFLICT ("learnerId", "day") DO UPDATE SET
    "answers" = t."answers" + 1, "reviewStateAnswers" = t."reviewStateAnswers" + EXCLUDED."reviewStateAnswers",
    "reviewStatePassed" = t."reviewStatePassed" + EXCLUDED."reviewStatePassed",
    "lastReviewedAt" = GREATEST(t."lastReviewedAt", EXCLUDED."lastReviewedAt");
END $$;

CREATE FUNCTION "ReviewLog_totals_remove"(r "ReviewLog") RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  d TEXT := to_char(r."reviewedAt", 'YYYY-MM-DD');
BEGIN
  UPDATE "CardTotal" SET "answers" = "answers" - 1, "durationMs" = "durationMs" - r."durationMs",
    "firstTries" = "firstTries" - (CASE WHEN r."stateBefore" = 'new' THEN 1 ELSE 0 END),
    "firstCorrect" = "firstCorrect" - (CASE WHEN r."stateBefore" = 'new' THEN (CASE WHEN r."correct" IS NULL THEN (CASE WHEN r."rating" = 'again' THEN 0 ELSE 1 END) WHEN r."correct" = TRUE THEN 1 ELSE 0 END) ELSE 0 END),
    "overrides" = "overrides" - (CASE WHEN r."overridden" = TRUE THEN 1 ELSE 0 END)
  WHERE "learnerId" = r."learnerId" AND "questionId" = r."questionId";
  DELETE FROM "CardTotal" WHERE "learnerId" = r."learnerId" AND "questionId" = r."questionId" AND "answers" = 0;
  IF r."correct" = FALSE AND r."response" IS NOT NULL THEN
    UPDATE "WrongChoiceTotal" SET "count" = "count" - 1
    WHERE "learnerId" = r."learnerId" AND "questionId" = r."questionId" AND "choice" = r."response";
    DELETE FROM "WrongChoiceTotal"
    WHERE "learnerId" = r."learnerId" AND "questionId" = r."questionId" AND "choice" = r."response" AND "count" = 0;
  END IF;
  UPDATE "LearnerDayTotal" SET "answers" = "answers" - 1,
    "reviewStateAnswers" = "reviewStateAnswers" - (CASE WHEN r."stateBefore" = 'review' THEN 1 ELSE 0 END),
    "reviewStatePassed" = "reviewStatePassed" - (CASE WHEN r."stateBefore" = 'review' AND r."rating" <> 'again' THEN 1 ELSE 0 END),
    "lastReviewedAt" = COALESCE((SELECT MAX(l."reviewedAt") FROM "ReviewLog" l
      WHERE l."learnerId" = r."learnerId" AND l."undoneAt" IS NULL
        AND l."reviewedAt" >= CAST(d AS DATE) AND l."reviewedAt" < CAST(d AS DATE) + 1), "lastReviewedAt")
  WHERE "learnerId" = r."learnerId" AND "day" = d;
  DELETE FROM "LearnerDayTotal" WHERE "learnerId" = r."learnerId" AND "day" = d AND "answers" = 0;
END $$;

CREATE FUNCTION "ReviewLog_totals"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."undoneAt" IS NULL THEN
    PERFORM "ReviewLog_totals_remove"(OLD);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."undoneAt" IS NULL THEN
    PERFORM "ReviewLog_totals_add"(NEW);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "ReviewLog_totals_insert_delete" AFTER INSERT OR DELETE ON "ReviewLog"
  FOR EACH ROW EXECUTE FUNCTION "ReviewLog_totals"();
CREATE TRIGGER "ReviewLog_totals_update" AFTER UPDATE OF "learnerId", "questionId", "reviewedAt", "undoneAt",
  "durationMs", "stateBefore", "rating", "correct", "response", "overridden" ON "ReviewLog"
  FOR EACH ROW EXECUTE FUNCTION "ReviewLog_totals"();
