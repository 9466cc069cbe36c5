import "server-only";

import { countTeachers } from "@/lib/data/classes";
import { countLiveQuestionsByDocument } from "@/lib/data/live";
import { canHostGame, isTeacher, type Viewer } from "@/lib/permissions";
import { buildLibrary, type ShareTokens } from "./decks";
import { currentUser } from "./session-user";

/** Teachers upload and host; on a single-user install (no teacher accounts yet) anyone may. */
export async function canUpload(viewer: Viewer): Promise<boolean> {
  return isTeacher(viewer) || (await countTeachers()) === 0;
}

export async function mayHostGames(viewer: Viewer): Promise<boolean> {
  return canHostGame(viewer, (await countTeachers()) > 0);
}

/** Stored decks the host can read, with the questions a game would play from each (each counted once per deck). */
export async function listHostableDecks(viewer: Viewer, tokens: ShareTokens) {
  const [library, counts] = await Promise.all([buildLibrary(viewer, tokens), countLiveQuestionsByDocument()]);
  return library.decks.map((d) => ({
    id: d.id,
    title: d.title,
    questionCount: d.documentIds.reduce((n, id) => n + (counts.get(id) ?? 0), 0),
  }));
}

/** The site header's links: who is signed in, and whether "Host a quiz" is offered. */
export async function siteNavigation() {
  const [user, teachers] = await Promise.all([currentUser(), countTeachers()]);
  // Teachers host; on a single-user install (no teacher accounts) anyone may.
  return { user, mayHost: user?.role === "teacher" || teachers === 0 };
}
