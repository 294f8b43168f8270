import { AppError } from "./errors";

interface PrismaKnownError {
  code: string;
  meta?: Record<string, unknown>;
}

function isPrismaKnownError(error: unknown): error is PrismaKnownError {
  return typeof error === "object" && error !== null && "code" in error && /^P\d{4}$/.test(String((error as PrismaKnownError).code));
}

/** Maps our typed errors and Prisma's known request errors to API errors; null for the rest. */
export function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (isPrismaKnownError(error)) {
    switch (error.code) {
      case "P2025":
      case "P2001":
        return new AppError("not_found", "Not found");
      case "P2002":
        return new AppError("validation_failed", "A record with these values already exists", {
          fields: { [String((error.meta?.target as string[] | undefined)?.[0] ?? "id")]: "already exists" },
        });
      case "P2003":
        return new AppError("validation_failed", "A referenced record does not exist");
      case "P2000":
        return new AppError("too_large", "A value is too long");
      case "P2024":
      case "P2028":
        // The connection pool or the database is saturated: nothing was written; retry.
        return new AppError("unavailable", "The server is busy; nothing was saved. Try again in a moment.");
    }
  }
  return null;
}
