import "server-only";

import { countTeachers } from "@/lib/data/classes";
import { listDocuments } from "@/lib/data/documents";
import { countPublishedQuestionsByDocument } from "@/lib/data/questions";
import { canCreateDeck, canEditDocument, type Viewer } from "@/lib/permissions";
import { buildLibrary, type ShareTokens } from "./decks";

/**
 * The home page: the viewer's library of decks (in buildLibrary's order), whether
 * they may make decks, and the documents behind those decks with their published
 * question counts. Imported and hand-written banks have no text of their own, so
 * their documents are not listed.
 */
export async function loadLibraryPage(viewer: Viewer, tokens: ShareTokens) {
  const [library, teachers] = await Promise.all([buildLibrary(viewer, tokens), countTeachers()]);
  const installHasTeachers = teachers > 0;
  const [documents, counts] = await Promise.all([
    listDocuments(library.documentIds).then((docs) =>
      docs.filter((d) => d.origin !== "import" && d.origin !== "authored"),
    ),
    countPublishedQuestionsByDocument(library.documentIds),
  ]);
  return {
    library,
    makesDecks: canCreateDeck(viewer, installHasTeachers),
    documents: documents.map((d) => ({
      ...d,
      questionCount: counts.get(d.id) ?? 0,
      /** Generation failed and this viewer may retry or delete it. */
      failedForEditor: d.generationStatus === "failed" && canEditDocument(viewer, d, installHasTeachers),
    })),
  };
}
