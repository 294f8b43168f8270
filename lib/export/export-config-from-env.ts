import type { ExportOptions } from "./types";

type Env = Record<string, string | undefined>;

/**
 * The deployment-wide export settings (documented in docs/EXPORTS.md). The route adds
 * the per-request ones (includeNotes, generatedAt).
 *
 * - FACTMARK_APP_URL, else NEXTAUTH_URL, else http://localhost:3000: the base of the
 *   IRIs in the W3C export and of the fallback ClaimReview URL.
 * - FACTMARK_ORG_NAME / FACTMARK_ORG_URL: the ClaimReview author (defaults: "Factmark"
 *   and the app URL).
 * - FACTMARK_FACTCHECK_BASE_URL: the public page of a fact-check, `{articleId}` filled in.
 */
export function exportConfigFromEnv(env: Env): Pick<ExportOptions, "appUrl" | "organization" | "factCheckBaseUrl"> {
  const value = (name: string) => env[name]?.trim() || undefined;
  const appUrl = (value("FACTMARK_APP_URL") ?? value("NEXTAUTH_URL") ?? "http://localhost:3000").replace(/\/+$/, "");
  const factCheckBaseUrl = value("FACTMARK_FACTCHECK_BASE_URL");
  return {
    appUrl,
    organization: { name: value("FACTMARK_ORG_NAME") ?? "Factmark", url: value("FACTMARK_ORG_URL") ?? appUrl },
    ...(factCheckBaseUrl ? { factCheckBaseUrl } : {}),
  };
}
