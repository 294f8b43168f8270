"use client";

import type { Editor } from "@tiptap/react";
import { useCallback, useEffect, useState } from "react";
import type { AnnotationDto, ArticleDto } from "@/lib/annotations/types";
import { apiFetch, ApiError } from "@/lib/client/api";

export interface ContentSaved {
  revision: number;
  anchored: number;
  drifted: number;
  orphaned: number;
  article: ArticleDto;
}

export type TextEditNotice =
  | { type: "saved"; revision: number; anchored: number; drifted: number; orphaned: number }
  | { type: "stale" }
  | { type: "error"; message: string };

/**
 * Editing the article text: opens the editor for typing, saves the document against the
 * revision it was loaded on, and warns before unsaved text is lost.
 */
export function useTextEditing({
  article,
  editorRef,
  onSaved,
}: {
  /** The canonical text is not needed here (the page leaves it out). */
  article: Omit<ArticleDto, "text">;
  editorRef: React.RefObject<Editor | null>;
  /** The new article and its annotations (every position may have moved). */
  onSaved: (article: ArticleDto, annotations: AnnotationDto[]) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<TextEditNotice | null>(null);
  /** Bumped to rebuild the editor from the saved document (cancel, or after a save). */
  const [generation, setGeneration] = useState(0);

  // Any change of the document while editing makes the text unsaved.
  useEffect(() => {
    const editor = editorRef.current;
    if (!editing || !editor) return;
    const onUpdate = () => setDirty(true);
    editor.on("update", onUpdate);
    return () => void editor.off("update", onUpdate);
  }, [editing, editorRef, generation]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const start = useCallback(() => {
    setNotice(null);
    setEditing(true);
  }, []);

  const cancel = useCallback(() => {
    setEditing(false);
    setDirty(false);
    setNotice(null);
    setGeneration((g) => g + 1);
  }, []);

  const save = useCallback(async () => {
    const editor = editorRef.current;
    if (!editor || saving) return;
    setSaving(true);
    try {
      const result = await apiFetch<ContentSaved>(`/api/v1/articles/${article.id}/content`, {
        method: "PUT",
        body: { content: editor.getJSON(), revision: article.revision },
      });
      const { items } = await apiFetch<{ items: AnnotationDto[] }>(`/api/v1/articles/${article.id}/annotations`);
      setDirty(false);
      setEditing(false);
      setNotice({ type: "saved", revision: result.revision, anchored: result.anchored, drifted: result.drifted, orphaned: result.orphaned });
      onSaved(result.article, items);
      setGeneration((g) => g + 1);
    } catch (error) {
      // The text stays as typed: a refusal never discards it.
      if (error instanceof ApiError && error.code === "revision_changed") setNotice({ type: "stale" });
      else setNotice({ type: "error", message: error instanceof Error ? error.message : String(error) });
    } finally {
      setSaving(false);
    }
  }, [article.id, article.revision, editorRef, onSaved, saving]);

  /** Reload after someone else saved; with unsaved text the browser asks first (beforeunload). */
  const reload = useCallback(() => window.location.reload(), []);

  return { editing, dirty, saving, notice, generation, start, cancel, save, reload, dismiss: () => setNotice(null) };
}
