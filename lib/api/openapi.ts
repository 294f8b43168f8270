import { z } from "zod";
import { commentSchema, createAnnotationSchema, updateAnnotationSchema } from "@/lib/annotations/schemas";
import { createArticleSchema, updateArticleSchema } from "@/lib/articles/schemas";
import { createUserSchema, updateUserSchema, changePasswordSchema } from "@/lib/users/schemas";

type Op = { summary: string; body?: z.ZodType; ok: number; role?: string; query?: string[] };

const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: "input", unrepresentable: "any" });

/** The HTTP API as OpenAPI 3.1, request bodies generated from the zod schemas the routes use. */
const PATHS: Record<string, Record<string, Op>> = {
  "/api/v1/articles": {
    get: { summary: "List articles with annotation counts by kind, status and verdict", ok: 200, query: ["q", "status", "page", "pageSize"] },
    post: { summary: "Import an article (text, HTML or Markdown); 409 duplicate with existingId", body: createArticleSchema, ok: 201, role: "editor" },
  },
  "/api/v1/articles/{id}": {
    get: { summary: "An article with its canonical text and editor document", ok: 200 },
    patch: { summary: "Metadata and workflow status (approve needs all claims/figures verified or a reason; reopen needs a reason)", body: updateArticleSchema, ok: 200, role: "editor" },
  },
  "/api/v1/articles/{id}/annotations": {
    get: { summary: "Live annotations in document order", ok: 200, query: ["kind", "status"] },
    post: { summary: "Create an annotation from code point positions or a quote; a client id makes retries idempotent", body: createAnnotationSchema, ok: 201 },
  },
  "/api/v1/articles/upload": {
    post: { summary: "Import a file (multipart/form-data: file = .txt/.html/.md/.docx, plus optional metadata fields); 413 over 10 MB, 415 other types", ok: 201, role: "editor" },
  },
  "/api/v1/articles/bulk": {
    post: { summary: "Import a JSON array of articles (the POST /articles body each); every item answered on its own: created / duplicate / error", body: z.array(createArticleSchema), ok: 200, role: "editor" },
  },
  "/api/v1/articles/{id}/content": {
    put: { summary: "Save a new revision of the text ({content, revision}); answers {revision, anchored, drifted, orphaned, article}; 409 revision_changed when stale", body: z.strictObject({ content: z.record(z.string(), z.unknown()), revision: z.number().int() }), ok: 200, role: "editor" },
  },
  "/api/v1/articles/{id}/revisions": { get: { summary: "Revisions, newest first, with author", ok: 200 } },
  "/api/v1/articles/{id}/revisions/diff": { get: { summary: "Word diff between two revisions: {parts: [{op: equal|insert|delete, text}]}", ok: 200, query: ["from", "to"] } },
  "/api/v1/articles/{id}/export": {
    get: { summary: "Export one article: format = w3c | claimreview | html | markdown | csv; includeNotes=true for editors", ok: 200, query: ["format", "includeNotes"] },
  },
  "/api/v1/articles/{id}/annotations/import": {
    post: { summary: "Import a W3C AnnotationCollection (e.g. a Factmark export) into the article, all or nothing; sign-offs come back as in_review", ok: 201 },
  },
  "/api/v1/articles/{id}/assignments": {
    get: { summary: "Assigned reviewers", ok: 200 },
    post: { summary: "Assign a reviewer ({userId}); a draft moves to in review", body: z.strictObject({ userId: z.string() }), ok: 201, role: "editor" },
    delete: { summary: "Unassign a reviewer ({userId})", body: z.strictObject({ userId: z.string() }), ok: 204, role: "editor" },
  },
  "/api/v1/articles/{id}/activity": { get: { summary: "Activity feed of one article, newest first", ok: 200, query: ["before", "limit"] } },
  "/api/v1/activity": { get: { summary: "Activity feed of all articles, newest first", ok: 200, query: ["before", "limit"] } },
  "/api/v1/dashboard": { get: { summary: "Totals by workflow status, annotation counts and sign-offs per day, with the list's filters", ok: 200, query: ["q", "status", "outlet", "language", "reviewer", "hasFalse", "hasOrphans", "days"] } },
  "/api/v1/dashboard/queue": { get: { summary: "The signed-in reviewer's queue and findings awaiting their sign-off", ok: 200, query: ["scope", "limit"] } },
  "/api/v1/stream": { get: { summary: "Server-Sent Events: live annotation and article events (articleId) or dashboard changes; resumes from Last-Event-ID or since", ok: 200, query: ["articleId", "since"] } },
  "/api/v1/export": { get: { summary: "Stream many articles: format = ndjson (one W3C collection per line) | csv, with the list's filters", ok: 200, query: ["format", "status", "q", "includeNotes"] } },
  "/api/v1/annotations/{id}": {
    get: { summary: "One annotation", ok: 200 },
    patch: { summary: "Update with optimistic concurrency (409 version_conflict with `current`)", body: updateAnnotationSchema, ok: 200 },
    delete: { summary: "Soft delete (undo with /restore)", ok: 204 },
  },
  "/api/v1/annotations/{id}/restore": { post: { summary: "Undo a delete", ok: 200 } },
  "/api/v1/annotations/{id}/history": { get: { summary: "Every change, oldest first", ok: 200 } },
  "/api/v1/annotations/{id}/comments": {
    get: { summary: "Comment thread", ok: 200 },
    post: { summary: "Add a comment; a client id (UUID) makes retries idempotent (200 with the existing one; 409 id_conflict if reused for another)", body: commentSchema, ok: 201 },
  },
  "/api/v1/me/tokens": {
    get: { summary: "Your API tokens (name, prefix, created, last used, expires)", ok: 200 },
    post: { summary: "Create a token; the secret is in this answer only", body: z.strictObject({ name: z.string(), expiresAt: z.string().nullable().optional() }), ok: 201 },
  },
  "/api/v1/me/tokens/{id}": { delete: { summary: "Revoke one of your tokens", ok: 204 } },
  "/api/v1/me/password": { post: { summary: "Change your password", body: changePasswordSchema, ok: 204 } },
  "/api/v1/users": {
    get: { summary: "All users", ok: 200, role: "admin" },
    post: { summary: "Create a user", body: createUserSchema, ok: 201, role: "admin" },
  },
  "/api/v1/users/{id}": { patch: { summary: "Change role, deactivate, set a new password", body: updateUserSchema, ok: 200, role: "admin" } },
  "/api/v1/team": { get: { summary: "Active users (id, name, role) for assignment and attribution", ok: 200 } },
};

