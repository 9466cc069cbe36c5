import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import type { Role } from "@/lib/domain/enums";
import { db } from "@/lib/server/db";

/**
 * Creates an email/password account directly, for seed scripts and tests.
 * The rows match what better-auth writes on sign-up (a "credential" account
 * holding the scrypt hash), so the account signs in through the normal flow.
 */
export async function createUserWithPassword(input: {
  email: string;
  name: string;
  password: string;
  role: Role;
  isDemo?: boolean;
}): Promise<{ id: string; learnerId: string }> {
  const id = randomUUID();
  const hash = await hashPassword(input.password);
  return db().$transaction(async (tx) => {
    await tx.user.create({
      data: { id, email: input.email.toLowerCase(), name: input.name, role: input.role, isDemo: input.isDemo ?? false },
    });
    await tx.account.create({ data: { id: randomUUID(), accountId: id, providerId: "credential", userId: id, password: hash } });
    const learner = await tx.learner.create({ data: { userId: id, isDemo: input.isDemo ?? false }, select: { id: true } });
    return { id, learnerId: learner.id };
  });
}

export async function findUserByEmail(email: string) {
  return db().user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true, role: true, name: true } });
}

/** The earliest account that is not demo data (ties broken by id), or null on an install without accounts. */
export async function getFirstRealUser(): Promise<{ id: string } | null> {
  return db().user.findFirst({
    where: { isDemo: false },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
}

export async function countRealUsers(): Promise<number> {
  return db().user.count({ where: { isDemo: false } });
}
