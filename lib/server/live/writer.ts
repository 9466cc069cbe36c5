import type { LiveAnswerRow, LivePlayerRow } from "@/lib/data/live";

export type WriterSink = {
  /** Writes players, then answers, in one transaction (answers reference players). */
  saveRows(players: LivePlayerRow[], answers: LiveAnswerRow[]): Promise<void>;
};

type Waiter = { resolve: () => void; reject: (error: unknown) => void };

/** How long joins and answers gather before a write; a write in flight also gathers the next batch. */
export const GROUP_COMMIT_MS = 5;

/**
 * Writes one game's rows in order, with group commit. `addPlayer` and
 * `addAnswer` resolve only once their row is committed, so an answer is
 * acknowledged only after it is stored (it survives a kill -9). Rows that
 * arrive within `batchMs`, or while the previous write is running, go into one
 * transaction: with 2,000 phones answering at once that is a handful of
 * commits a second rather than 2,000. Any other task (scores at a reveal, the
 * finish) first writes the rows already accepted, so it always sees them. A
 * failed write rejects the rows in it, is reported, and the queue carries on.
 */
export class GameWriter {
  private chain: Promise<void> = Promise.resolve();
  private players: LivePlayerRow[] = [];
  private answers: LiveAnswerRow[] = [];
  private waiters: Waiter[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly sink: WriterSink,
    private readonly onError: (error: unknown) => void,
    private readonly batchMs = GROUP_COMMIT_MS,
  ) {}

  /** Resolves once the player's row is committed. */
  addPlayer(row: LivePlayerRow): Promise<void> {
    this.players.push(row);
    return this.waitForFlush();
  }

  /** Resolves once the answer's row is committed; rejects if that write failed. */
  addAnswer(row: LiveAnswerRow): Promise<void> {
    this.answers.push(row);
    return this.waitForFlush();
  }

  /** Runs after everything queued or accepted so far has been written. */
  enqueue(task: () => Promise<void>): Promise<void> {
    this.chain = this.chain
      .then(() => this.flushPending())
      .then(task)
      .catch(this.onError);
    return this.chain;
  }

  /** Writes what is pending now and resolves once every queued write has settled. */
  idle(): Promise<void> {
    return this.enqueue(async () => undefined);
  }

  private waitForFlush(): Promise<void> {
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    this.timer ??= setTimeout(() => {
      this.timer = null;
      void this.enqueue(async () => undefined);
    }, this.batchMs);
    return done;
  }

  private async flushPending(): Promise<void> {
    const players = this.players.splice(0);
    const answers = this.answers.splice(0);
    const waiters = this.waiters.splice(0);
    if (players.length === 0 && answers.length === 0) return;
    try {
      await this.sink.saveRows(players, answers);
    } catch (error) {
      for (const w of waiters) w.reject(error);
      throw error;
    }
    for (const w of waiters) w.resolve();
  }
}
