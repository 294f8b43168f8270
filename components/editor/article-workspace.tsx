"use client";

import type { Editor } from "@tiptap/react";
import { useTranslations } from "next-intl";
import { Toast } from "radix-ui";
import { Suspense, use, useCallback, useMemo, useRef, useState, useSyncExternalStore } from "react";
import type { AnnotationDto, AnnotationKind, ArticleDto, UserRef } from "@/lib/annotations/types";
import { can, type Role } from "@/lib/auth/policy";
import type { OutboxOp } from "@/lib/client/outbox-types";
import { useArticleStream } from "@/lib/live/use-article-stream";
import type { Highlight } from "@/lib/editor/annotation-decorations";
import { editorSchema } from "@/lib/editor/schema";
import { unpackAnnotations } from "./annotation-payload";
import { afterNextPaint } from "./after-paint";
import { AnnotationEditor, type HighlightPainter, type TextSelection } from "./annotation-editor";
import { EmptyCard } from "./empty-card";
import { NO_FILTERS, matchesFilters, nextMatching, type AnnotationFilters } from "./filter-annotations";
import { AnnotationCard, AnnotationSidebar, ExportMenu, preloadWorkspaceParts, ShortcutsHelp, StackMenu } from "./lazy-parts";
import { SelectionToolbar } from "./selection-toolbar";
import { TextEditButtons, TextEditNoticeBar } from "./text-edit-bar";
import { textMap, trimRange, type TextMap } from "./text-map";
import { useAnnotationStore } from "./use-annotation-store";
import { useLabels, type Labels } from "./use-labels";
import { useReviewShortcuts } from "./use-review-shortcuts";
import { useTextEditing } from "./use-text-editing";
import { WorkspaceHeader } from "./workspace-header";
import { WorkspaceLoading } from "./workspace-loading";
import { WorkspaceToasts, type WorkspaceToast } from "./workspace-toasts";
import "./annotation-highlights.css";

type CommentOp = Extract<OutboxOp, { type: "comment" }>;

/** How an annotation is drawn in the text, or null when it has no place there. */
function highlightOf(
  a: Pick<AnnotationDto, "id" | "kind" | "status" | "verdict" | "anchor"> & { target: Pick<AnnotationDto["target"], "start" | "end"> },
  map: TextMap,
  tags: HighlightTags,
): Highlight | null {
  if (a.target.start === null || a.target.end === null || a.anchor === "orphaned") return null;
  const { from, to } = map.toPosRange(a.target.start, a.target.end);
  const { label, badge } = tags(a);
  return { id: a.id, from, to, kind: a.kind, status: a.status, verdict: a.verdict, drifted: a.anchor === "drifted", label, badge };
}

type HighlightTags = (a: Pick<AnnotationDto, "kind" | "status" | "verdict">) => { label: string; badge: string };

/** The spoken label and the badge of each kind × status × verdict, formatted once each (not 2,000 times). */
function highlightTags(labels: Labels): HighlightTags {
  const known = new Map<string, { label: string; badge: string }>();
  return (a) => {
    const key = `${a.kind}|${a.status}|${a.verdict}`;
    let tags = known.get(key);
    if (!tags) {
      tags = { label: labels.describe(a), badge: labels.badge(a) };
      known.set(key, tags);
    }
    return tags;
  };
}

export interface WorkspaceUser extends UserRef {
  role: Role;
}

type WorkspaceProps = Parameters<typeof Workspace>[0];

const subscribeNever = () => () => {};

/**
 * The workspace is drawn in the browser only (its editor is anyway): the server sends the
 * page at once with a placeholder, and the annotations follow in the same response, so the
 * browser loads and starts the scripts meanwhile instead of waiting for a server render of
 * thousands of annotations it would redo while hydrating.
 */
export function ArticleWorkspace(props: WorkspaceProps) {
  const inBrowser = useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
  return inBrowser ? <Workspace {...props} /> : <WorkspaceLoading title={props.article.title} />;
}

/** Holds the place of the list or the card while its code loads. */
function PanelLoading() {
  return <div aria-busy="true" className="min-h-0 flex-1" />;
}

