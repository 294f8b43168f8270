"use client";

import { Check, Link2, Trash2, TriangleAlert, Unlink, X } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { Tabs } from "radix-ui";
import { MAX_NOTE_LENGTH } from "@/lib/annotations/limits";
import type { AnnotationDto } from "@/lib/annotations/types";
import { can, type Actor } from "@/lib/auth/policy";
import type { AnnotationPatch, OutboxConflict, OutboxOp, OutboxRejection } from "@/lib/client/outbox-types";
import type { CommentDto } from "@/lib/annotations/types";
import { CardTextField } from "./card-text-field";
import { CommentThread } from "./comment-thread";
import { ConflictPanel } from "./conflict-panel";
import { EvidenceList } from "./evidence-list";
import { HistoryList } from "./history-list";
import { KindPicker } from "./kind-picker";
import { SourceLink } from "./source-link";
import { StatusPicker } from "./status-picker";
import type { Labels } from "./use-labels";
import { VerdictPicker } from "./verdict-picker";

export function AnnotationCard({
  ref,
  annotation,
  saved,
  all,
  actor,
  labels,
  conflict,
  rejections,
  pendingComments,
  sentComments,
  quote,
  onUpdate,
  onReattach,
  onDelete,
  onComment,
  onResolveConflict,
  onDismissRejection,
  onSelect,
  onClose,
}: {
  /** The card itself (focusable), so a shortcut can move focus into it. */
  ref?: React.Ref<HTMLElement>;
  annotation: AnnotationDto;
  /** The server has this annotation (its creation is not still in the outbox). */
  saved: boolean;
  all: AnnotationDto[];
  actor: Actor;
  labels: Labels;
  conflict: OutboxConflict | undefined;
  rejections: OutboxRejection[];
  pendingComments: Extract<OutboxOp, { type: "comment" }>[];
  sentComments: CommentDto[];
  quote: (start: number, end: number) => string;
  onUpdate: (patch: AnnotationPatch) => void;
  /** Re-attaches a detached annotation to the text selected in the article; absent while nothing is selected. */
  onReattach?: () => void;
  onDelete: () => void;
  onComment: (body: string) => void;
  onResolveConflict: (choice: "mine" | "theirs") => void;
  onDismissRejection: (rejection: OutboxRejection) => void;
  onSelect: (id: string) => void;
  onClose: () => void;
}) {
  const t = useTranslations("editor.card");
  // The "revision N" message lives at editor.onRevision, not under editor.card.
  const tEditor = useTranslations("editor");
  const format = useFormatter();
  const owner = { ownerId: annotation.author.id };
  const detached = annotation.target.start === null || annotation.anchor === "orphaned";
  return (
    <article ref={ref} tabIndex={-1} aria-labelledby="card-title" data-annotation-id={annotation.id} className="space-y-4 p-4 outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-blue-700" data-testid="annotation-card">
      <header className="flex items-start gap-2">
        <div className="min-w-0 flex-1">
          <h2 id="card-title" className="flex items-center gap-1.5 text-base font-semibold">
            <span className={`fm-swatch fm-kind-${annotation.kind}`} aria-hidden="true" />
            {labels.kind(annotation.kind)}
          </h2>
          <p className="text-xs text-stone-600">
            {t("createdBy", { name: annotation.author.name })} ·{" "}
            <time dateTime={annotation.createdAt}>{format.dateTime(new Date(annotation.createdAt), { dateStyle: "medium", timeStyle: "short" })}</time> ·{" "}
            {tEditor("onRevision", { revision: annotation.revision })}
          </p>
        </div>
        {can(actor, "annotation.delete", owner) && (
          <button type="button" onClick={onDelete} className="rounded p-1 text-stone-600 hover:bg-red-50 hover:text-red-800" aria-label={t("delete")} title={t("deleteHint")}>
            <Trash2 className="size-4" aria-hidden="true" />
          </button>
        )}
        <button type="button" onClick={onClose} className="rounded p-1 text-stone-600 hover:bg-stone-100" aria-label={t("close")}>
          <X className="size-4" aria-hidden="true" />
        </button>
      </header>

      <blockquote className={`border-l-4 pl-3 text-sm fm-row-${annotation.kind} ${detached ? "italic text-stone-600" : "text-stone-900"}`}>{annotation.target.exact}</blockquote>
      {detached && (
        <p className="flex items-start gap-1.5 rounded bg-stone-100 px-2 py-1 text-xs text-stone-700">
          <Unlink className="mt-0.5 size-3.5 shrink-0" aria-hidden="true" />
          <span className="flex-1">{t("detached")}</span>
        </p>
      )}
      {detached && can(actor, "annotation.reanchor") && (
        <div className="space-y-1">
          <button
            type="button"
            onClick={onReattach}
            disabled={!onReattach}
            className="inline-flex items-center gap-1 rounded bg-white px-1.5 py-0.5 text-xs font-medium ring-1 ring-stone-300 disabled:opacity-50"
          >
            <Link2 className="size-3.5" aria-hidden="true" />
            {t("reattach")}
          </button>
          {!onReattach && <p className="text-xs text-stone-600">{t("reattachHint")}</p>}
        </div>
      )}
      {annotation.anchor === "drifted" && (
        <div className="flex items-start gap-2 rounded bg-sky-50 px-2 py-1 text-xs text-sky-950 ring-1 ring-sky-200">
          <p className="flex-1">{t("drifted")}</p>
          {can(actor, "annotation.reanchor") && (
            <button type="button" onClick={() => onUpdate({ anchor: "anchored" })} className="inline-flex items-center gap-1 rounded bg-white px-1.5 py-0.5 font-medium ring-1 ring-sky-300">
              <Check className="size-3.5" aria-hidden="true" />
              {t("confirmPosition")}
            </button>
          )}
        </div>
      )}

      {conflict && <ConflictPanel conflict={conflict} all={all} labels={labels} quote={quote} onResolve={onResolveConflict} />}

      {rejections.map((r, i) => (
        <div key={`${r.op.opId}-${i}`} role="alert" className="flex items-start gap-2 rounded bg-red-50 px-2 py-1.5 text-xs text-red-900 ring-1 ring-red-300">
          <TriangleAlert className="mt-0.5 size-3.5 shrink-0" aria-hidden="true" />
          <p className="flex-1">
            <span className="font-semibold">{t("refused")}</span> {r.message}
          </p>
          <button type="button" className="underline" onClick={() => onDismissRejection(r)}>
            {t("dismiss")}
          </button>
        </div>
      ))}

      <KindPicker value={annotation.kind} allowed={can(actor, "annotation.changeKind", owner)} labels={labels} onChange={(kind) => onUpdate({ kind })} />
      <StatusPicker annotation={annotation} actor={actor} labels={labels} onChange={(status) => onUpdate({ status })} />
      <VerdictPicker annotation={annotation} labels={labels} onChange={(verdict) => onUpdate({ verdict })} />
      <SourceLink annotation={annotation} all={all} labels={labels} onChange={(sourceId) => onUpdate({ sourceId })} onSelect={onSelect} />
      <CardTextField label={t("note")} hint={t("noteHint")} value={annotation.note} maxLength={MAX_NOTE_LENGTH} onCommit={(note) => onUpdate({ note })} />
      <CardTextField label={t("rationale")} hint={t("rationaleHint")} value={annotation.rationale} maxLength={MAX_NOTE_LENGTH} onCommit={(rationale) => onUpdate({ rationale })} />
      <EvidenceList items={annotation.evidence} onChange={(evidence) => onUpdate({ evidence })} />

      <Tabs.Root defaultValue="comments">
        <Tabs.List aria-label={t("activity")} className="flex gap-1 border-b border-stone-200 text-sm">
          <Tabs.Trigger value="comments" className="border-b-2 border-transparent px-2 py-1 data-[state=active]:border-stone-900 data-[state=active]:font-semibold">
            {t("comments")}
          </Tabs.Trigger>
          <Tabs.Trigger value="history" className="border-b-2 border-transparent px-2 py-1 data-[state=active]:border-stone-900 data-[state=active]:font-semibold">
            {t("history")}
          </Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content value="comments" className="pt-2">
          <CommentThread annotationId={annotation.id} saved={saved} pending={pendingComments} sent={sentComments} onSend={onComment} />
        </Tabs.Content>
        <Tabs.Content value="history" className="pt-2">
          <HistoryList annotationId={annotation.id} saved={saved} version={annotation.version} labels={labels} />
        </Tabs.Content>
      </Tabs.Root>
    </article>
  );
}
