import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The client a data function runs its queries on: a service that owns a
 * transaction passes its transaction client, so the data layer never opens one
 * on its behalf.
 */
export type Tx = Prisma.TransactionClient;
