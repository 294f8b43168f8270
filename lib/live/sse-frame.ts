/** One Server-Sent Events frame. `data` is sent as one line of JSON. */
export function sseFrame(frame: { event?: string; id?: string; data?: unknown; retry?: number; comment?: string }): string {
  const lines: string[] = [];
  if (frame.comment !== undefined) lines.push(`: ${frame.comment.replace(/\n/g, " ")}`);
  if (frame.retry !== undefined) lines.push(`retry: ${frame.retry}`);
  if (frame.id !== undefined) lines.push(`id: ${frame.id}`);
  if (frame.event !== undefined) lines.push(`event: ${frame.event}`);
  if (frame.data !== undefined) lines.push(`data: ${JSON.stringify(frame.data)}`);
  return `${lines.join("\n")}\n\n`;
}

export const SSE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  // no-transform: compression and proxies must pass events through as they come.
  "Cache-Control": "no-cache, no-transform",
  Connection: "keep-alive",
  "X-Accel-Buffering": "no",
} as const;
