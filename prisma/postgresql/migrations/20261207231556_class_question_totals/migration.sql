-- CreateTable
CREATE TABLE "ClassQuestionTotal" (
    "classId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "answers" INTEGER NOT NULL,
    "durationMs" BIGINT NOT NULL,
    "firstTries" INTEGER NOT NULL,
    "firstCorrect" INTEGER NOT NULL,
    "overrides" INTEGER NOT NULL,

    CONSTRAINT "ClassQuestionTotal_pkey" PRIMARY KEY ("classId","questionId")
);

-- CreateTable
CREATE TABLE "ClassWrongChoiceTotal" (
    "classId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "choice" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "ClassWrongChoiceTotal_pkey" PRIMARY KEY ("classId","questionId","choice")
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
-- so a class total is zero exactly when no member has a row for it.) Classes are visited in id order, so
-- two writers lock a learner's class rows in the same order.

-- Adds a learner's question total (sign 1) to each of their classes, or takes it away (sign -1).
CREATE FUNCTION "CardTotal_classes_apply"(t "CardTotal", sign INTEGER) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ClassQuestionTotal" AS c ("classId", "questionId", "answers", "durationMs", "firstTries", "firstCorrect", "overrides")
  SELECT m."classId", t."questionId", sign * t."answers", sign * t."durationMs", sign * t."firstTries",
    sign * t."firstCorrect", sign * t."overrides"
  FROM "ClassMember" m WHERE m."learnerId" = t."learnerId" ORDER BY m."classId"
  ON CONFLICT ("classId", "questionId") DO UPDATE SET
    "answers" = c."answers" + EXCLUDED."answers", "durationMs" = c."durationMs" + EXCLUDED."durationMs",
    "firstTries" = c."firstTries" + EXCLUDED."firstTries", "firstCorrect" = c."firstCorrect" + EXCLUDED."firstCorrect",
    "overrides" = c."overrides" + EXCLUDED."overrides";
  IF sign < 0 THEN
    DELETE FROM "ClassQuestionTotal" c USING "ClassMember" m
    WHERE m."learnerId" = t."learnerId" AND c."classId" = m."classId" AND c."questionId" = t."questionId"
      AND c."answers" = 0;
  END IF;
END $$;

