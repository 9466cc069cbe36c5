-- DropIndex
DROP INDEX "ReviewLog_learnerId_reviewedAt_idx";

-- DropIndex
DROP INDEX "ReviewLog_cardId_reviewedAt_idx";

-- DropIndex
DROP INDEX "ReviewLog_questionId_idx";

-- CreateIndex
CREATE INDEX "ReviewLog_learner_time_idx" ON "ReviewLog"("learnerId", "reviewedAt", "undoneAt", "stateBefore", "rating");

-- CreateIndex
CREATE INDEX "ReviewLog_card_time_idx" ON "ReviewLog"("cardId", "reviewedAt", "undoneAt", "correct", "rating");

-- CreateIndex
CREATE INDEX "ReviewLog_question_stats_idx" ON "ReviewLog"("questionId", "learnerId", "undoneAt", "stateBefore", "correct", "rating", "durationMs", "response");

