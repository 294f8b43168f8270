"use client";

import { X } from "lucide-react";
import { useTranslations } from "next-intl";
import { Dialog } from "radix-ui";
import { SHORTCUTS } from "./shortcuts";

export function ShortcutsHelp({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const t = useTranslations("editor.shortcuts");
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/30" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-50 max-h-[85vh] w-[min(34rem,92vw)] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-white p-5 shadow-xl">
          <div className="flex items-start justify-between">
            <Dialog.Title className="text-lg font-semibold">{t("title")}</Dialog.Title>
            <Dialog.Close className="rounded p-1 hover:bg-stone-100" aria-label={t("close")}>
              <X className="size-4" aria-hidden="true" />
            </Dialog.Close>
          </div>
          <Dialog.Description className="mt-1 text-sm text-stone-600">{t("intro")}</Dialog.Description>
          <table className="mt-3 w-full text-sm">
            <tbody>
              {SHORTCUTS.map((s) => (
                <tr key={s.action} className="border-t border-stone-100 align-top">
                  <td className="whitespace-nowrap py-1.5 pr-4">
                    {s.keys.map((k, i) => (
                      <span key={k}>
                        {i > 0 && <span className="text-stone-400"> / </span>}
                        <kbd className="rounded border border-stone-300 bg-stone-50 px-1.5 py-0.5 font-mono text-xs">{k}</kbd>
                      </span>
                    ))}
                  </td>
                  <td className="py-1.5 text-stone-800">{t(`actions.${s.action}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
