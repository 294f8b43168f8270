"use client";

import { Download } from "lucide-react";
import { useTranslations } from "next-intl";
import { DropdownMenu } from "radix-ui";

const FORMATS = ["w3c", "claimreview", "html", "markdown", "csv"] as const;

const itemClass = "block rounded px-2 py-1 text-sm outline-none data-[highlighted]:bg-stone-100";

/** Downloads of the article's annotations in every export format; editors may include the internal notes. */
export function ExportMenu({ articleId, withNotes }: { articleId: string; withNotes: boolean }) {
  const t = useTranslations("editor.export");
  const href = (format: string, notes: boolean) =>
    `/api/v1/articles/${articleId}/export?format=${format}${notes ? "&includeNotes=true" : ""}`;
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger className="flex items-center gap-1.5 rounded border border-stone-300 px-2 py-1 text-sm hover:bg-stone-100">
        <Download className="size-4" aria-hidden="true" />
        {t("button")}
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={4} className="z-50 min-w-56 rounded border border-stone-200 bg-white p-1 shadow-lg">
          {FORMATS.map((format) => (
            <DropdownMenu.Item key={format} asChild>
              <a href={href(format, false)} download className={itemClass}>
                {t(`format.${format}`)}
              </a>
            </DropdownMenu.Item>
          ))}
          {withNotes && (
            <>
              <DropdownMenu.Separator className="my-1 h-px bg-stone-200" />
              <DropdownMenu.Label className="px-2 py-1 text-xs font-medium text-stone-600">{t("withNotes")}</DropdownMenu.Label>
              {FORMATS.map((format) => (
                <DropdownMenu.Item key={`${format}-notes`} asChild>
                  <a href={href(format, true)} download className={itemClass}>
                    {t("formatWithNotes", { format: t(`format.${format}`) })}
                  </a>
                </DropdownMenu.Item>
              ))}
            </>
          )}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
