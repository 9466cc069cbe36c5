import type { LiveAnswerRow, LivePlayerRow } from "@/lib/data/live";

export type WriterSink = {
  savePlayers(rows: LivePlayerRow[]): Promise<void>;
  saveAnswers(rows: LiveAnswerRow[]): Promise<void>;
};

/**
 * Writes one game's rows in order, off the request path. SQLite writes block
 * the event loop while they run, so joins and answers that arrive close
 * together (a class answering at once) are gathered for up to `batchMs` and
 * inserted in one statement each. Any other task (scores at a reveal, the
 * finish) first writes the rows already accepted, so it always sees them. A
 * failed write is reported and the queue carries on: the game itself lives
 * in memory.
 */
export class GameWriter {
  private chain: Promise<void> = Promise.resolve();
  private players: LivePlayerRow[] = [];
  private answers: LiveAnswerRow[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly sink: WriterSink,
    private readonly onError: (error: unknown) => void,
    private readonly batchMs = 200,
  ) {}

  addPlayer(row: LivePlayerRow): void {
    this.players.push(row);
    this.scheduleFlush();
  }

  addAnswer(row: LiveAnswerRow): void {
    this.answers.push(row);
    this.scheduleFlush();
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

  private scheduleFlush(): void {
    this.timer ??= setTimeout(() => {
      this.timer = null;
      void this.enqueue(async () => undefined);
    }, this.batchMs);
  }

  private async flushPending(): Promise<void> {
    const players = this.players.splice(0);
    const answers = this.answers.splice(0);
    try {
      if (players.length) await this.sink.savePlayers(players);
    } finally {
      // Answers reference players; if the players failed, these fail too and are reported.
      if (answers.length) await this.sink.saveAnswers(answers);
    }
  }
}
