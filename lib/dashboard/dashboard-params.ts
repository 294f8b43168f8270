import { listArticlesQuery, type ListArticlesQuery } from "@/lib/articles/schemas";

type RawParams = Record<string, string | string[] | undefined>;

/** The list's query plus `view=all`, which shows reviewers the dashboard instead of their queue. */
export type DashboardState = ListArticlesQuery & { view?: "all" };

/** Query keys the dashboard keeps in its URL besides the article list's own. */
const PAGE_KEYS = new Set(["view", "scope"]);

/**
 * The dashboard's state from its URL. A shared link with a stale or mistyped parameter
 * still opens: the parameters that do not parse are dropped, the rest apply.
 */
export function parseDashboardParams(raw: RawParams): ListArticlesQuery {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first !== "" && !PAGE_KEYS.has(key)) flat[key] = first;
  }
  for (;;) {
    const parsed = listArticlesQuery.safeParse(flat);
    if (parsed.success) return parsed.data;
    const bad = new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? "")));
    for (const issue of parsed.error.issues) {
      if (issue.code === "unrecognized_keys") for (const key of issue.keys) bad.add(key);
    }
    const before = Object.keys(flat).length;
    for (const key of bad) delete flat[key];
    if (Object.keys(flat).length === before) return listArticlesQuery.parse({});
  }
}

const DEFAULTS: Partial<Record<keyof ListArticlesQuery, string>> = { sort: "activity", page: "1", pageSize: "25" };

/** The URL of the dashboard for `query` with `change` applied; defaults are left out so links stay short. */
export function dashboardHref(query: DashboardState, change: Partial<Record<keyof DashboardState, string | undefined>> = {}): string {
  const values: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(query)) values[key] = value === undefined ? undefined : String(value);
  Object.assign(values, change);
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === "" || DEFAULTS[key as keyof ListArticlesQuery] === value) continue;
    params.set(key, value);
  }
  const search = params.toString();
  return search ? `/?${search}` : "/";
}
