-- Additive only (ADD COLUMN, CREATE INDEX), so it merges with other migrations on the same tables.

-- AlterTable
ALTER TABLE "Question" ADD COLUMN "noteId" TEXT;

-- AlterTable
ALTER TABLE "Document" ADD COLUMN "generationStatus" TEXT NOT NULL DEFAULT 'ready';
ALTER TABLE "Document" ADD COLUMN "generationError" TEXT;

-- CreateIndex
CREATE INDEX "Question_noteId_idx" ON "Question"("noteId");
