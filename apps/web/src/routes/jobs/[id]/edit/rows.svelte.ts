import { applyRowOp, isBlankRow } from './job-form.ts';

let next = 0;

/**
 * A list of form rows kept in the page with JavaScript: each has a key of its own so inputs follow
 * their row when it moves. A blank row always waits at the end to type a new one into.
 */
export class Rows<T extends object> {
  items: (T & { key: number })[] = $state([]);
  private readonly make: () => T;

  constructor(initial: T[], make: () => T) {
    this.make = make;
    this.items = initial.map((row) => ({ ...row, key: next++ }));
    this.ensureBlank();
  }

  private ensureBlank() {
    const last = this.items.at(-1);
    if (!last || !isBlankRow(this.strip(last))) this.items.push({ ...this.make(), key: next++ });
  }

  private strip(row: T & { key: number }): object {
    return Object.fromEntries(Object.entries(row).filter(([name]) => name !== 'key'));
  }

  op = (action: string, index: number) => {
    applyRowOp(this.items, action, index, () => ({ ...this.make(), key: next++ }));
  };

  /** Typing into the last (blank) row opens another one below it. */
  typed = (index: number) => {
    if (index === this.items.length - 1) this.ensureBlank();
  };
}
