"use client";

import { useTranslations } from "next-intl";
import { Toast } from "radix-ui";

export interface WorkspaceToast {
  id: string;
  tone: "info" | "error";
  title: string;
  body?: string;
  /** An "Undo" action (the delete toast). */
  undo?: () => void;
}

/** How long the Undo of a delete stays offered. */
export const UNDO_MS = 6_000;

export function WorkspaceToasts({ toasts, onDismiss }: { toasts: WorkspaceToast[]; onDismiss: (id: string) => void }) {
  const t = useTranslations("editor.toast");
  return (
    <>
      {toasts.map((toast) => (
        <Toast.Root
          key={toast.id}
          duration={toast.undo ? UNDO_MS : 10_000}
          type={toast.tone === "error" ? "foreground" : "background"}
          onOpenChange={(open) => !open && onDismiss(toast.id)}
          className={`flex items-start gap-3 rounded-md px-3 py-2 text-sm shadow-lg ring-1 ${toast.tone === "error" ? "bg-red-50 text-red-950 ring-red-300" : "bg-stone-900 text-white ring-stone-700"}`}
          data-testid={toast.undo ? "undo-toast" : "error-toast"}
        >
          <div className="min-w-0 flex-1">
            <Toast.Title className="font-medium">{toast.title}</Toast.Title>
            {toast.body && <Toast.Description className="mt-0.5 text-xs opacity-90">{toast.body}</Toast.Description>}
          </div>
          {toast.undo && (
            <Toast.Action altText={t("undoAlt")} asChild>
              <button type="button" onClick={toast.undo} className="rounded bg-white px-2 py-0.5 text-xs font-semibold text-stone-900 hover:bg-stone-200">
                {t("undo")}
              </button>
            </Toast.Action>
          )}
          <Toast.Close aria-label={t("close")} className="text-xs underline opacity-80">
            {t("close")}
          </Toast.Close>
        </Toast.Root>
      ))}
      <Toast.Viewport className="fixed bottom-4 right-4 z-50 flex w-[min(24rem,92vw)] flex-col gap-2 outline-none" label={t("region")} />
    </>
  );
}
