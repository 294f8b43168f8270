/** How often an open connection refreshes its presence row. */
export const PRESENCE_HEARTBEAT_MS = 10_000;
/** A presence row not refreshed for this long belongs to a connection that went away. */
export const PRESENCE_TTL_SECONDS = 30;
