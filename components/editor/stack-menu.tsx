"use client";

import { useTranslations } from "next-intl";
import { DropdownMenu } from "radix-ui";
import type { AnnotationDto } from "@/lib/annotations/types";
import type { Labels } from "./use-labels";

const excerpt = (text: string, max = 48) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Where several annotations are stacked under a click, the person picks one. */
export function StackMenu({
  at,
  annotations,
  labels,
  onPick,
  onClose,
}: {
  at: { x: number; y: number };
  annotations: AnnotationDto[];
  labels: Labels;
  onPick: (id: string) => void;
  onClose: () => void;
}) {
  const t = useTranslations("editor");
  return (
    <DropdownMenu.Root open onOpenChange={(open) => !open && onClose()} modal={false}>
      <DropdownMenu.Trigger asChild>
        <span aria-hidden="true" className="pointer-events-none fixed size-px" style={{ left: at.x, top: at.y }} />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="start"
          sideOffset={6}
          className="z-50 max-w-sm rounded-md border border-stone-200 bg-white p-1 text-sm shadow-lg"
          aria-label={t("stackMenu")}
        >
          <DropdownMenu.Label className="px-2 py-1 text-xs text-stone-500">{t("stackMenu")}</DropdownMenu.Label>
          {annotations.map((a) => (
            <DropdownMenu.Item
              key={a.id}
              onSelect={() => onPick(a.id)}
              className="flex cursor-pointer items-start gap-2 rounded px-2 py-1.5 outline-none data-[highlighted]:bg-stone-100"
            >
              <span className={`fm-swatch fm-kind-${a.kind} mt-1`} aria-hidden="true" />
              <span>
                <span className="font-semibold">{labels.describe(a)}</span>
                <span className="block text-xs text-stone-600">“{excerpt(a.target.exact)}”</span>
              </span>
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
