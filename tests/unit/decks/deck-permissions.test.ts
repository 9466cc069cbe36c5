import { describe, expect, it } from "vitest";
import {
  canAddDocumentToDeck,
  canCreateDeck,
  canManageDeck,
  canReadDeck,
  canReadDocument,
  canReadDrafts,
  type Viewer,
} from "@/lib/permissions";

const owner: Viewer = { user: { id: "t1", role: "teacher" }, learnerId: "lt1" };
const otherTeacher: Viewer = { user: { id: "t2", role: "teacher" }, learnerId: "lt2" };
const learner: Viewer = { user: { id: "u1", role: "learner" }, learnerId: "l1" };
// A learner account whose user id equals the teacher's is still not the owner.
const impostor: Viewer = { user: { id: "t1", role: "learner" }, learnerId: "x" };
const visitor: Viewer = { user: null, learnerId: null };

const privateDeck = { ownerId: "t1", visibility: "private", shareToken: null };
const publicDeck = { ownerId: "t1", visibility: "public", shareToken: null };
const linkDeck = { ownerId: "t1", visibility: "link", shareToken: "s3cret-token-123456" };
const sample = { ownerId: null, visibility: "public", shareToken: null };
const none = { assignedToViewer: false };

describe("deck permissions", () => {
  it("a private deck is read by its owner and by classes it is assigned to, nobody else", () => {
    expect(canReadDeck(owner, privateDeck, none)).toBe(true);
    expect(canReadDeck(otherTeacher, privateDeck, none)).toBe(false);
    expect(canReadDeck(learner, privateDeck, none)).toBe(false);
    expect(canReadDeck(impostor, privateDeck, none)).toBe(false);
    expect(canReadDeck(visitor, privateDeck, none)).toBe(false);
    expect(canReadDeck(learner, privateDeck, { assignedToViewer: true })).toBe(true);
  });

  it("a public deck is read by everyone, signed in or not", () => {
    for (const v of [owner, otherTeacher, learner, visitor]) {
      expect(canReadDeck(v, publicDeck, none)).toBe(true);
      expect(canReadDeck(v, sample, none)).toBe(true);
    }
  });

  it("a link-shared deck needs its exact token", () => {
    expect(canReadDeck(visitor, linkDeck, none)).toBe(false);
    expect(canReadDeck(visitor, linkDeck, { assignedToViewer: false, shareToken: "s3cret-token-123456" })).toBe(true);
    expect(canReadDeck(visitor, linkDeck, { assignedToViewer: false, shareToken: "s3cret-token-123457" })).toBe(false);
    expect(canReadDeck(visitor, linkDeck, { assignedToViewer: false, shareToken: "" })).toBe(false);
    // A token stops working once the deck is private again.
    const closed = { ...linkDeck, visibility: "private" };
    expect(canReadDeck(visitor, closed, { assignedToViewer: false, shareToken: linkDeck.shareToken })).toBe(false);
  });

  it("ownerless private decks are readable only on a single-user install", () => {
    const ownerless = { ownerId: null, visibility: "private", shareToken: null };
    expect(canReadDeck(visitor, ownerless, { assignedToViewer: false, installHasTeachers: false })).toBe(true);
    expect(canReadDeck(visitor, ownerless, { assignedToViewer: false, installHasTeachers: true })).toBe(false);
    expect(canReadDeck(visitor, ownerless, none)).toBe(false);
  });

  it("only the owning teacher manages a deck; the sample deck is managed by nobody once teachers exist", () => {
    expect(canManageDeck(owner, privateDeck)).toBe(true);
    expect(canManageDeck(otherTeacher, privateDeck)).toBe(false);
    expect(canManageDeck(impostor, privateDeck)).toBe(false);
    expect(canManageDeck(learner, publicDeck)).toBe(false);
    expect(canManageDeck(owner, sample)).toBe(false);
    expect(canManageDeck(visitor, sample, false)).toBe(true);
  });

  it("teachers make decks, others only on a single-user install", () => {
    expect(canCreateDeck(owner)).toBe(true);
    expect(canCreateDeck(learner)).toBe(false);
    expect(canCreateDeck(visitor)).toBe(false);
    expect(canCreateDeck(visitor, false)).toBe(true);
  });

  it("a deck holds only its owner's documents", () => {
    expect(canAddDocumentToDeck(owner, { ownerId: "t1" })).toBe(true);
    expect(canAddDocumentToDeck(otherTeacher, { ownerId: "t1" })).toBe(false);
    expect(canAddDocumentToDeck(owner, { ownerId: null })).toBe(false);
    expect(canAddDocumentToDeck(visitor, { ownerId: null }, false)).toBe(true);
  });
});

describe("document permissions", () => {
  const doc = { ownerId: "t1" };

  it("a document is read by its owner or through a deck the viewer can read", () => {
    expect(canReadDocument(owner, doc, { inReadableDeck: false })).toBe(true);
    expect(canReadDocument(otherTeacher, doc, { inReadableDeck: false })).toBe(false);
    expect(canReadDocument(visitor, doc, { inReadableDeck: false })).toBe(false);
    expect(canReadDocument(learner, doc, { inReadableDeck: true })).toBe(true);
    expect(canReadDocument(visitor, { ownerId: null }, { inReadableDeck: false })).toBe(false);
    expect(canReadDocument(visitor, { ownerId: null }, { inReadableDeck: false, installHasTeachers: false })).toBe(
      true,
    );
  });

  it("drafts are seen only by those who review the document", () => {
    expect(canReadDrafts(owner, doc)).toBe(true);
    expect(canReadDrafts(otherTeacher, doc)).toBe(false);
    expect(canReadDrafts(learner, doc)).toBe(false);
    expect(canReadDrafts(visitor, doc)).toBe(false);
  });
});
