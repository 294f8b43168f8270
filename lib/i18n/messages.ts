import type { Locale } from "./config";

/** Message catalogs, one JSON file per namespace and language under messages/. */
export async function loadMessages(locale: Locale) {
  const [common, auth, admin, editor, dashboard, articles, importer] = await Promise.all([
    import(`@/messages/${locale}/common.json`),
    import(`@/messages/${locale}/auth.json`),
    import(`@/messages/${locale}/admin.json`),
    import(`@/messages/${locale}/editor.json`),
    import(`@/messages/${locale}/dashboard.json`),
    import(`@/messages/${locale}/articles.json`),
    import(`@/messages/${locale}/importer.json`),
  ]);
  return {
    common: common.default,
    auth: auth.default,
    admin: admin.default,
    editor: editor.default,
    dashboard: dashboard.default,
    articles: articles.default,
    importer: importer.default,
  };
}
