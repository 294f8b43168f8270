"use client";

import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState } from "react";
import type { AnnotationDto, AnnotationKind, CommentDto, UserRef } from "@/lib/annotations/types";
import { Outbox, outboxKey } from "@/lib/client/outbox";
import { applyOutbox, documentOrder } from "@/lib/client/outbox-overlay";
import { browserLock, browserStorage } from "@/lib/client/outbox-storage";
import { sendOutboxOp } from "@/lib/client/outbox-transport";
import type { AnnotationPatch, OutboxOp, OutboxRejection, OutboxSnapshot } from "@/lib/client/outbox-types";
import type { LiveAnnotationEvent } from "@/lib/live/types";
import { afterNextPaint } from "./after-paint";
import type { TextMap } from "./text-map";

const EMPTY: OutboxSnapshot = { ops: [], conflicts: [], status: "idle", failures: 0, lastError: null };

/** Puts a confirmed annotation in the server list, keeping document order. */
function upsert(list: AnnotationDto[], dto: AnnotationDto): AnnotationDto[] {
  const index = list.findIndex((a) => a.id === dto.id);
  const old = list[index];
  if (old && old.target.start === dto.target.start && old.target.end === dto.target.end) {
    const next = list.slice();
    next[index] = dto;
    return next;
  }
  return [...list.filter((a) => a.id !== dto.id), dto].sort(documentOrder);
}

/** What an undo of a delete needs to bring the annotation back. */
export interface DeletedAnnotation {
  annotation: AnnotationDto;
  /** The server never had it (created and deleted while unsent): undo creates it again. */
  neverSent: boolean;
}

/**
 * The annotations of one article as the person sees them: the server's state with their
 * pending changes (the outbox) on top. Every change goes through the outbox.
 */
