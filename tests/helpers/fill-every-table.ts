import type { Db } from "@/lib/server/db";

/**
 * Puts at least one row in every table, with the values a copy or a second
 * database is most likely to get wrong: dates with milliseconds, true and false
 * and null booleans, JSON objects and arrays (and a JSON null), unicode text,
 * bytes, floats. Used by the db:copy test; every model must appear here (the
 * test checks that none is left empty).
 */
export const FILL_DATE = new Date("2026-03-01T10:15:30.123Z");

export async function fillEveryTable(client: Db): Promise<void> {
  const t = FILL_DATE;
  const later = new Date(t.getTime() + 86_400_123);
  await client.user.create({
    data: {
      id: "user-teacher",
      name: "Zoë Ångström 先生",
      email: "zoe@example.org",
      emailVerified: true,
      role: "teacher",
      createdAt: t,
      updatedAt: t,
    },
  });
  await client.user.create({
    data: { id: "user-learner", name: "Ngọc Ánh", email: "anh@example.org", createdAt: t, updatedAt: later },
  });
  await client.session.create({
    data: {
      id: "session-1",
      token: "tok-1",
      expiresAt: later,
      userId: "user-teacher",
      userAgent: "Firefox/140 — ✓",
      createdAt: t,
      updatedAt: t,
    },
  });
  await client.account.create({
    data: {
      id: "account-1",
      accountId: "user-teacher",
      providerId: "credential",
      userId: "user-teacher",
      password: "scrypt$abc",
      createdAt: t,
      updatedAt: t,
    },
  });
  await client.verification.create({
    data: {
      id: "verification-1",
      identifier: "zoe@example.org",
      value: "v",
      expiresAt: later,
      createdAt: t,
      updatedAt: t,
    },
  });
  await client.learner.create({
    data: {
      id: "learner-account",
      userId: "user-learner",
      desiredRetention: 0.87,
      timeZone: "Asia/Ho_Chi_Minh",
      fsrsParams: [0.4, 1.2, 3.1, 15.5],
      fsrsUseFitted: true,
      fsrsFit: { reviews: 412, logLoss: { fitted: 0.31, default: 0.35 }, note: "ok ✓" },
      fsrsFittedAt: later,
      createdAt: t,
      lastSeenAt: later,
    },
  });
  await client.learner.create({
    data: {
      id: "learner-guest",
      guestTokenHash: "guest-hash",
      displayName: "Łukasz 🦊",
      isDemo: true,
      createdAt: t,
      lastSeenAt: t,
    },
  });
  await client.document.create({
    data: {
      id: "doc-1",
      title: "Café “quotes” — naïve résumé",
      fileName: "cafe.md",
      contentPath: "cafe.md",
      source: "Le Monde",
      text: "Le café coûte 2,50 €. 東京は日本の首都です。",
      sha256: "h1",
      importedAt: t,
      updatedAt: t,
    },
  });
  await client.document.create({
    data: {
      id: "doc-2",
      title: "Upload",
      fileName: "u.pdf",
      ownerId: "user-teacher",
      origin: "upload",
      text: "Text.",
      sha256: "h2",
      generationStatus: "failed",
      generationError: "out of memory",
      importedAt: t,
      updatedAt: t,
    },
  });
  await client.sentence.create({
    data: {
      id: "sentence-1",
      documentId: "doc-1",
      index: 0,
      paragraph: 0,
      start: 0,
      end: 22,
      text: "Le café coûte 2,50 €.",
      hash: "s1",
    },
  });
  await client.sentence.create({
    data: {
      id: "sentence-2",
      documentId: "doc-1",
      index: 1,
      paragraph: 1,
      start: 23,
      end: 35,
      text: "東京は日本の首都です。",
      hash: "s2",
      repeatOf: 0,
    },
  });
  await client.question.create({
    data: {
      id: "q-mc",
      documentId: "doc-1",
      type: "multiple_choice",
      prompt: "Combien coûte le café ?",
      answer: "2,50 €",
      choices: ["2,50 €", "3 €", "1,20 €", "5 €"],
      factType: "money",
      sentenceIndex: 0,
      sentenceStart: 0,
      sentenceEnd: 22,
      sentence: "Le café coûte 2,50 €.",
      score: 0.8125,
      tolerance: 0.01,
      tags: '["français","prix"]',
      noteId: "note-1",
      createdAt: t,
      updatedAt: t,
    },
  });
  await client.question.create({
    data: {
      id: "q-tf",
      documentId: "doc-1",
      type: "true_false",
      prompt: "東京は日本の首都です。",
      answer: "true",
      statementIsTrue: false,
      factType: "place",
      sentenceIndex: 1,
      sentenceStart: 23,
      sentenceEnd: 35,
      sentence: "東京は日本の首都です。",
      score: 0.5,
      status: "draft",
      origin: "authored",
      editedAt: later,
      explanation: "Tokyo ✓",
      createdAt: t,
      updatedAt: t,
    },
  });
  await client.media.create({
    data: {
      id: "media-1",
      documentId: "doc-1",
      name: "paris.png",
      mime: "image/png",
      size: 4,
      sha256: "m1",
      data: new Uint8Array([0, 255, 137, 80]),
      createdAt: t,
    },
  });
  await client.deck.create({
    data: {
      id: "deck-1",
      ownerId: "user-teacher",
      title: "Français 🇫🇷",
      description: "Ça va ?",
      visibility: "link",
      shareToken: "share-1",
      createdAt: t,
      updatedAt: t,
    },
  });
  await client.deckDocument.create({ data: { deckId: "deck-1", documentId: "doc-1", position: 0 } });
  await client.deckDocument.create({ data: { deckId: "deck-1", documentId: "doc-2", position: 1 } });
  await client.conflict.create({
    data: {
      id: "conflict-1",
      factType: "year",
      values: ["1911", "1912"],
      sources: [{ documentId: "doc-1", sentence: "…", sentenceIndex: 0 }],
      createdAt: t,
    },
  });
  await client.card.create({
    data: {
      id: "card-1",
      learnerId: "learner-account",
      questionId: "q-mc",
      due: later,
      stability: 12.345678,
      difficulty: 5.5,
      elapsedDays: 3,
      scheduledDays: 12,
      learningSteps: 0,
      reps: 4,
      lapses: 1,
      state: "review",
      lastReview: t,
      createdAt: t,
      updatedAt: t,
    },
  });
  await client.reviewLog.create({
    data: {
      id: "review-1",
      learnerId: "learner-account",
      cardId: "card-1",
      questionId: "q-mc",
      rating: "good",
      stateBefore: "new",
      elapsedDays: 0,
      scheduledDays: 1,
      reviewedAt: t,
      durationMs: 4321,
      response: "2,50 €",
      correct: true,
      previousCard: { due: t.toISOString(), state: "new", reps: 0 },
      createdAt: t,
    },
  });
  await client.reviewLog.create({
    data: {
      id: "review-2",
      learnerId: "learner-account",
      cardId: "card-1",
      questionId: "q-mc",
      rating: "again",
      stateBefore: "review",
      elapsedDays: 3,
      scheduledDays: 12,
      reviewedAt: later,
      durationMs: 9000,
      correct: false,
      overridden: true,
      source: "live",
      previousCard: {},
      undoneAt: later,
      createdAt: later,
    },
  });
  // A wrong choice still counted (not undone), so every running total has a row.
  await client.reviewLog.create({
    data: {
      id: "review-3",
      learnerId: "learner-account",
      cardId: "card-1",
      questionId: "q-mc",
      rating: "again",
      stateBefore: "review",
      elapsedDays: 1,
      scheduledDays: 1,
      reviewedAt: later,
      durationMs: 2500,
      response: "1,50 €",
      correct: false,
      previousCard: {},
      createdAt: later,
    },
  });
  await client.liveGame.create({
    data: {
      id: "game-1",
      code: "123456",
      hostTokenHash: "host-hash",
      hostId: "user-teacher",
      deckId: "deck-1",
      deckTitle: "Français 🇫🇷",
      config: { questionCount: 2, secondsPerQuestion: 20, shuffle: false, lateJoin: true },
      questions: [{ prompt: "Combien ?", choices: ["a", "b"], correct: 0, questionId: "q-mc" }],
      status: "finished",
      createdAt: t,
      startedAt: t,
      finishedAt: later,
    },
  });
  await client.livePlayer.create({
    data: {
      id: "player-1",
      gameId: "game-1",
      nickname: "Ünal",
      resumeTokenHash: "resume-1",
      learnerId: "learner-guest",
      score: 950,
      joinedAt: t,
    },
  });
  await client.liveAnswer.create({
    data: {
      id: "player-1:0",
      gameId: "game-1",
      playerId: "player-1",
      questionId: "q-mc",
      questionIndex: 0,
      choiceIndex: 0,
      correct: true,
      points: 950,
      responseMs: 1234,
      answeredAt: t,
    },
  });
  await client.classroom.create({
    data: { id: "class-1", name: "5e B — Mme Dupré", teacherId: "user-teacher", joinCode: "ABCDEF", createdAt: t },
  });
  await client.classMember.create({
    data: { id: "member-1", classId: "class-1", learnerId: "learner-account", joinedAt: t },
  });
  await client.classMember.create({
    data: { id: "member-2", classId: "class-1", learnerId: "learner-guest", joinedAt: later },
  });
  await client.assignment.create({
    data: { id: "assignment-1", classId: "class-1", deckId: "deck-1", dueAt: later, createdAt: t },
  });
}
