-- AlterTable
ALTER TABLE "Question" ADD COLUMN "editedAt" DATETIME;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Document" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentPath" TEXT,
    "source" TEXT,
    "ownerId" TEXT,
    "origin" TEXT NOT NULL DEFAULT 'content',
    "text" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "importedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Document" ("contentPath", "fileName", "id", "importedAt", "sha256", "source", "text", "title", "updatedAt") SELECT "contentPath", "fileName", "id", "importedAt", "sha256", "source", "text", "title", "updatedAt" FROM "Document";
DROP TABLE "Document";
ALTER TABLE "new_Document" RENAME TO "Document";
CREATE UNIQUE INDEX "Document_contentPath_key" ON "Document"("contentPath");
CREATE INDEX "Document_sha256_idx" ON "Document"("sha256");
CREATE INDEX "Document_ownerId_idx" ON "Document"("ownerId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
