import { randomBytes } from "node:crypto";
import { AppError, STATUS } from "@/lib/errors";
import { ALL_DECK_ID, SAMPLE_DECK_ID } from "@/lib/api/study-contract";
import { countTeachers, listLearnerAssignments } from "@/lib/data/classes";
import {
  addDocumentToDeck,
  countQuestionsByDocumentAndStatus,
  createAuthoredDeck,
  createDeck,
  ensureDeck,
  getDeck,
  getDeckByShareToken,
  getDocumentsOwners,
  isDeckAssignedTo,
  listAssignedDeckIds,
  listDecksOfDocuments,
  listDecksWhere,
  listOwnedDocuments,
  updateDeckFields,
  type DeckRecord,
} from "@/lib/data/decks";
import { getDocumentWithSentences } from "@/lib/data/documents";
import { countQuestionsBySentence, listConflicts, listDocumentQuestions } from "@/lib/data/questions";
import {
  canAddDocumentToDeck,
  canCreateDeck,
  canEditDocument,
  canManageDeck,
  canReadDeck,
  canReadDocument,
  DECK_VISIBILITIES,
  isTeacher,
  type DeckVisibility,
  type Viewer,
} from "@/lib/permissions";

export type { DeckRecord };

/** What studying, exporting and playing need of a deck: its published questions are those of its documents. */
export type Deck = { id: string; title: string; documentIds: string[] };

export type ShareTokens = ReadonlyMap<string, string>;
const NO_TOKENS: ShareTokens = new Map();

type DeckErrorCode = "not_found" | "forbidden" | "invalid";
const DECK_STATUS: Record<DeckErrorCode, number> = {
  not_found: STATUS.notFound,
  forbidden: STATUS.forbidden,
  invalid: STATUS.invalid,
};

export class DeckError extends AppError {
  constructor(
    override readonly code: DeckErrorCode,
    message: string,
    details: AppError["details"] = {},
  ) {
    super(code, message, DECK_STATUS[code], details);
    this.name = "DeckError";
  }
}

const installHasTeachers = async () => (await countTeachers()) > 0;
const teacherId = (v: Viewer) => (isTeacher(v) ? v.user!.id : null);

/** Loads a stored deck and says whether the viewer may read it. */
export async function readableDeckRecord(
  viewer: Viewer,
  deckId: string,
  tokens: ShareTokens = NO_TOKENS,
): Promise<DeckRecord | null> {
  const deck = await getDeck(deckId);
  if (!deck) return null;
  const ctx = { shareToken: tokens.get(deck.id) ?? null, installHasTeachers: await installHasTeachers() };
  if (canReadDeck(viewer, deck, { ...ctx, assignedToViewer: false })) return deck;
  const assigned = await isDeckAssignedTo(deck.id, viewer.learnerId, teacherId(viewer));
  return canReadDeck(viewer, deck, { ...ctx, assignedToViewer: assigned }) ? deck : null;
}

/**
 * The deck the viewer asked for, or null when it does not exist or is not
 * theirs to see (callers answer 404 either way). "all" is "Study everything":
 * the published questions of every deck the viewer can see, each once.
 */
export async function loadReadableDeck(
  viewer: Viewer,
  deckId: string,
  tokens: ShareTokens = NO_TOKENS,
): Promise<Deck | null> {
  if (deckId === ALL_DECK_ID) {
    const decks = await listVisibleDecks(viewer, tokens);
    return { id: ALL_DECK_ID, title: "Study everything", documentIds: unique(decks.flatMap((d) => d.documentIds)) };
  }
  const deck = await readableDeckRecord(viewer, deckId, tokens);
  return deck && { id: deck.id, title: deck.title, documentIds: deck.documentIds };
}

/** A stored deck the viewer may play live ("Study everything" is per learner, not a deck to host). */
export async function loadPlayableDeck(viewer: Viewer, deckId: string, tokens: ShareTokens = NO_TOKENS) {
  return deckId === ALL_DECK_ID ? null : loadReadableDeck(viewer, deckId, tokens);
}

