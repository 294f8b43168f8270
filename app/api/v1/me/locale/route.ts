import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { LOCALE_COOKIE } from "@/lib/i18n/config";
import { setOwnLocale } from "@/lib/users/users";

export const POST = apiRoute({ body: z.strictObject({ locale: z.enum(["en", "fr"]) }) }, async ({ actor, body }) => {
  await setOwnLocale(actor, body.locale);
  const res = NextResponse.json({ locale: body.locale });
  res.cookies.set(LOCALE_COOKIE, body.locale, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });
  return res;
});
