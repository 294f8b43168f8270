// Orderly exit on Ctrl-C / SIGTERM: cleanups run last-registered first (stop the app, then
// the database it uses, then release the data directory), then the process exits.
type Cleanup = () => Promise<void> | void;

const cleanups: Cleanup[] = [];
let exiting: Promise<never> | undefined;

export function onShutdown(cleanup: Cleanup): () => void {
  cleanups.push(cleanup);
  return () => {
    const index = cleanups.indexOf(cleanup);
    if (index >= 0) cleanups.splice(index, 1);
  };
}

export function isShuttingDown(): boolean {
  return exiting !== undefined;
}

/** Runs every cleanup once, then exits with `code`. Later calls wait for the first. */
export function shutdown(code: number): Promise<never> {
  exiting ??= (async () => {
    while (cleanups.length > 0) {
      const cleanup = cleanups.pop();
      try {
        await cleanup?.();
      } catch (error) {
        console.error(error instanceof Error ? error.message : error);
      }
    }
    process.exit(code);
  })();
  return exiting;
}

const signalCodes = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

/**
 * Installs the signal handlers. A repeated signal while stopping (the terminal and npm/tsx
 * may each deliver one for a single Ctrl-C) does not cut the cleanups short; they bound their
 * own waits.
 */
export function exitOnSignals(onSignal?: (signal: NodeJS.Signals) => void): void {
  for (const [signal, code] of Object.entries(signalCodes)) {
    process.on(signal, () => {
      if (!isShuttingDown()) onSignal?.(signal as NodeJS.Signals);
      void shutdown(code);
    });
  }
}
