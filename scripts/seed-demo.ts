// `npm run seed:demo`: a demo teacher and a class of 30 learners whose last 30
// days of study are simulated with the app's own scheduler. Rerunning replaces
// the previous demo data (rows marked isDemo) and never touches anything else.
// Run after `npm run import-content`, so there are questions to study.
import { Prisma } from "../lib/generated/prisma/client";
import { demoProfiles, simulateLearner, type SimQuestion } from "../lib/dashboard/demo-simulation";
import { addClassMember, assignDeck } from "../lib/data/classes";
import { createUserWithPassword } from "../lib/data/users";
import { parseEnum, QUESTION_TYPES } from "../lib/domain/enums";
import { seededRandom, shuffled } from "../lib/random";
import { cardColumns } from "../lib/scheduling";
import { db, disconnectDb } from "../lib/server/db";
import { DAY_MS } from "../lib/time";

const DEMO_TEACHER = { email: "demo.teacher@quarry.local", password: "quarry-demo-2025", name: "Demo Teacher" };
const DEMO_CLASS_NAME = "Demo class (sample data)";
const LEARNERS = 30;
const DAYS = 30;
const SEED = 2025;

class SeedError extends Error {
  readonly code: "no_questions" | "email_taken";
  constructor(code: SeedError["code"], message: string) {
    super(message);
    this.code = code;
  }
}

async function removeDemoData(): Promise<void> {
  // Users cascade to their learner, cards, logs, sessions and classes; guest-style demo learners go last.
  await db().classroom.deleteMany({ where: { isDemo: true } });
  await db().user.deleteMany({ where: { isDemo: true } });
  await db().learner.deleteMany({ where: { isDemo: true } });
}

async function loadDecks() {
  // The public sample corpus: each document's deck has the document's id.
  const docs = await db().document.findMany({
    where: { ownerId: null, contentPath: { not: null } },
    orderBy: { title: "asc" },
    select: {
      id: true,
      title: true,
      questions: {
        where: { status: "published" },
        orderBy: [{ sentenceIndex: "asc" }, { id: "asc" }],
        select: { id: true, type: true, prompt: true, answer: true, choices: true, statementIsTrue: true },
      },
    },
  });
  return docs.filter((d) => d.questions.length > 0);
}

function uuidFrom(random: () => number): string {
  const hex = Array.from({ length: 4 }, () =>
    Math.floor(random() * 2 ** 32)
      .toString(16)
      .padStart(8, "0"),
  ).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

async function main() {
  const now = new Date();
  const random = seededRandom(SEED);
  const decks = await loadDecks();
  if (decks.length === 0) {
    throw new SeedError("no_questions", "There are no published questions yet: run `npm run import-content` first.");
  }
  await removeDemoData();
  const taken = await db().user.findUnique({ where: { email: DEMO_TEACHER.email }, select: { id: true } });
  if (taken)
    throw new SeedError("email_taken", `${DEMO_TEACHER.email} belongs to a real account; demo data was not created.`);

  const teacher = await createUserWithPassword({ ...DEMO_TEACHER, role: "teacher", isDemo: true });
  const joinCode = `DEMO${uuidFrom(random)
    .replace(/[^0-9a-f]/g, "")
    .slice(0, 4)
    .toUpperCase()}`;
  const classroom = await db().classroom.create({
    data: { teacherId: teacher.id, name: DEMO_CLASS_NAME, joinCode, isDemo: true },
    select: { id: true },
  });
  for (const [i, deck] of decks.entries()) {
    await assignDeck(classroom.id, deck.id, new Date(now.getTime() + (7 + 7 * i) * DAY_MS));
  }

  const questions: SimQuestion[] = decks.flatMap((d) =>
    d.questions.map((q) => ({
      id: q.id,
      type: parseEnum(QUESTION_TYPES, q.type, "question type"),
      prompt: q.prompt,
      answer: q.answer,
      choices: (q.choices as string[] | null) ?? null,
      statementIsTrue: q.statementIsTrue,
    })),
  );
  const profiles = demoProfiles(LEARNERS, random);
  const start = new Date(now.getTime() - DAYS * DAY_MS);
  let reviewCount = 0;

  for (const [i, profile] of profiles.entries()) {
    const n = String(i + 1).padStart(2, "0");
    const learner = await createUserWithPassword({
      email: `demo.learner${n}@quarry.local`,
      name: `Demo Learner ${n}`,
      // Demo learners are not meant to sign in; a random password keeps them locked.
      password: uuidFrom(random),
      role: "learner",
      isDemo: true,
    });
    await addClassMember(classroom.id, learner.learnerId);
    // Each learner meets the questions in their own order.
    const order = shuffled(questions, random);
    const { cards, reviews } = simulateLearner(order, profile, { start, now, random });
    const cardIds = new Map([...cards.keys()].map((questionId) => [questionId, uuidFrom(random)]));
    await db().card.createMany({
      data: [...cards].map(([questionId, card]) => ({
        id: cardIds.get(questionId)!,
        learnerId: learner.learnerId,
        questionId,
        ...cardColumns(card),
      })),
    });
    await db().reviewLog.createMany({
      data: reviews.map((r) => ({
        id: uuidFrom(random),
        learnerId: learner.learnerId,
        cardId: cardIds.get(r.questionId)!,
        questionId: r.questionId,
        rating: r.rating,
        stateBefore: r.stateBefore,
        elapsedDays: r.elapsedDays,
        scheduledDays: r.scheduledDays,
        reviewedAt: r.reviewedAt,
        durationMs: r.durationMs,
        response: r.response,
        correct: r.correct,
        source: "study",
        previousCard: r.previousCard ? cardColumns(r.previousCard) : Prisma.JsonNull,
        createdAt: r.reviewedAt,
      })),
    });
    const last = reviews.at(-1)?.reviewedAt;
    if (last) await db().learner.update({ where: { id: learner.learnerId }, data: { lastSeenAt: last } });
    reviewCount += reviews.length;
  }

  console.log(
    `Demo class "${DEMO_CLASS_NAME}": ${LEARNERS} learners, ${decks.length} decks (${questions.length} questions), ` +
      `${reviewCount} simulated answers over the last ${DAYS} days.`,
  );
  console.log(`Dashboard: /classes/${classroom.id}`);
  console.log(`Sign in as ${DEMO_TEACHER.email} with the password ${DEMO_TEACHER.password}`);
}

main()
  .catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  })
  .finally(() => disconnectDb());