/** A deck the viewer owns, for its settings; anything else is "not found". */
export async function loadManagedDeck(viewer: Viewer, deckId: string): Promise<DeckRecord> {
  const deck = await getDeck(deckId);
  if (!deck || !canManageDeck(viewer, deck, await installHasTeachers())) {
    throw new DeckError("not_found", "That deck does not exist.", { notFoundPage: true });
  }
  return deck;
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

async function listVisibleDecks(viewer: Viewer, tokens: ShareTokens): Promise<DeckRecord[]> {
  const [assigned, teachers] = await Promise.all([
    listAssignedDeckIds(viewer.learnerId, teacherId(viewer)),
    installHasTeachers(),
  ]);
  const candidates = await listDecksWhere({
    ownerId: teacherId(viewer),
    ids: assigned,
    shareTokens: [...tokens.values()],
    includeOwnerless: !teachers,
  });
  const assignedSet = new Set(assigned);
  return candidates.filter((d) =>
    canReadDeck(viewer, d, {
      assignedToViewer: assignedSet.has(d.id),
      shareToken: tokens.get(d.id) ?? null,
      installHasTeachers: teachers,
    }),
  );
}

export type LibrarySection = "mine" | "class" | "shared" | "public";

export type LibraryDeck = {
  id: string;
  title: string;
  description: string;
  kind: string;
  visibility: string;
  section: LibrarySection;
  /** Published questions: what learners study. */
  published: number;
  /** Drafts awaiting review; only counted for the deck's owner. */
  drafts: number;
  documentIds: string[];
  assigned: { className: string; dueAt: Date | null } | null;
};

const SECTION_ORDER: LibrarySection[] = ["mine", "class", "shared", "public"];

/**
 * The library, in sections: a teacher's own decks, then their classes' decks
 * (soonest assignment due date first), then decks shared by link, then public
 * ones; a learner sees their classes' decks first. Within a section the sample
 * deck comes first, then titles alphabetically. `everything` counts "Study everything".
 */
export async function buildLibrary(
  viewer: Viewer,
  tokens: ShareTokens = NO_TOKENS,
): Promise<{ decks: LibraryDeck[]; everything: number; documentIds: string[] }> {
  const [decks, assignments, teacherAssigned] = await Promise.all([
    listVisibleDecks(viewer, tokens),
    viewer.learnerId ? listLearnerAssignments(viewer.learnerId) : Promise.resolve([]),
    listAssignedDeckIds(null, teacherId(viewer)),
  ]);
  const assignedBy = new Map<string, LibraryDeck["assigned"]>();
  for (const a of assignments) {
    if (!assignedBy.has(a.deckId)) assignedBy.set(a.deckId, { className: a.classroom.name, dueAt: a.dueAt });
  }
  const taught = new Set(teacherAssigned);
  const counts = await countQuestionsByDocumentAndStatus(unique(decks.flatMap((d) => d.documentIds)));
  const published = new Map<string, number>();
  const drafts = new Map<string, number>();
  for (const c of counts) (c.status === "published" ? published : drafts).set(c.documentId, c.count);
  const me = teacherId(viewer);
  const sum = (ids: string[], m: Map<string, number>) => ids.reduce((n, id) => n + (m.get(id) ?? 0), 0);
  const entries = decks.map((d): LibraryDeck => {
    const mine = me !== null && d.ownerId === me;
    const assigned = assignedBy.get(d.id) ?? null;
    const section: LibrarySection = mine
      ? "mine"
      : assigned || taught.has(d.id)
        ? "class"
        : d.visibility === "public"
          ? "public"
          : "shared";
    return {
      id: d.id,
      title: d.title,
      description: d.description,
      kind: d.kind,
      visibility: d.visibility,
      section,
      published: sum(d.documentIds, published),
      drafts: mine ? sum(d.documentIds, drafts) : 0,
      documentIds: d.documentIds,
      assigned,
    };
  });
  const dueKey = (d: LibraryDeck) => d.assigned?.dueAt?.getTime() ?? Number.MAX_SAFE_INTEGER;
  entries.sort(
    (a, b) =>
      SECTION_ORDER.indexOf(a.section) - SECTION_ORDER.indexOf(b.section) ||
      (a.section === "class" ? dueKey(a) - dueKey(b) : 0) ||
      (a.kind === "sample" ? -1 : 0) - (b.kind === "sample" ? -1 : 0) ||
      a.title.localeCompare(b.title),
  );
  const documentIds = unique(decks.flatMap((d) => d.documentIds));
  const everything = documentIds.reduce((n, id) => n + (published.get(id) ?? 0), 0);
  return { decks: entries, everything, documentIds };
}

/** "draft, 59 questions awaiting review", "empty", or "120 questions". */
export function deckLabel(d: Pick<LibraryDeck, "published" | "drafts">): string {
  const plural = (n: number) => `${n} ${n === 1 ? "question" : "questions"}`;
  if (d.published === 0 && d.drafts > 0) return `draft, ${plural(d.drafts)} awaiting review`;
  if (d.published === 0) return "empty: no published questions yet";
  return d.drafts > 0 ? `${plural(d.published)}, ${d.drafts} awaiting review` : plural(d.published);
}

/** Documents the viewer may read: their own, or any in a deck they can read. */
export async function mayReadDocument(viewer: Viewer, doc: { id: string; ownerId: string | null }, tokens = NO_TOKENS) {
  const teachers = await installHasTeachers();
  if (canReadDocument(viewer, doc, { inReadableDeck: false, installHasTeachers: teachers })) return true;
  for (const deck of await listDecksOfDocuments([doc.id])) {
    if (await readableDeckRecord(viewer, deck.id, tokens)) return true;
  }
  return false;
}

/** Loads a document for reading, or null when it does not exist or is not the viewer's to read. */
export async function loadReadableDocument(viewer: Viewer, documentId: string, tokens = NO_TOKENS) {
  const doc = await getDocumentWithSentences(documentId);
  return doc && (await mayReadDocument(viewer, doc, tokens)) ? doc : null;
}

/**
 * Conflicts that name only documents the viewer may read: a claim in a private
 * document of someone else's is never shown, not even as the other side of a conflict.
 */
export async function readableConflicts(viewer: Viewer, documentId: string, tokens = NO_TOKENS) {
  const mine = (await listConflicts()).filter((c) => c.sources.some((s) => s.documentId === documentId));
  const ids = unique(mine.flatMap((c) => c.sources.map((s) => s.documentId)));
  const owners = new Map((await getDocumentsOwners(ids)).map((d) => [d.id, d]));
  const readable = new Set<string>();
  for (const id of ids) {
    const doc = owners.get(id);
    if (doc && (id === documentId || (await mayReadDocument(viewer, doc, tokens)))) readable.add(id);
  }
  return mine.filter((c) => c.sources.every((s) => readable.has(s.documentId)));
}

/**
 * The other documents of the same owner's decks as `documentId`: the pool a
 * generator may draw distractors and conflicts from. Never another owner's
 * documents, so nothing private leaks into someone else's questions.
 */
export async function relatedDocumentIds(documentId: string): Promise<string[]> {
  const [doc] = await getDocumentsOwners([documentId]);
  if (!doc) return [];
  const decks = (await listDecksOfDocuments([documentId])).filter((d) => d.ownerId === doc.ownerId);
  const others = unique(decks.flatMap((d) => d.documentIds)).filter((id) => id !== documentId);
  const owners = await getDocumentsOwners(others);
  return owners.filter((o) => o.ownerId === doc.ownerId).map((o) => o.id);
}

export type DeckSettings = { title: string; description: string; visibility: DeckVisibility };

function checkSettings(s: DeckSettings): DeckSettings {
  const title = s.title.trim();
  if (!title || title.length > 200) throw new DeckError("invalid", "Give the deck a title of 1–200 characters.");
  if (s.description.length > 2000) throw new DeckError("invalid", "Keep the description under 2000 characters.");
  if (!DECK_VISIBILITIES.includes(s.visibility)) throw new DeckError("invalid", "Choose private, public or link.");
  return { title, description: s.description.trim(), visibility: s.visibility };
}

const newShareToken = () => randomBytes(18).toString("base64url");

/** A deck of one or more of the teacher's own documents. */
export async function createDeckFromDocuments(
  viewer: Viewer,
  settings: DeckSettings,
  documentIds: string[],
): Promise<string> {
  const teachers = await installHasTeachers();
  if (!canCreateDeck(viewer, teachers)) throw new DeckError("forbidden", "Sign in as a teacher to make decks.");
  const clean = checkSettings(settings);
  const ids = unique(documentIds);
  if (ids.length === 0) throw new DeckError("invalid", "Choose at least one document.");
  const docs = await getDocumentsOwners(ids);
  // Someone else's document answers as if it did not exist.
  if (docs.length !== ids.length || docs.some((d) => !canAddDocumentToDeck(viewer, d, teachers))) {
    throw new DeckError("not_found", "One of those documents does not exist.");
  }
  return createDeck({
    ownerId: teacherId(viewer),
    ...clean,
    shareToken: clean.visibility === "link" ? newShareToken() : null,
    kind: "documents",
    documentIds: ids,
  });
}

/** An empty deck whose questions the teacher writes by hand (on its document's review page). */
export async function createHandwrittenDeck(viewer: Viewer, settings: DeckSettings) {
  if (!canCreateDeck(viewer, await installHasTeachers())) {
    throw new DeckError("forbidden", "Sign in as a teacher to make decks.");
  }
  const clean = checkSettings(settings);
  return createAuthoredDeck({
    ownerId: teacherId(viewer),
    ...clean,
    shareToken: clean.visibility === "link" ? newShareToken() : null,
  });
}

/** Title, description and visibility; a share token appears with "link" and is dropped otherwise. */
export async function updateDeckSettings(viewer: Viewer, deckId: string, settings: DeckSettings): Promise<void> {
  const deck = await loadManagedDeck(viewer, deckId);
  const clean = checkSettings(settings);
  const shareToken = clean.visibility === "link" ? (deck.shareToken ?? newShareToken()) : null;
  await updateDeckFields(deckId, { ...clean, shareToken });
}

/** A new share link; the old one stops working. */
export async function renewShareToken(viewer: Viewer, deckId: string): Promise<string> {
  await loadManagedDeck(viewer, deckId);
  const token = newShareToken();
  await updateDeckFields(deckId, { visibility: "link", shareToken: token });
  return token;
}

/** Each uploaded document gets a private deck of its own, owned by the uploader. */
export async function createDocumentDeck(ownerId: string | null, documentId: string, title: string): Promise<string> {
  return createDeck({ ownerId, title, kind: "documents", visibility: "private", documentIds: [documentId] });
}

/**
 * The sample corpus in content/: each document a public deck of its own (with
 * the document's id, as before decks were stored) and all of them in the
 * public sample deck.
 */
export async function ensureContentDecks(documents: Array<{ id: string; title: string }>): Promise<void> {
  if (documents.length === 0) return;
  await ensureDeck({
    id: SAMPLE_DECK_ID,
    ownerId: null,
    title: "Sample deck",
    description: "Every document of the sample corpus in one deck.",
    visibility: "public",
    kind: "sample",
    documentIds: [],
  });
  for (const d of documents) {
    await ensureDeck({
      id: d.id,
      ownerId: null,
      title: d.title,
      visibility: "public",
      kind: "documents",
      documentIds: [d.id],
    });
    await addDocumentToDeck(SAMPLE_DECK_ID, d.id);
  }
}

/** The deck behind a share link, when the link is well-formed and the deck is still shared by link. */
export async function findSharedDeck(token: string): Promise<DeckRecord | null> {
  const deck = /^[A-Za-z0-9_-]{16,64}$/.test(token) ? await getDeckByShareToken(token) : null;
  return deck && deck.visibility === "link" ? deck : null;
}

/** The documents of a deck its owner manages, for its settings; nobody else gets any. */
export async function listManagedDeckDocuments(viewer: Viewer, record: DeckRecord | null) {
  const manages = record !== null && record.ownerId !== null && canManageDeck(viewer, record);
  return { manages, documents: manages ? await getDocumentsOwners(record.documentIds) : [] };
}

/** The viewer's own documents a new deck can be made from; null when they may not make decks. */
export async function listDocumentsForNewDeck(viewer: Viewer) {
  if (!canCreateDeck(viewer, await installHasTeachers())) return null;
  return listOwnedDocuments(viewer.user?.id ?? null);
}

/** A readable document's page: questions per sentence, and whether the viewer may edit it. */
export async function loadDocumentFacts(viewer: Viewer, doc: { id: string; ownerId: string | null }) {
  const [counts, teachers] = await Promise.all([countQuestionsBySentence(doc.id), installHasTeachers()]);
  return { counts, mayEdit: canEditDocument(viewer, doc, teachers) };
}

/** A readable document's published questions and the conflicts the viewer may see; null when unreadable. */
export async function loadDocumentQuestions(viewer: Viewer, documentId: string, tokens = NO_TOKENS) {
  const doc = await loadReadableDocument(viewer, documentId, tokens);
  if (!doc) return null;
  const [questions, conflicts] = await Promise.all([
    listDocumentQuestions(doc.id),
    readableConflicts(viewer, doc.id, tokens),
  ]);
  return { doc, questions, conflicts };
}