export function useAnnotationStore({
  articleId,
  revision,
  initial,
  user,
  map,
  onRejected,
}: {
  articleId: string;
  revision: number;
  initial: AnnotationDto[];
  user: UserRef;
  map: TextMap;
  /** Told once about every change the server refused for good. */
  onRejected?: (rejection: OutboxRejection) => void;
}) {
  const [server, setServer] = useState(initial);
  const [snapshot, setSnapshot] = useState<OutboxSnapshot>(EMPTY);
  const [rejections, setRejections] = useState<OutboxRejection[]>([]);
  /** Comments that arrived since the page loaded (sent from here, or live from others). */
  const [sentComments, setSentComments] = useState<CommentDto[]>([]);
  const outboxRef = useRef<Outbox | null>(null);
  const announceRejection = useEffectEvent((rejection: OutboxRejection) => onRejected?.(rejection));

  // The outbox opens the browser's storage (its first use in a page is a synchronous trip to
  // the browser process, ~100 ms on a busy machine): it is made once the article is on
  // screen, or at once by the first change made before that (`open`).
  const openRef = useRef<(() => Outbox | null) | null>(null);
  useEffect(() => {
    let outbox: Outbox | null = null;
    let closed = false;
    const otherTab = (event: StorageEvent) => {
      if (outbox && event.key === outboxKey(articleId)) setSnapshot(outbox.snapshot());
    };
    const online = () => void outbox?.retryNow();
    const open = (): Outbox | null => {
      if (outbox || closed) return outbox;
      outbox = new Outbox({
        articleId,
        storage: browserStorage(),
        transport: sendOutboxOp,
        lock: browserLock(),
        listener: {
          onChange: setSnapshot,
          onConfirmed: (op, result) => {
            if (op.type === "delete") setServer((list) => list.filter((a) => a.id !== op.annotationId));
            else if (result.annotation) {
              const confirmed = result.annotation;
              setServer((list) => upsert(list, confirmed));
            }
            if (result.comment) {
              const comment = result.comment;
              setSentComments((list) => (list.some((c) => c.id === comment.id) ? list : [...list, comment]));
            }
          },
          onRejected: (rejection) => {
            setRejections((list) => [...list, rejection]);
            announceRejection(rejection);
          },
          onConflict: (conflict) => setServer((list) => upsert(list, conflict.current)),
        },
      });
      outboxRef.current = outbox;
      // Changes left by an earlier visit (reload, closed tab, lost network) go out now.
      void outbox.flush();
      return outbox;
    };
    openRef.current = open;
    afterNextPaint(open);
    window.addEventListener("online", online);
    window.addEventListener("storage", otherTab);
    return () => {
      closed = true;
      window.removeEventListener("online", online);
      window.removeEventListener("storage", otherTab);
      if (openRef.current === open) openRef.current = null;
      outbox?.dispose();
      if (outboxRef.current === outbox) outboxRef.current = null;
    };
  }, [articleId]);

  const annotations = useMemo(
    () => applyOutbox(server, snapshot.ops, { actor: user, quote: map.quote }),
    [server, snapshot.ops, user, map],
  );
  const byId = useMemo(() => new Map(annotations.map((a) => [a.id, a])), [annotations]);
  const pendingIds = useMemo(() => new Set(snapshot.ops.map((o) => o.annotationId)), [snapshot.ops]);

  /** The outbox, opened now if it was not yet. */
  const current = useCallback(() => outboxRef.current ?? openRef.current?.() ?? null, []);
  const enqueue = useCallback((op: Parameters<Outbox["enqueue"]>[0]) => current()?.enqueue(op), [current]);

  /** Creates an annotation (with `id` when the caller chose it already, e.g. to draw it first). */
  const create = useCallback(
    (kind: AnnotationKind, start: number, end: number, id: string = crypto.randomUUID()): string => {
      const now = new Date().toISOString();
      const preview: AnnotationDto = {
        id,
        articleId,
        kind,
        status: "unverified",
        verdict: null,
        target: { start, end, ...map.selector(start, end) },
        anchor: "anchored",
        note: "",
        rationale: "",
        sourceId: null,
        evidence: [],
        author: user,
        verdictBy: null,
        signedOffBy: null,
        signedOffAt: null,
        revision,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      enqueue({ type: "create", annotationId: id, body: { id, kind, target: { start, end, revision } }, preview });
      return id;
    },
    [articleId, enqueue, map, revision, user],
  );

  const update = useCallback(
    (id: string, patch: AnnotationPatch) => {
      const current = byId.get(id);
      if (current) enqueue({ type: "update", annotationId: id, version: current.version, patch });
    },
    [byId, enqueue],
  );

  const remove = useCallback(
    (id: string): DeletedAnnotation | null => {
      const annotation = byId.get(id);
      if (!annotation) return null;
      const neverSent = (current()?.snapshot().ops ?? []).some(
        (o: OutboxOp) => o.type === "create" && o.annotationId === id && o.attempts === 0,
      );
      enqueue({ type: "delete", annotationId: id });
      return { annotation, neverSent };
    },
    [byId, current, enqueue],
  );

  const undoRemove = useCallback(
    ({ annotation, neverSent }: DeletedAnnotation) => {
      const outbox = current();
      if (!outbox) return;
      if (neverSent) {
        const { id, kind, status, verdict, note, rationale, sourceId, evidence, target } = annotation;
        if (target.start === null || target.end === null) return;
        outbox.enqueue({
          type: "create",
          annotationId: id,
          body: { id, kind, status, verdict, note, rationale, sourceId, evidence, target: { start: target.start, end: target.end, revision } },
          preview: annotation,
        });
      } else if (!outbox.cancelUnsentDelete(annotation.id)) {
        outbox.enqueue({ type: "restore", annotationId: annotation.id, preview: annotation });
      }
    },
    [current, revision],
  );

  const comment = useCallback(
    (id: string, body: string) => enqueue({ type: "comment", annotationId: id, body, createdAt: new Date().toISOString() }),
    [enqueue],
  );

  /** Someone else's change, from the live stream: newer versions replace what the server list had. */
  const applyLive = useCallback((event: LiveAnnotationEvent) => {
    const incoming = event.annotation;
    const { commentId, body } = event.changes as { commentId?: string; body?: string };
    if (event.action === "commented" && commentId && body !== undefined) {
      const comment: CommentDto = { id: commentId, annotationId: event.annotationId, author: event.actor, body, createdAt: event.at };
      setSentComments((list) => (list.some((c) => c.id === commentId) ? list : [...list, comment]));
    }
    // Null: deleted by now (whatever this event was).
    if (!incoming) return setServer((list) => list.filter((a) => a.id !== event.annotationId));
    setServer((list) => {
      const known = list.find((a) => a.id === incoming.id);
      return known && known.version >= incoming.version ? list : upsert(list, incoming);
    });
  }, []);

  const resolveConflict = useCallback((id: string, choice: "mine" | "theirs") => current()?.resolveConflict(id, choice), [current]);
  const dismissRejection = useCallback((rejection: OutboxRejection) => setRejections((list) => list.filter((r) => r !== rejection)), []);
  const retryNow = useCallback(() => void current()?.retryNow(), [current]);
  /** The server's list as fetched again (after a text edit moved every position). */
  const replaceAll = useCallback((list: AnnotationDto[]) => setServer(list), []);

  return {
    annotations,
    byId,
    pendingIds,
    snapshot,
    rejections,
    sentComments,
    create,
    update,
    remove,
    undoRemove,
    comment,
    resolveConflict,
    dismissRejection,
    retryNow,
    applyLive,
    replaceAll,
  };
}

export type AnnotationStore = ReturnType<typeof useAnnotationStore>;