/** The reviewer's workspace: the article with its highlights, the annotation list and the selected annotation's card. */
function Workspace({
  article: loadedArticle,
  annotations: packedAnnotations,
  team,
  user,
  liveSince,
}: {
  /** The article without its canonical text, which the workspace derives from the document. */
  article: Omit<ArticleDto, "text">;
  /**
   * Its annotations, packed (annotation-payload.ts); a promise, so the page can send the rest
   * (and the browser start on the scripts) while they are loaded.
   */
  annotations: Promise<string> | string;
  team: UserRef[];
  user: WorkspaceUser;
  /** Cursor of the live stream at render time, so no change made meanwhile is missed. */
  liveSince?: string;
}) {
  const t = useTranslations("editor");
  // The text may be edited and saved here: the workspace then holds the new revision.
  const [article, setArticle] = useState(loadedArticle);
  const packed = typeof packedAnnotations === "string" ? packedAnnotations : use(packedAnnotations);
  const labels = useLabels();
  const map = useMemo(() => textMap(editorSchema().nodeFromJSON(article.content)), [article.content]);
  // Unpacked with the text they were packed for (quotes are read from it): once, on arrival.
  const [initialAnnotations] = useState(() => unpackAnnotations(packed, loadedArticle.id, map.selector));
  const actor = useMemo(() => ({ id: user.id, role: user.role }), [user.id, user.role]);
  const me = useMemo(() => ({ id: user.id, name: user.name }), [user.id, user.name]);
  const [toasts, setToasts] = useState<WorkspaceToast[]>([]);
  const toast = useCallback((item: Omit<WorkspaceToast, "id">) => setToasts((list) => [...list, { ...item, id: crypto.randomUUID() }]), []);
  const store = useAnnotationStore({
    articleId: article.id,
    revision: article.revision,
    initial: initialAnnotations,
    user: me,
    map,
    // The card shows the refusals of its annotation too; a toast tells about every one.
    onRejected: (r) => toast({ tone: "error", title: t("toast.refused"), body: r.message }),
  });

  const [chosenId, setSelectedId] = useState<string | null>(null);
  const [textSelection, setTextSelection] = useState<TextSelection | null>(null);
  const [stack, setStack] = useState<{ ids: string[]; at: { x: number; y: number } } | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  // The dialog is mounted once first opened (its code is loaded apart), then stays.
  const [helpShown, setHelpShown] = useState(false);
  if (helpOpen && !helpShown) setHelpShown(true);
  const [filters, setFilters] = useState<AnnotationFilters>(NO_FILTERS);
  const editorRef = useRef<Editor | null>(null);
  const cardRef = useRef<HTMLElement>(null);
  // The list, the card's code and the menus wait until the article and its highlights are
  // on screen: the first picture needs none of them.
  const [settled, setSettled] = useState(false);
  const onReady = useCallback((editor: Editor | null) => {
    editorRef.current = editor;
    if (editor)
      afterNextPaint(() => {
        setSettled(true);
        preloadWorkspaceParts();
      });
  }, []);
  const painterRef = useRef<HighlightPainter>(null);
  const { replaceAll, create } = store;
  const onTextSaved = useCallback(
    (next: Omit<ArticleDto, "text">, items: AnnotationDto[]) => {
      setArticle(next);
      replaceAll(items);
      setTextSelection(null);
    },
    [replaceAll],
  );
  const textEdit = useTextEditing({ article, editorRef, onSaved: onTextSaved });
  const editable = textEdit.editing;

  // Changes by others arrive live; an edit of the text itself needs a reload to be shown.
  const [textEditedBy, setTextEditedBy] = useState<string | null>(null);
  const { presence } = useArticleStream(
    article.id,
    (event) => {
      if (event.type === "annotation") store.applyLive(event);
      else if (event.action === "text_edited" && event.actor.id !== user.id) setTextEditedBy(event.actor.name);
    },
    { since: liveSince },
  );
  const others = presence.filter((p) => p.id !== user.id);

  // A selected annotation that disappears (deleted, its creation refused) is no longer selected.
  const selected = chosenId ? store.byId.get(chosenId) : undefined;
  const selectedId = selected ? selected.id : null;
  const visible = useMemo(() => store.annotations.filter((a) => matchesFilters(a, filters)), [store.annotations, filters]);

  const tags = useMemo(() => highlightTags(labels), [labels]);
  const highlights = useMemo<Highlight[]>(
    () =>
      store.annotations.flatMap((a) => {
        const highlight = highlightOf(a, map, tags);
        return highlight ? [highlight] : [];
      }),
    [store.annotations, map, tags],
  );

  const select = useCallback((id: string | null, scroll = true) => {
    setSelectedId(id);
    setStack(null);
    if (!id || !scroll) return;
    requestAnimationFrame(() => {
      const mark = editorRef.current?.view.dom.querySelector(`mark[data-annotation-id="${CSS.escape(id)}"]`);
      mark?.scrollIntoView({ block: "center", behavior: "smooth" });
    });
  }, []);

  const selectAndScroll = useCallback((id: string) => select(id), [select]);

  const tag = useCallback(
    (kind: AnnotationKind): boolean => {
      const editor = editorRef.current;
      if (!textSelection || !editor) return false;
      // Offsets are those of the saved text: unsaved changes would shift them.
      if (textEdit.dirty) {
        toast({ tone: "error", title: t("text.saveBeforeTagging") });
        return true;
      }
      const raw = map.toOffsets(textSelection.from, textSelection.to);
      const { start, end } = trimRange(map, raw.start, raw.end);
      if (start >= end) return false;
      // Drawn in this very frame; the list, the card, the outbox (storage) and the request
      // follow once it is on screen.
      const id = crypto.randomUUID();
      const drawn = highlightOf({ id, kind, status: "unverified", verdict: null, anchor: "anchored", target: { start, end } }, map, tags);
      const painter = painterRef.current;
      if (drawn && painter) painter.drawNow(drawn, textSelection.to);
      else editor.commands.setTextSelection(textSelection.to);
      setTextSelection(null);
      afterNextPaint(() => {
        create(kind, start, end, id);
        painter?.settle(id);
        select(id, false);
      });
      return true;
    },
    [create, map, select, t, tags, textEdit.dirty, textSelection, toast],
  );

  const remove = useCallback((): boolean => {
    if (!selected) return false;
    if (!can(actor, "annotation.delete", { ownerId: selected.author.id })) {
      toast({ tone: "error", title: t("toast.deleteNotAllowed") });
      return true;
    }
    const deleted = store.remove(selected.id);
    setSelectedId(null);
    if (deleted) toast({ tone: "info", title: t("toast.deleted", { kind: labels.kind(deleted.annotation.kind) }), undo: () => store.undoRemove(deleted) });
    return true;
  }, [actor, labels, selected, store, t, toast]);

  const adjust = useCallback(
    (edge: "start" | "end", direction: -1 | 1): boolean => {
      if (editable || !selected || textSelection || selected.target.start === null || selected.target.end === null) return false;
      if (!can(actor, "annotation.moveTarget", { ownerId: selected.author.id }) && selected.anchor === "anchored") {
        toast({ tone: "error", title: t("toast.moveNotAllowed") });
        return true;
      }
      let { start, end } = selected.target;
      if (edge === "start") start = map.step(start, direction);
      else end = map.step(end, direction);
      if (start < end) store.update(selected.id, { target: { start, end, revision: article.revision } });
      return true;
    },
    [actor, article.revision, editable, map, selected, store, t, textSelection, toast],
  );

  useReviewShortcuts({
    textEditable: editable,
    tag,
    next: () => select(nextMatching(visible, selectedId, 1)?.id ?? null),
    previous: () => select(nextMatching(visible, selectedId, -1)?.id ?? null),
    nextUnverified: () => {
      const next = nextMatching(visible, selectedId, 1, (a) => a.status === "unverified");
      if (next) select(next.id);
      else toast({ tone: "info", title: t("toast.noUnverified") });
    },
    adjust,
    remove,
    escape: () => {
      if (!selectedId) return false;
      setSelectedId(null);
      return true;
    },
    openCard: () => {
      if (!selectedId) return false;
      cardRef.current?.focus();
      return true;
    },
    help: () => setHelpOpen(true),
  });

  /** Re-attaches a detached annotation to the text selected in the article (same conversion as creating one). */
  const reattach = useCallback(() => {
    if (!selected || !textSelection || textEdit.dirty) return;
    const raw = map.toOffsets(textSelection.from, textSelection.to);
    const { start, end } = trimRange(map, raw.start, raw.end);
    if (start >= end) return;
    store.update(selected.id, { target: { start, end, revision: article.revision } });
    setTextSelection(null);
  }, [article.revision, map, selected, store, textEdit.dirty, textSelection]);

  const conflict = selected ? store.snapshot.conflicts.find((c) => c.annotationId === selected.id) : undefined;

  return (
    <Toast.Provider swipeDirection="right" label={t("toast.region")}>
      <main className="flex h-[calc(100vh-3.3rem)] min-h-[32rem] flex-col" data-testid="workspace">
        <WorkspaceHeader
          article={article}
          others={others}
          snapshot={store.snapshot}
          textEditedBy={textEditedBy}
          onRetry={store.retryNow}
          onShowConflict={(id) => select(id)}
          onHelp={() => setHelpOpen(true)}
          actions={
            <>
              {can(actor, "article.editText") && (
                <TextEditButtons
                  editing={textEdit.editing}
                  dirty={textEdit.dirty}
                  saving={textEdit.saving}
                  onStart={textEdit.start}
                  onSave={() => void textEdit.save()}
                  onCancel={textEdit.cancel}
                />
              )}
              <ExportMenu articleId={article.id} withNotes={can(actor, "article.exportNotes")} />
            </>
          }
          notice={textEdit.notice && <TextEditNoticeBar notice={textEdit.notice} onReload={textEdit.reload} onDismiss={textEdit.dismiss} />}
        />
        <div className="grid min-h-0 flex-1 grid-cols-1 lg:grid-cols-[minmax(0,1fr)_19rem_25rem]">
          <div className="min-h-0 overflow-y-auto bg-white">
            <div className="mx-auto max-w-[68ch] px-6 py-8">
              <AnnotationEditor
                key={textEdit.generation}
                content={article.content}
                editable={editable}
                label={t("editorLabel", { title: article.title })}
                highlights={highlights}
                activeId={selectedId}
                onReady={onReady}
                painterRef={painterRef}
                onSelection={setTextSelection}
                onPick={(ids, at) => {
                  if (ids.length === 1) select(ids[0], false);
                  else setStack({ ids, at });
                }}
              >
                {textSelection && <SelectionToolbar anchor={textSelection.anchor} labels={labels} onTag={tag} />}
              </AnnotationEditor>
            </div>
          </div>
          <aside aria-label={t("sidebar.title")} className="flex min-h-0 flex-col border-l border-stone-200 bg-stone-50">
            {settled ? (
              <Suspense fallback={<PanelLoading />}>
                <AnnotationSidebar
                  all={store.annotations}
                  visible={visible}
                  filters={filters}
                  onFilters={setFilters}
                  team={team}
                  selectedId={selectedId}
                  pendingIds={store.pendingIds}
                  labels={labels}
                  onSelect={selectAndScroll}
                />
              </Suspense>
            ) : (
              <PanelLoading />
            )}
          </aside>
          <section aria-label={t("card.region")} className="min-h-0 overflow-y-auto border-l border-stone-200 bg-stone-50">
            {selected ? (
              <Suspense fallback={<PanelLoading />}>
                <AnnotationCard
                  key={selected.id}
                  ref={cardRef}
                  annotation={selected}
                  saved={!store.snapshot.ops.some((o) => o.type === "create" && o.annotationId === selected.id)}
                  all={store.annotations}
                  actor={actor}
                  labels={labels}
                  conflict={conflict}
                  rejections={store.rejections.filter((r) => r.op.annotationId === selected.id)}
                  pendingComments={store.snapshot.ops.filter((o): o is CommentOp => o.type === "comment" && o.annotationId === selected.id)}
                  sentComments={store.sentComments}
                  quote={map.quote}
                  onUpdate={(patch) => store.update(selected.id, patch)}
                  onReattach={textSelection && !textEdit.dirty ? reattach : undefined}
                  onDelete={remove}
                  onComment={(body) => store.comment(selected.id, body)}
                  onResolveConflict={(choice) => store.resolveConflict(selected.id, choice)}
                  onDismissRejection={store.dismissRejection}
                  onSelect={(id) => select(id)}
                  onClose={() => setSelectedId(null)}
                />
              </Suspense>
            ) : (
              <EmptyCard labels={labels} />
            )}
          </section>
        </div>
      </main>
      {stack && (
        <Suspense fallback={null}>
          <StackMenu
            at={stack.at}
            annotations={stack.ids.map((id) => store.byId.get(id)).filter((a): a is AnnotationDto => Boolean(a))}
            labels={labels}
            onPick={(id) => select(id, false)}
            onClose={() => setStack(null)}
          />
        </Suspense>
      )}
      {helpShown && (
        <Suspense fallback={null}>
          <ShortcutsHelp open={helpOpen} onOpenChange={setHelpOpen} />
        </Suspense>
      )}
      <WorkspaceToasts toasts={toasts} onDismiss={(id) => setToasts((list) => list.filter((x) => x.id !== id))} />
    </Toast.Provider>
  );
}
