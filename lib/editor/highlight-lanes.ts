/**
 * Overlapping highlights are drawn on separate "lanes" (underline offsets), so a figure
 * inside a claim or two claims sharing words each keep a visible line of their own.
 * Lanes are assigned like rooms to meetings: a sweep in start order that reuses the
 * lowest lane freed by a range that has ended. O(n log n).
 */
export interface LaneRange {
  from: number;
  to: number;
}

/** A binary min-heap of numbers (ordered by `key`). */
class MinHeap<T> {
  private items: T[] = [];
  constructor(private readonly key: (item: T) => number) {}

  get size() {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  push(item: T) {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.key(items[parent]) <= this.key(items[i])) break;
      [items[parent], items[i]] = [items[i], items[parent]];
      i = parent;
    }
  }

  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < items.length && this.key(items[left]) < this.key(items[smallest])) smallest = left;
        if (right < items.length && this.key(items[right]) < this.key(items[smallest])) smallest = right;
        if (smallest === i) break;
        [items[smallest], items[i]] = [items[i], items[smallest]];
        i = smallest;
      }
    }
    return top;
  }
}

/** Lane of each range (same order as `ranges`); ranges that overlap never share a lane. */
export function assignLanes(ranges: readonly LaneRange[]): number[] {
  const order = ranges.map((_, i) => i);
  // Longer ranges first at equal starts, so an enclosing claim sits on the lower lane.
  order.sort((a, b) => ranges[a].from - ranges[b].from || ranges[b].to - ranges[a].to);
  const lanes = new Array<number>(ranges.length);
  const open = new MinHeap<{ to: number; lane: number }>((item) => item.to);
  const free = new MinHeap<number>((lane) => lane);
  let next = 0;
  for (const i of order) {
    const { from, to } = ranges[i];
    while (open.size > 0 && open.peek()!.to <= from) free.push(open.pop()!.lane);
    const lane = free.size > 0 ? free.pop()! : next++;
    lanes[i] = lane;
    open.push({ to, lane });
  }
  return lanes;
}

/** The lowest lane not used by any of `taken`. */
export function lowestFreeLane(taken: Iterable<number>): number {
  const used = new Set(taken);
  let lane = 0;
  while (used.has(lane)) lane++;
  return lane;
}
