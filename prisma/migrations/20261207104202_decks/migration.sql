-- CreateTable
CREATE TABLE "Deck" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "visibility" TEXT NOT NULL DEFAULT 'private',
    "shareToken" TEXT,
    "kind" TEXT NOT NULL DEFAULT 'documents',
    "sourceHash" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "DeckDocument" (
    "deckId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("deckId", "documentId"),
    CONSTRAINT "DeckDocument_deckId_fkey" FOREIGN KEY ("deckId") REFERENCES "Deck" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DeckDocument_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Deck_shareToken_key" ON "Deck"("shareToken");

-- CreateIndex
CREATE INDEX "Deck_ownerId_sourceHash_idx" ON "Deck"("ownerId", "sourceHash");

-- CreateIndex
CREATE INDEX "Deck_visibility_idx" ON "Deck"("visibility");

-- CreateIndex
CREATE INDEX "DeckDocument_documentId_idx" ON "DeckDocument"("documentId");

-- Existing data: each document's deck becomes a Deck with the document's id,
-- so assignments, live games and links that named it keep working. Teachers'
-- documents become private decks; the shared corpus (no owner) stays public.
INSERT INTO "Deck" ("id", "ownerId", "title", "description", "visibility", "kind", "sourceHash", "createdAt", "updatedAt")
SELECT "id", "ownerId", "title", '',
       CASE WHEN "ownerId" IS NULL THEN 'public' ELSE 'private' END,
       CASE WHEN "origin" = 'import' THEN 'imported' ELSE 'documents' END,
       CASE WHEN "origin" = 'import' THEN "sha256" ELSE NULL END,
       "importedAt", "updatedAt"
FROM "Document";

INSERT INTO "DeckDocument" ("deckId", "documentId", "position")
SELECT "id", "id", 0 FROM "Document";

-- The "All documents" deck becomes the public sample deck of content/ (only
-- the shared corpus: teachers' documents are private from now on).
INSERT INTO "Deck" ("id", "ownerId", "title", "description", "visibility", "kind", "createdAt", "updatedAt")
SELECT 'sample', NULL, 'Sample deck', 'Every document of the sample corpus in one deck.', 'public', 'sample',
       MIN("importedAt"), MAX("updatedAt")
FROM "Document"
WHERE "ownerId" IS NULL AND "origin" = 'content'
HAVING COUNT(*) > 0;

INSERT INTO "DeckDocument" ("deckId", "documentId", "position")
SELECT 'sample', "id", ROW_NUMBER() OVER (ORDER BY "contentPath", "id") - 1
FROM "Document"
WHERE "ownerId" IS NULL AND "origin" = 'content';

UPDATE "Assignment" SET "deckId" = 'sample' WHERE "deckId" = 'all';
