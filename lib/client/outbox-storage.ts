import type { LockRunner } from "./outbox";
import type { OutboxStorage } from "./outbox-types";

/** Storage for tests and for browsers where localStorage is unavailable (private modes, quotas). */
export function memoryStorage(): OutboxStorage & { dump(): Record<string, string> } {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
    dump: () => Object.fromEntries(items),
  };
}

/** localStorage when it works (it survives reloads and closed tabs), else memory. */
export function browserStorage(): OutboxStorage {
  try {
    const probe = "factmark:probe";
    window.localStorage.setItem(probe, "1");
    window.localStorage.removeItem(probe);
    return window.localStorage;
  } catch {
    return memoryStorage();
  }
}

/**
 * A lock shared by the tabs of this browser (Web Locks API), so two tabs open on one
 * article never send the same queued change twice. Undefined where unsupported: the
 * outbox then locks within its own tab only.
 */
export function browserLock(): LockRunner | undefined {
  if (typeof navigator === "undefined" || !navigator.locks) return undefined;
  // request() resolves with the task's own result; `then` flattens its typing.
  return (name, task) => navigator.locks.request(name, task).then((result) => result);
}
