import { randomUUID } from "node:crypto";
import type { ArticleDto } from "@/lib/annotations/types";
import { createApiToken } from "@/lib/auth/api-tokens";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Role } from "@/lib/auth/policy";
import { createArticle } from "@/lib/articles/create-article";
import { createUser } from "@/lib/users/users";

export interface TestUser extends CurrentUser {
  token: string;
  password: string;
}

/** A user with a unique email and a personal API token, so tests never share accounts. */
export async function makeUser(role: Role = "REVIEWER", name?: string): Promise<TestUser> {
  const password = "correct horse battery";
  const unique = randomUUID().slice(0, 8);
  const user = await createUser(null, { email: `${role.toLowerCase()}-${unique}@test.local`, name: name ?? `${role} ${unique}`, role, password });
  const actor: CurrentUser = { ...user, locale: null };
  const { secret } = await createApiToken(actor, { name: "tests" });
  return { ...actor, token: secret, password };
}

export const FRENCH_BODY = [
  "La marine russe aurait doublé ses patrouilles 🇷🇺 en mer Baltique, a affirmé dimanche le ministère, cité par l’agence TASS.",
  "Selon les services britanniques, la flotte compterait environ 45 bâtiments, dont 280.000 tonnes de tonnage et 15\u202f902 marins.",
  "Le budget atteindrait 6\u00a0% du PIB, soit six millions de roubles par jour.",
].join("\n\n");

export async function makeArticle(editor: CurrentUser, overrides: Partial<{ title: string; body: string; language: "fr" | "en" }> = {}): Promise<ArticleDto> {
  return createArticle(editor, {
    title: overrides.title ?? `Baltique 🇷🇺 ${randomUUID().slice(0, 8)}`,
    body: `${overrides.body ?? FRENCH_BODY}\n\nRéf. ${randomUUID()}`,
    format: "text",
    language: overrides.language ?? "fr",
    allowDuplicate: true,
  });
}

/** Code point offsets of the first occurrence of `exact` in `text`. */
export function codePointRange(text: string, exact: string): { start: number; end: number } {
  const unit = text.indexOf(exact);
  if (unit < 0) throw new Error(`"${exact}" not in text`);
  const start = Array.from(text.slice(0, unit)).length;
  return { start, end: start + Array.from(exact).length };
}
