import type { AnnotationDto, CommentDto } from "@/lib/annotations/types";
import { ApiError, apiFetch } from "./api";
import type { OutboxTransport } from "./outbox-types";

/** Sends one outbox change to /api/v1. */
export const sendOutboxOp: OutboxTransport = async (articleId, op) => {
  const annotationPath = `/api/v1/annotations/${op.annotationId}`;
  switch (op.type) {
    case "create": {
      const path = `/api/v1/articles/${articleId}/annotations`;
      try {
        return { annotation: await apiFetch<AnnotationDto>(path, { method: "POST", body: op.body }) };
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        // An earlier try (sent with the quote below) got through but its answer was lost.
        if (error.code === "id_conflict") {
          const stored = await apiFetch<AnnotationDto>(annotationPath);
          if (stored.articleId === articleId) return { annotation: stored };
          throw error;
        }
        // The text was edited since the selection was made: the positions no longer name
        // these words, but the quote with its context still finds them.
        if (error.code !== "revision_changed") throw error;
        const { exact, prefix, suffix } = op.preview.target;
        const body = { ...op.body, target: { exact, prefix, suffix } };
        return { annotation: await apiFetch<AnnotationDto>(path, { method: "POST", body }) };
      }
    }
    case "update":
      return { annotation: await apiFetch<AnnotationDto>(annotationPath, { method: "PATCH", body: { version: op.version, ...op.patch } }) };
    case "delete":
      try {
        await apiFetch<void>(annotationPath, { method: "DELETE" });
      } catch (error) {
        // A retried delete whose first try got through but whose answer was lost.
        if (!(error instanceof ApiError && error.status === 404 && op.attempts > 1)) throw error;
      }
      return {};
    case "restore":
      return { annotation: await apiFetch<AnnotationDto>(`${annotationPath}/restore`, { method: "POST" }) };
    case "comment":
      return { comment: await apiFetch<CommentDto>(`${annotationPath}/comments`, { method: "POST", body: { id: op.opId, body: op.body } }) };
  }
};