const errorResponse = {
  description: "Error",
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
};

export function openApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [path, ops] of Object.entries(PATHS)) {
    paths[path] = {};
    for (const [method, op] of Object.entries(ops)) {
      const parameters = [
        ...(path.includes("{id}") ? [{ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } }] : []),
        ...(op.query ?? []).map((name) => ({ name, in: "query", required: false, schema: { type: "string" } })),
      ];
      paths[path][method] = {
        summary: op.summary + (op.role ? ` (${op.role})` : ""),
        parameters,
        ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: schema(op.body) } } } } : {}),
        responses: {
          [op.ok]: { description: "OK" },
          400: errorResponse,
          401: errorResponse,
          403: errorResponse,
          404: errorResponse,
          409: errorResponse,
          413: errorResponse,
          422: errorResponse,
          503: errorResponse,
        },
      };
    }
  }
  return {
    openapi: "3.1.0",
    info: { title: "Factmark API", version: "1", description: "See API.md. Offsets are Unicode code points into the canonical text." },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }, { session: [] }],
    paths,
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "Personal API token (Settings → API tokens)" },
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
      },
      schemas: {
        Error: {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["code", "message"],
              properties: { code: { type: "string" }, message: { type: "string" }, fields: { type: "object", additionalProperties: { type: "string" } } },
            },
            current: { type: "object", description: "The current resource, on 409 version_conflict" },
          },
        },
      },
    },
  };
}
