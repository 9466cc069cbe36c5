export type MessageHandler = (message: unknown) => void;
export type Unsubscribe = () => void;

/**
 * Channel-based fan-out between game logic and open streams. The in-memory
 * version serves one `next start` process; a multi-process deployment can
 * implement the same interface over PostgreSQL LISTEN/NOTIFY or Redis.
 * Messages must be JSON-serialisable so that such a swap stays transparent.
 */
export interface PubSub {
  publish(channel: string, message: unknown): Promise<void>;
  subscribe(channel: string, handler: MessageHandler): Unsubscribe;
}

export type MemoryPubSub = PubSub & {
  subscriberCount(channel: string): number;
};

export type MemoryPubSubOptions = {
  /** Called when a handler throws; the other subscribers still get the message. */
  onHandlerError?: (error: unknown, channel: string) => void;
};

/**
 * Delivers synchronously, in subscription order, to a snapshot of the
 * channel's subscribers (one array per channel, rebuilt only when someone
 * subscribes or leaves), so publishing to 2,000 streams is a plain loop.
 */
export function createMemoryPubSub(options: MemoryPubSubOptions = {}): MemoryPubSub {
  const channels = new Map<string, { handlers: Set<MessageHandler>; snapshot: MessageHandler[] | null }>();

  return {
    async publish(channel, message) {
      const entry = channels.get(channel);
      if (!entry) return;
      entry.snapshot ??= Array.from(entry.handlers);
      for (const handler of entry.snapshot) {
        try {
          handler(message);
        } catch (error) {
          options.onHandlerError?.(error, channel);
        }
      }
    },

    subscribe(channel, handler) {
      let entry = channels.get(channel);
      if (!entry) {
        entry = { handlers: new Set(), snapshot: null };
        channels.set(channel, entry);
      }
      // Wrap so the same function can subscribe twice and unsubscribe independently.
      const wrapped: MessageHandler = (message) => handler(message);
      entry.handlers.add(wrapped);
      entry.snapshot = null;
      let active = true;
      return () => {
        if (!active) return;
        active = false;
        const current = channels.get(channel);
        if (!current) return;
        current.handlers.delete(wrapped);
        current.snapshot = null;
        if (current.handlers.size === 0) channels.delete(channel);
      };
    },

    subscriberCount(channel) {
      return channels.get(channel)?.handlers.size ?? 0;
    },
  };
}
