import pg from "pg";
import { LIVE_CHANNEL, parseLiveNotification, type LiveNotification } from "./live-notification";

/**
 * `resync`: the LISTEN connection was lost and is back; notifications sent meanwhile are
 * gone, so every subscriber reads what it may have missed from the events tables.
 */
export type LiveSignal = LiveNotification | { t: "resync" };
export type LiveSubscriber = (signal: LiveSignal) => void;

interface ListenerState {
  client: pg.Client | null;
  connecting: Promise<pg.Client> | null;
  subscribers: Set<LiveSubscriber>;
  retryMs: number;
  reconnectTimer: ReturnType<typeof setTimeout> | null;
  probeTimer: ReturnType<typeof setInterval> | null;
  /** A connection was lost: the next successful one sends `resync`. */
  lost: boolean;
}

const PROBE_INTERVAL_MS = 30_000;
const MAX_RETRY_MS = 10_000;

// One dedicated connection per server process, kept on globalThis so that module reloads in
// development do not open more. It holds nothing that other instances need.
const globalForLive = globalThis as unknown as { factmarkLive?: ListenerState };
const state: ListenerState = (globalForLive.factmarkLive ??= {
  client: null,
  connecting: null,
  subscribers: new Set(),
  retryMs: 500,
  reconnectTimer: null,
  probeTimer: null,
  lost: false,
});

function broadcast(signal: LiveSignal) {
  for (const subscriber of state.subscribers) {
    try {
      subscriber(signal);
    } catch (error) {
      console.error("live subscriber failed", error);
    }
  }
}

function dropConnection(client: pg.Client) {
  if (state.client !== client) return;
  state.client = null;
  state.lost = true;
  if (state.probeTimer) clearInterval(state.probeTimer);
  state.probeTimer = null;
  client.removeAllListeners();
  client.on("error", () => undefined);
  void client.end().catch(() => undefined);
  scheduleReconnect();
}

function scheduleReconnect() {
  if (state.reconnectTimer || state.subscribers.size === 0) return;
  state.reconnectTimer = setTimeout(() => {
    state.reconnectTimer = null;
    connect().catch(() => scheduleReconnect());
  }, state.retryMs);
  state.retryMs = Math.min(state.retryMs * 2, MAX_RETRY_MS);
}

async function openClient(): Promise<pg.Client> {
  // LISTEN needs a session of its own: behind a transaction-pooling proxy (PgBouncer), point
  // DATABASE_LISTEN_URL straight at Postgres.
  const connectionString = process.env.DATABASE_LISTEN_URL || process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set");
  const client = new pg.Client({ connectionString, keepAlive: true, application_name: "factmark-live" });
  client.on("error", () => dropConnection(client));
  client.on("end", () => dropConnection(client));
  await client.connect();
  await client.query(`LISTEN ${LIVE_CHANNEL}`);
  client.on("notification", (message) => {
    if (message.channel !== LIVE_CHANNEL) return;
    const notification = parseLiveNotification(message.payload);
    if (notification) broadcast(notification);
  });
  return client;
}

function connect(): Promise<pg.Client> {
  if (state.client) return Promise.resolve(state.client);
  state.connecting ??= openClient()
    .then((client) => {
      state.client = client;
      state.retryMs = 500;
      // A silently dead TCP connection would never report an error: probe it.
      state.probeTimer = setInterval(() => {
        client.query("SELECT 1").catch(() => dropConnection(client));
      }, PROBE_INTERVAL_MS);
      state.probeTimer.unref?.();
      if (state.lost) {
        state.lost = false;
        broadcast({ t: "resync" });
      }
      return client;
    })
    .finally(() => {
      state.connecting = null;
    });
  return state.connecting;
}

/**
 * Calls `subscriber` with every live notification this process receives, from any
 * instance. Resolves once the LISTEN connection is up (rejects if it cannot be opened);
 * returns the unsubscribe function.
 */
export async function subscribeLive(subscriber: LiveSubscriber): Promise<() => void> {
  state.subscribers.add(subscriber);
  try {
    await connect();
  } catch (error) {
    state.subscribers.delete(subscriber);
    throw error;
  }
  return () => {
    state.subscribers.delete(subscriber);
  };
}

/** Closes the LISTEN connection (tests, shutdown). A later subscribe opens a new one. */
export async function closeLiveListener(): Promise<void> {
  const client = state.client;
  state.client = null;
  if (state.reconnectTimer) clearTimeout(state.reconnectTimer);
  if (state.probeTimer) clearInterval(state.probeTimer);
  state.reconnectTimer = null;
  state.probeTimer = null;
  if (client) {
    client.removeAllListeners();
    client.on("error", () => undefined);
    await client.end().catch(() => undefined);
  }
}
