/**
 * Writing thousands of rows in one statement holds its thread for seconds
 * (Prisma compiles and runs each query on it: about 1 ms a row on two busy
 * cores) and the database's write lock as long. Large writes go in small
 * batches instead, each its own short statement, with a pause between them
 * so other writers (the request thread's) get the lock meanwhile. Never pause
 * inside a transaction: on one SQLite connection, other writes would run inside it.
 */
export const WRITE_BATCH_ROWS = 50;

/**
 * Calls `write` on consecutive batches of `rows`. Between batches the thread
 * rests as long as the last batch took: background writes use at most half of
 * it, so when cores are scarce the scheduler still runs it promptly for the
 * next request (a thread that sleeps is woken ahead of busy ones).
 */
export async function writeInBatches<T>(rows: readonly T[], write: (batch: T[]) => Promise<unknown>): Promise<void> {
  let took = 0;
  for (let i = 0; i < rows.length; i += WRITE_BATCH_ROWS) {
    if (i > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(took, 200)));
    const started = performance.now();
    await write(rows.slice(i, i + WRITE_BATCH_ROWS));
    took = performance.now() - started;
  }
}
