/**
 * Counts what an importer changed, per kind of change, so the report says
 * e.g. "HTML converted to text in 3 notes" rather than one line per note.
 */
export type ChangeCounter = {
  add(record: number, change: string): void;
  lines(unit?: [singular: string, plural: string]): string[];
};

export function countChange(): ChangeCounter {
  const seen = new Map<string, Set<number>>();
  return {
    add(record, change) {
      const set = seen.get(change) ?? new Set<number>();
      set.add(record);
      seen.set(change, set);
    },
    lines([one, many] = ["note", "notes"]) {
      return [...seen].map(([change, records]) => {
        const n = records.size;
        return `${change.charAt(0).toUpperCase()}${change.slice(1)} in ${n} ${n === 1 ? one : many}`;
      });
    },
  };
}
