-- Additive only (ALTER TABLE ... ADD COLUMN), so it merges with other migrations that touch these tables.
ALTER TABLE "Learner" ADD COLUMN "maxReviewsPerDay" INTEGER NOT NULL DEFAULT 200;
ALTER TABLE "Learner" ADD COLUMN "studyOrder" TEXT NOT NULL DEFAULT 'due-first';
ALTER TABLE "Learner" ADD COLUMN "displayName" TEXT;
ALTER TABLE "Learner" ADD COLUMN "fsrsParams" JSONB;
ALTER TABLE "Learner" ADD COLUMN "fsrsUseFitted" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Learner" ADD COLUMN "fsrsFit" JSONB;
ALTER TABLE "Learner" ADD COLUMN "fsrsFittedAt" DATETIME;
ALTER TABLE "ReviewLog" ADD COLUMN "overridden" BOOLEAN NOT NULL DEFAULT false;
