import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { createUserWithPassword } from "@/lib/data/users";
import type { Viewer } from "@/lib/permissions";
import { isInstallAdministrator } from "@/lib/server/administrator";
import { reviewQuestions } from "@/lib/server/authoring";
import { db } from "@/lib/server/db";
import { importContent } from "@/lib/server/import-content";
import { setupTestDatabase } from "./helpers/test-db";

setupTestDatabase();

let first: { id: string; learnerId: string };
let second: { id: string; learnerId: string };
let sharedDocId: string;

async function viewerOf(user: { id: string; learnerId: string }): Promise<Viewer> {
  return {
    user: { id: user.id, role: "teacher" },
    learnerId: user.learnerId,
    isAdministrator: await isInstallAdministrator(user.id),
  };
}

beforeAll(async () => {
  await importContent(path.resolve("content"));
  sharedDocId = (await db().document.findFirstOrThrow({ where: { ownerId: null } })).id;
});

afterEach(() => {
  delete process.env.QUARRY_ADMIN_EMAIL;
});

describe("the shared sample content", () => {
  it("before any account exists, whoever runs the install administers it", async () => {
    expect(await isInstallAdministrator(null)).toBe(true);
  });

  it("is read-only to every teacher but the first account created", async () => {
    // A demo teacher made first (npm run seed:demo) never counts.
    await createUserWithPassword({
      email: "demo@q.local",
      name: "D",
      password: "long enough pw",
      role: "teacher",
      isDemo: true,
    });
    first = await createUserWithPassword({
      email: "first@s.org",
      name: "F",
      password: "long enough pw",
      role: "learner",
    });
    second = await createUserWithPassword({
      email: "second@s.org",
      name: "S",
      password: "long enough pw",
      role: "teacher",
    });
    await db().user.update({ where: { id: first.id }, data: { role: "teacher" } });
    expect(await isInstallAdministrator(null)).toBe(false);

    const q = await db().question.findFirstOrThrow({ where: { documentId: sharedDocId, status: "published" } });
    await expect(reviewQuestions(await viewerOf(second), sharedDocId, [q.id], "rejected")).rejects.toMatchObject({
      code: "not_found",
    });
    expect((await db().question.findUniqueOrThrow({ where: { id: q.id } })).status).toBe("published");

    await reviewQuestions(await viewerOf(first), sharedDocId, [q.id], "rejected");
    expect((await db().question.findUniqueOrThrow({ where: { id: q.id } })).status).toBe("rejected");
    await reviewQuestions(await viewerOf(first), sharedDocId, [q.id], "published");
  });

  it("belongs to the account QUARRY_ADMIN_EMAIL names, when set", async () => {
    process.env.QUARRY_ADMIN_EMAIL = "Second@S.org";
    expect(await isInstallAdministrator(second.id)).toBe(true);
    expect(await isInstallAdministrator(first.id)).toBe(false);
    expect(await isInstallAdministrator(null)).toBe(false);
    const q = await db().question.findFirstOrThrow({ where: { documentId: sharedDocId, status: "published" } });
    await expect(reviewQuestions(await viewerOf(first), sharedDocId, [q.id], "rejected")).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
