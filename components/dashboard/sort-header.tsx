import Link from "next/link";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import type { ArticleSort } from "@/lib/articles/schemas";
import { defaultSortDirection } from "@/lib/dashboard/article-order-sql";
import { dashboardHref, type DashboardState } from "@/lib/dashboard/dashboard-params";

/** A column header that sorts the list by its column; a second click reverses the order. */
export function SortHeader({ query, sort, label, sortLabel, className = "" }: { query: DashboardState; sort: ArticleSort; label: string; sortLabel: string; className?: string }) {
  const active = query.sort === sort;
  const dir = query.dir ?? defaultSortDirection(query.sort);
  const nextDir = active ? (dir === "asc" ? "desc" : "asc") : defaultSortDirection(sort);
  const Icon = !active ? ArrowUpDown : dir === "asc" ? ArrowUp : ArrowDown;
  return (
    <th scope="col" aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined} className={`px-3 py-2 ${className}`}>
      <Link
        href={dashboardHref(query, { sort, dir: nextDir === defaultSortDirection(sort) ? undefined : nextDir, page: undefined })}
        className="inline-flex items-center gap-1 hover:text-stone-950"
        title={sortLabel}
      >
        {label}
        <Icon aria-hidden="true" className={`h-3 w-3 ${active ? "text-stone-900" : "text-stone-500"}`} />
      </Link>
    </th>
  );
}
