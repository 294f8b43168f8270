"use client";

import { Pencil, Save, X } from "lucide-react";
import { useTranslations } from "next-intl";
import type { TextEditNotice } from "./use-text-editing";

const button = "flex items-center gap-1.5 rounded border border-stone-300 px-2 py-1 text-sm hover:bg-stone-100 disabled:opacity-50";

/** The header's buttons to edit, save or cancel the article text. */
export function TextEditButtons({
  editing,
  dirty,
  saving,
  onStart,
  onSave,
  onCancel,
}: {
  editing: boolean;
  dirty: boolean;
  saving: boolean;
  onStart: () => void;
  onSave: () => void;
  onCancel: () => void;
}) {
  const t = useTranslations("editor.text");
  if (!editing)
    return (
      <button type="button" onClick={onStart} className={button}>
        <Pencil className="size-4" aria-hidden="true" />
        {t("edit")}
      </button>
    );
  return (
    <div className="flex items-center gap-2">
      {dirty && <span className="text-xs text-amber-800">{t("unsaved")}</span>}
      <button type="button" onClick={onSave} disabled={saving} className={`${button} bg-stone-900 text-white hover:bg-stone-800`}>
        <Save className="size-4" aria-hidden="true" />
        {saving ? t("saving") : t("save")}
      </button>
      <button type="button" onClick={onCancel} disabled={saving} className={button}>
        <X className="size-4" aria-hidden="true" />
        {t("cancel")}
      </button>
    </div>
  );
}

/** What the last save of the text did, or why it was refused. */
export function TextEditNoticeBar({ notice, onReload, onDismiss }: { notice: TextEditNotice; onReload: () => void; onDismiss: () => void }) {
  const t = useTranslations("editor.text");
  const tone = notice.type === "saved" ? "border-emerald-300 bg-emerald-50 text-emerald-950" : "border-amber-300 bg-amber-50 text-amber-950";
  return (
    <div role={notice.type === "saved" ? "status" : "alert"} className={`flex items-center gap-3 border-b px-4 py-2 text-sm ${tone}`} data-testid="text-notice">
      <p className="flex-1">
        {notice.type === "saved" && t("saved", notice)}
        {notice.type === "stale" && t("stale")}
        {notice.type === "error" && t("error", { message: notice.message })}
      </p>
      {notice.type === "stale" && (
        <button type="button" onClick={onReload} className="rounded bg-stone-900 px-2 py-1 text-xs font-medium text-white">
          {t("reload")}
        </button>
      )}
      <button type="button" onClick={onDismiss} className="underline">
        {t("dismiss")}
      </button>
    </div>
  );
}
