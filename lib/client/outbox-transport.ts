import type { AnnotationDto, CommentDto } from "@/lib/annotations/types";
import { ApiError, apiFetch } from "./api";
import type { OutboxTransport } from "./outbox-types";

/** Sends one outbox change to /api/v1. */
export const sendOutboxOp: OutboxTransport = async (articleId, op) => {
  const annotationPath = `/api/v1/annotations/${op.annotationId}`;
  switch (op.type) {
    case "create":
      return { annotation: await apiFetch<AnnotationDto>(`/api/v1/articles/${articleId}/annotations`, { method: "POST", body: op.body }) };
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
      return { comment: await apiFetch<CommentDto>(`${annotationPath}/comments`, { method: "POST", body: { body: op.body } }) };
  }
};
