import "server-only";

import { pingDatabase as ping } from "@/lib/data/documents";

/** Throws when the database cannot be reached; the health route answers 503 then. */
export async function pingDatabase(): Promise<void> {
  await ping();
}
