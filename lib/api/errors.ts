/**
 * Typed domain errors. Services throw them; the one route wrapper turns them into the
 * error JSON of API.md (`{"error": {code, message, fields?}}` plus extras such as `current`).
 */
export type ErrorCode =
  | "malformed_json"
  | "bad_parameter"
  | "unauthenticated"
  | "forbidden"
  | "self_signoff"
  | "cross_origin"
  | "not_found"
  | "version_conflict"
  | "revision_changed"
  | "duplicate"
  | "article_locked"
  | "id_conflict"
  | "too_large"
  | "unsupported_media_type"
  | "validation_failed"
  | "quote_not_found"
  | "quote_ambiguous"
  | "verdict_required"
  | "rate_limited"
  | "unavailable";

const STATUS: Record<ErrorCode, number> = {
  malformed_json: 400,
  bad_parameter: 400,
  unauthenticated: 401,
  forbidden: 403,
  self_signoff: 403,
  cross_origin: 403,
  not_found: 404,
  version_conflict: 409,
  revision_changed: 409,
  duplicate: 409,
  article_locked: 409,
  id_conflict: 409,
  too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  quote_not_found: 422,
  quote_ambiguous: 422,
  verdict_required: 422,
  rate_limited: 429,
  unavailable: 503,
};

export interface AppErrorOptions {
  fields?: Record<string, string>;
  /** Extra members of the `error` object (e.g. `existingId`). */
  details?: Record<string, unknown>;
  /** Members beside `error` in the body (e.g. `current` for a version conflict). */
  extra?: Record<string, unknown>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly options: AppErrorOptions;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.status = STATUS[code];
    this.options = options;
  }

  toJSON() {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.options.fields ? { fields: this.options.fields } : {}),
        ...this.options.details,
      },
      ...this.options.extra,
    };
  }
}

export const notFound = (what = "Resource") => new AppError("not_found", `${what} not found`);
export const forbidden = (message = "You are not allowed to do this") => new AppError("forbidden", message);
export const validationFailed = (fields: Record<string, string>, message?: string) =>
  new AppError("validation_failed", message ?? `Invalid ${Object.keys(fields).join(", ")}`, { fields });
