"use client";

import { Download } from "lucide-react";
import { useTranslations } from "next-intl";
import { Suspense, use, type ComponentProps, type ComponentType } from "react";

/*
 * Parts of the workspace that the first picture of the article does not show: their code
 * (the card with its pickers, history and form validation, the sidebar list, the menus and
 * the shortcuts dialog) is loaded apart, so the page has less script to load and compile
 * before the article and its highlights are drawn. `preloadWorkspaceParts` fetches it all
 * once they are on screen, before anyone can click.
 */

/**
 * A component whose code is loaded on first use (or by `preload`). Unlike React.lazy, once
 * loaded it renders at once, without a detour through its Suspense fallback.
 */
function deferred<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<void> | null = null;
  const preload = () =>
    (loading ??= load().then(
      (component) => void (loaded = component),
      (error: unknown) => {
        loading = null; // a later render tries again
        throw error;
      },
    ));
  function Deferred(props: P) {
    if (!loaded) use(preload());
    const Loaded = loaded as ComponentType<P>;
    return <Loaded {...props} />;
  }
  return { Component: Deferred, preload };
}

const card = deferred(() => import("./annotation-card").then((m) => m.AnnotationCard));
const sidebar = deferred(() => import("./annotation-sidebar").then((m) => m.AnnotationSidebar));
const exportMenu = deferred(() => import("./export-menu").then((m) => m.ExportMenu));
const stackMenu = deferred(() => import("./stack-menu").then((m) => m.StackMenu));
const shortcutsHelp = deferred(() => import("./shortcuts-help").then((m) => m.ShortcutsHelp));

export function preloadWorkspaceParts(): void {
  for (const part of [sidebar, card, exportMenu, stackMenu, shortcutsHelp]) part.preload().catch(() => undefined);
}

export const AnnotationCard = card.Component;
export const AnnotationSidebar = sidebar.Component;
export const StackMenu = stackMenu.Component;
export const ShortcutsHelp = shortcutsHelp.Component;
const LoadedExportMenu = exportMenu.Component;

/** The export menu; until its code is there, its button, inactive. */
export function ExportMenu(props: ComponentProps<typeof LoadedExportMenu>) {
  return (
    <Suspense fallback={<ExportButtonPlaceholder />}>
      <LoadedExportMenu {...props} />
    </Suspense>
  );
}

function ExportButtonPlaceholder() {
  const t = useTranslations("editor.export");
  return (
    <button type="button" disabled className="flex items-center gap-1.5 rounded border border-stone-300 px-2 py-1 text-sm">
      <Download className="size-4" aria-hidden="true" />
      {t("button")}
    </button>
  );
}
