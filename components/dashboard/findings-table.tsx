import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { AnnotationDto } from "@/lib/annotations/types";
import { safeUrl } from "@/lib/export/safe-url";
import { VerdictBadge } from "./verdict-badge";

/** Every claim and figure with where its verification stands and who did what. */
export async function FindingsTable({ articleId, annotations, numbers }: { articleId: string; annotations: AnnotationDto[]; numbers: Map<string, number> }) {
  const t = await getTranslations("dashboard");
  const format = await getFormatter();
  if (annotations.length === 0) return <p className="mt-2 text-sm text-stone-600">{t("verification.noFindings")}</p>;
  return (
    <div className="mt-2 overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table className="w-full text-left text-xs" data-testid="findings-table">
        <thead className="border-b border-stone-200 bg-stone-100 uppercase tracking-wide text-stone-600">
          <tr>
            <th scope="col" className="px-2 py-2">#</th>
            <th scope="col" className="px-2 py-2">{t("verification.col.kind")}</th>
            <th scope="col" className="px-2 py-2">{t("verification.col.passage")}</th>
            <th scope="col" className="px-2 py-2">{t("verification.col.status")}</th>
            <th scope="col" className="px-2 py-2">{t("verification.col.verdict")}</th>
            <th scope="col" className="px-2 py-2">{t("verification.col.rationale")}</th>
            <th scope="col" className="px-2 py-2">{t("verification.col.evidence")}</th>
            <th scope="col" className="px-2 py-2">{t("verification.col.signOff")}</th>
          </tr>
        </thead>
        <tbody>
          {annotations.map((a) => {
            const n = numbers.get(a.id);
            return (
              <tr key={a.id} id={`finding-${n}`} className="scroll-mt-20 border-b border-stone-100 align-top last:border-0 target:bg-amber-50">
                <th scope="row" className="px-2 py-2 font-semibold tabular-nums">{n}</th>
                <td className="px-2 py-2">{t(`kind.${a.kind}`)}</td>
                <td className="max-w-xs px-2 py-2">
                  <Link href={`/articles/${articleId}?annotation=${a.id}`} className="font-serif text-sm text-stone-900 underline-offset-2 hover:underline">
                    <q>{a.target.exact}</q>
                  </Link>
                  {a.anchor !== "anchored" && (
                    <span className={`ml-1 rounded px-1 py-0.5 font-medium ${a.anchor === "orphaned" ? "bg-amber-100 text-amber-900" : "bg-sky-100 text-sky-900"}`}>
                      {t(`anchor.${a.anchor}`)}
                    </span>
                  )}
                  <span className="mt-0.5 block text-stone-500">{t("verification.addedBy", { name: a.author.name })}</span>
                </td>
                <td className="whitespace-nowrap px-2 py-2">{t(`status.${a.status}`)}</td>
                <td className="px-2 py-2">
                  <VerdictBadge verdict={a.verdict} />
                  {a.verdictBy && <span className="mt-0.5 block text-stone-500">{t("verification.by", { name: a.verdictBy.name })}</span>}
                </td>
                <td className="max-w-xs px-2 py-2 text-stone-800">
                  {a.rationale || <span className="text-stone-500">—</span>}
                  {a.note && (
                    <span className="mt-1 block text-stone-600">
                      <span className="font-medium">{t("verification.internalNote")}</span> {a.note}
                    </span>
                  )}
                </td>
                <td className="max-w-[14rem] px-2 py-2">
                  {a.evidence.length === 0 ? (
                    <span className="text-stone-500">—</span>
                  ) : (
                    <ul className="space-y-0.5">
                      {a.evidence.map((e, i) => {
                        const href = safeUrl(e.url);
                        const label = e.title || e.url;
                        return (
                          <li key={i} className="break-words">
                            {href ? (
                              <a href={href} target="_blank" rel="noopener noreferrer" className="text-sky-800 underline underline-offset-2">
                                {label}
                              </a>
                            ) : (
                              label
                            )}
                          </li>
                        );
                      })}
                    </ul>
                  )}
                </td>
                <td className="whitespace-nowrap px-2 py-2">
                  {a.signedOffBy ? (
                    <>
                      <span className="font-medium text-emerald-800">{a.signedOffBy.name}</span>
                      {a.signedOffAt && <span className="block text-stone-500">{format.dateTime(new Date(a.signedOffAt), { dateStyle: "medium", timeStyle: "short" })}</span>}
                    </>
                  ) : (
                    <span className="text-stone-500">{t("verification.notSignedOff")}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
