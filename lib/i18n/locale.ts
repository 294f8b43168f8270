import { cookies, headers } from "next/headers";
import { getSessionUser } from "@/lib/auth/current-user";
import { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale, type Locale } from "./config";

/** The user's chosen language, else the cookie, else the browser's Accept-Language. */
export async function resolveLocale(): Promise<Locale> {
  const user = await getSessionUser().catch(() => null);
  if (isLocale(user?.locale)) return user.locale;
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(cookie)) return cookie;
  const accept = (await headers()).get("accept-language") ?? "";
  for (const part of accept.split(",")) {
    const tag = part.split(";")[0]?.trim().slice(0, 2).toLowerCase();
    if (isLocale(tag)) return tag;
  }
  return DEFAULT_LOCALE;
}
