/**
 * Writing thousands of rows in one statement keeps the request thread busy
 * for seconds (Prisma compiles and runs each query on it: about 1 ms a row
 * on two busy cores). Large writes go in small batches instead, each its own
 * short statement, with a turn of the event loop between them so other
 * requests are answered meanwhile. Never yield inside a transaction: on the
 * one SQLite connection, other requests' writes would run inside it.
 */
export const WRITE_BATCH_ROWS = 50;

export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Calls `write` on consecutive batches of `rows`, yielding to the event loop between them. */
export async function writeInBatches<T>(rows: readonly T[], write: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += WRITE_BATCH_ROWS) {
    if (i > 0) await yieldToEventLoop();
    await write(rows.slice(i, i + WRITE_BATCH_ROWS));
  }
}
