import { getRequestConfig } from "next-intl/server";
import { resolveLocale } from "./locale";
import { loadMessages } from "./messages";

export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  return { locale, messages: await loadMessages(locale), timeZone: "Europe/Paris" };
});
