/**
 * Every permission decision in one place. Route handlers, server actions and
 * pages load the resource, then ask one of these; a "no" is answered as 404
 * (never another person's data, and no hint that it exists).
 */

import type { Role } from "./domain/enums";

export type { Role };

export type Viewer = {
  /** Signed-in account, or null for a guest. */
  user: { id: string; role: Role } | null;
  /** The learner whose progress this browser records (account or guest). */
  learnerId: string | null;
  /** The install's administrator (lib/server/administrator.ts); only they change the shared sample content. */
  isAdministrator?: boolean;
};

/** Shared sample content (the content/ corpus, documents with no owner): read-only except to the administrator. */
export function canEditSharedContent(v: Viewer): boolean {
  return v.isAdministrator === true;
}

export const isTeacher = (v: Viewer) => v.user?.role === "teacher";

export function canCreateClass(v: Viewer): boolean {
  return isTeacher(v);
}

/** Teachers manage, and read everything in, the classes they own; nobody else does. */
export function canManageClass(v: Viewer, classroom: { teacherId: string }): boolean {
  return isTeacher(v) && v.user!.id === classroom.teacherId;
}

/** A teacher may drill into a learner only through a class they own that the learner is in. */
export function canReadClassLearner(
  v: Viewer,
  classroom: { teacherId: string },
  membership: { learnerId: string; classId: string } | null,
): boolean {
  return canManageClass(v, classroom) && membership !== null;
}

export function canJoinClass(v: Viewer): boolean {
  return v.learnerId !== null || v.user !== null;
}

/** Live games: a teacher account, or anyone when the install has no teacher accounts (single-user). */
export function canHostGame(v: Viewer, installHasTeachers: boolean): boolean {
  return isTeacher(v) || !installHasTeachers;
}

/**
 * Reviewing and editing a document's questions: the teacher who uploaded it;
 * for shared content (no owner: the content/ corpus, uploads made before any
 * account existed) only the install's administrator.
 */
export function canEditDocument(v: Viewer, doc: { ownerId: string | null }, installHasTeachers = true): boolean {
  if (doc.ownerId === null) return canEditSharedContent(v);
  return installHasTeachers && isTeacher(v) && doc.ownerId === v.user!.id;
}

// ---- Decks and documents ----

/** private: the owner only (and classes it is assigned to); public: everyone; link: whoever holds the share link. */
export const DECK_VISIBILITIES = ["private", "public", "link"] as const;
export type DeckVisibility = (typeof DECK_VISIBILITIES)[number];

export type DeckAccess = { ownerId: string | null; visibility: string; shareToken: string | null };

/** Facts about the viewer and a deck that need a query, gathered by the caller. */
export type DeckAccessContext = {
  /** The deck is assigned to a class the viewer learns in or teaches. */
  assignedToViewer: boolean;
  /** The share token this browser presents for the deck, if any. */
  shareToken?: string | null;
  /** False on a single-user install (no teacher accounts): whoever runs it sees its ownerless decks. */
  installHasTeachers?: boolean;
};

const ownsIt = (v: Viewer, ownerId: string | null) => ownerId !== null && isTeacher(v) && v.user!.id === ownerId;

/** Compares secrets in time that does not depend on where they first differ. */
function sameSecret(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** Studying, opening, exporting or playing a deck. */
export function canReadDeck(v: Viewer, deck: DeckAccess, ctx: DeckAccessContext): boolean {
  if (ownsIt(v, deck.ownerId)) return true;
  if (deck.visibility === "public" || ctx.assignedToViewer) return true;
  if (deck.ownerId === null && ctx.installHasTeachers === false) return true;
  return (
    deck.visibility === "link" && !!deck.shareToken && !!ctx.shareToken && sameSecret(deck.shareToken, ctx.shareToken)
  );
}

/** Renaming, changing visibility, sharing, changing its documents, deleting: the owning teacher only. */
export function canManageDeck(v: Viewer, deck: { ownerId: string | null }, installHasTeachers = true): boolean {
  if (deck.ownerId === null) return !installHasTeachers;
  return ownsIt(v, deck.ownerId);
}

/** Making a deck: teachers, or whoever runs a single-user install. */
export function canCreateDeck(v: Viewer, installHasTeachers = true): boolean {
  return isTeacher(v) || !installHasTeachers;
}

/** A teacher may put only their own documents (or, single-user, ownerless ones) in a deck. */
export function canAddDocumentToDeck(v: Viewer, doc: { ownerId: string | null }, installHasTeachers = true): boolean {
  return doc.ownerId === null ? !installHasTeachers : ownsIt(v, doc.ownerId);
}

/**
 * Reading a document's text and its published questions: its owner, or anyone
 * who can read a deck that holds it (the sample corpus is in a public deck).
 */
export function canReadDocument(
  v: Viewer,
  doc: { ownerId: string | null },
  ctx: { inReadableDeck: boolean; installHasTeachers?: boolean },
): boolean {
  if (ownsIt(v, doc.ownerId) || ctx.inReadableDeck) return true;
  return doc.ownerId === null && ctx.installHasTeachers === false;
}

/** Drafts (unpublished, rejected questions) are seen only by those who may review the document. */
export function canReadDrafts(v: Viewer, doc: { ownerId: string | null }, installHasTeachers = true): boolean {
  return canEditDocument(v, doc, installHasTeachers);
}
