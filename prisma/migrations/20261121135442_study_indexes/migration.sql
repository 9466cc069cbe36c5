-- DropIndex
DROP INDEX "Question_documentId_status_idx";

-- DropIndex
DROP INDEX "Question_status_idx";

-- CreateIndex
CREATE INDEX "Question_documentId_status_id_idx" ON "Question"("documentId", "status", "id");

-- CreateIndex
CREATE INDEX "Question_status_id_idx" ON "Question"("status", "id");

-- CreateIndex
CREATE INDEX "Card_learnerId_state_due_idx" ON "Card"("learnerId", "state", "due");