CREATE FUNCTION "CardTotal_classes"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD."learnerId" = NEW."learnerId" AND OLD."questionId" = NEW."questionId" THEN
    -- The common case (an answer or an undo updating one learner's row in place): add the difference.
    UPDATE "ClassQuestionTotal" c SET "answers" = c."answers" + (NEW."answers" - OLD."answers"),
      "durationMs" = c."durationMs" + (NEW."durationMs" - OLD."durationMs"),
      "firstTries" = c."firstTries" + (NEW."firstTries" - OLD."firstTries"),
      "firstCorrect" = c."firstCorrect" + (NEW."firstCorrect" - OLD."firstCorrect"),
      "overrides" = c."overrides" + (NEW."overrides" - OLD."overrides")
    FROM (SELECT m."classId" FROM "ClassMember" m WHERE m."learnerId" = NEW."learnerId" ORDER BY m."classId") m
    WHERE c."classId" = m."classId" AND c."questionId" = NEW."questionId";
    IF NEW."answers" < OLD."answers" THEN
      DELETE FROM "ClassQuestionTotal" c USING "ClassMember" m
      WHERE m."learnerId" = NEW."learnerId" AND c."classId" = m."classId" AND c."questionId" = NEW."questionId"
        AND c."answers" = 0;
    END IF;
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM "CardTotal_classes_apply"(OLD, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM "CardTotal_classes_apply"(NEW, 1);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "CardTotal_classes" AFTER INSERT OR UPDATE OR DELETE ON "CardTotal"
  FOR EACH ROW EXECUTE FUNCTION "CardTotal_classes"();

CREATE FUNCTION "WrongChoiceTotal_classes_apply"(w "WrongChoiceTotal", sign INTEGER) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ClassWrongChoiceTotal" AS c ("classId", "questionId", "choice", "count")
  SELECT m."classId", w."questionId", w."choice", sign * w."count"
  FROM "ClassMember" m WHERE m."learnerId" = w."learnerId" ORDER BY m."classId"
  ON CONFLICT ("classId", "questionId", "choice") DO UPDATE SET "count" = c."count" + EXCLUDED."count";
  IF sign < 0 THEN
    DELETE FROM "ClassWrongChoiceTotal" c USING "ClassMember" m
    WHERE m."learnerId" = w."learnerId" AND c."classId" = m."classId" AND c."questionId" = w."questionId"
      AND c."choice" = w."choice" AND c."count" = 0;
  END IF;
END $$;

CREATE FUNCTION "WrongChoiceTotal_classes"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD."learnerId" = NEW."learnerId" AND OLD."questionId" = NEW."questionId"
    AND OLD."choice" = NEW."choice" THEN
    UPDATE "ClassWrongChoiceTotal" c SET "count" = c."count" + (NEW."count" - OLD."count")
    FROM (SELECT m."classId" FROM "ClassMember" m WHERE m."learnerId" = NEW."learnerId" ORDER BY m."classId") m
    WHERE c."classId" = m."classId" AND c."questionId" = NEW."questionId" AND c."choice" = NEW."choice";
    IF NEW."count" < OLD."count" THEN
      DELETE FROM "ClassWrongChoiceTotal" c USING "ClassMember" m
      WHERE m."learnerId" = NEW."learnerId" AND c."classId" = m."classId" AND c."questionId" = NEW."questionId"
        AND c."choice" = NEW."choice" AND c."count" = 0;
    END IF;
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM "WrongChoiceTotal_classes_apply"(OLD, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM "WrongChoiceTotal_classes_apply"(NEW, 1);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "WrongChoiceTotal_classes" AFTER INSERT OR UPDATE OR DELETE ON "WrongChoiceTotal"
  FOR EACH ROW EXECUTE FUNCTION "WrongChoiceTotal_classes"();

-- Adds all of a learner's totals to a class (sign 1: joining) or takes them away (sign -1: leaving).
CREATE FUNCTION "ClassMember_totals_apply"(class_id TEXT, learner_id TEXT, sign INTEGER) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ClassQuestionTotal" AS c ("classId", "questionId", "answers", "durationMs", "firstTries", "firstCorrect", "overrides")
  SELECT class_id, t."questionId", sign * t."answers", sign * t."durationMs", sign * t."firstTries",
    sign * t."firstCorrect", sign * t."overrides"
  FROM "CardTotal" t WHERE t."learnerId" = learner_id ORDER BY t."questionId"
  ON CONFLICT ("classId", "questionId") DO UPDATE SET
    "answers" = c."answers" + EXCLUDED."answers", "durationMs" = c."durationMs" + EXCLUDED."durationMs",
    "firstTries" = c."firstTries" + EXCLUDED."firstTries", "firstCorrect" = c."firstCorrect" + EXCLUDED."firstCorrect",
    "overrides" = c."overrides" + EXCLUDED."overrides";
  INSERT INTO "ClassWrongChoiceTotal" AS c ("classId", "questionId", "choice", "count")
  SELECT class_id, w."questionId", w."choice", sign * w."count"
  FROM "WrongChoiceTotal" w WHERE w."learnerId" = learner_id ORDER BY w."questionId", w."choice"
  ON CONFLICT ("classId", "questionId", "choice") DO UPDATE SET "count" = c."count" + EXCLUDED."count";
  IF sign < 0 THEN
    DELETE FROM "ClassQuestionTotal" WHERE "classId" = class_id AND "answers" = 0;
    DELETE FROM "ClassWrongChoiceTotal" WHERE "classId" = class_id AND "count" = 0;
  END IF;
END $$;

CREATE FUNCTION "ClassMember_totals"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD."classId" = NEW."classId" AND OLD."learnerId" = NEW."learnerId" THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM "ClassMember_totals_apply"(OLD."classId", OLD."learnerId", -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM "ClassMember_totals_apply"(NEW."classId", NEW."learnerId", 1);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "ClassMember_totals_insert_delete" AFTER INSERT OR DELETE ON "ClassMember"
  FOR EACH ROW EXECUTE FUNCTION "ClassMember_totals"();
CREATE TRIGGER "ClassMember_totals_update" AFTER UPDATE OF "classId", "learnerId" ON "ClassMember"
  FOR EACH ROW EXECUTE FUNCTION "ClassMember_totals"();
