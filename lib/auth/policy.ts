/**
 * Who may do what (DESIGN.md, "Who may do what"). The route wrapper, the services and the
 * UI all ask this module; nothing else decides a permission.
 */
import { AppError } from "@/lib/api/errors";

export type Role = "ADMIN" | "EDITOR" | "REVIEWER";

export interface Actor {
  id: string;
  role: Role;
}

export const ACTIONS = [
  "article.read",
  "article.export",
  "article.exportNotes",
  "article.create",
  "article.editText",
  "article.updateMetadata",
  "article.assign",
  "article.approve",
  "article.reopen",
  "annotation.create",
  "annotation.verify",
  "annotation.comment",
  "annotation.reanchor",
  "annotation.changeKind",
  "annotation.moveTarget",
  "annotation.delete",
  "user.manage",
  "token.manageOwn",
] as const;

export type Action = (typeof ACTIONS)[number];

/** What the action is done to: whose it is, when that matters. */
export interface Resource {
  ownerId?: string | null;
}

const EVERYONE: Role[] = ["ADMIN", "EDITOR", "REVIEWER"];
const EDITORS: Role[] = ["ADMIN", "EDITOR"];

type Rule = { roles: Role[]; orOwner?: boolean };

const RULES: Record<Action, Rule> = {
  "article.read": { roles: EVERYONE },
  "article.export": { roles: EVERYONE },
  "article.exportNotes": { roles: EDITORS },
  "article.create": { roles: EDITORS },
  "article.editText": { roles: EDITORS },
  "article.updateMetadata": { roles: EDITORS },
  "article.assign": { roles: EDITORS },
  "article.approve": { roles: EDITORS },
  "article.reopen": { roles: EDITORS },
  "annotation.create": { roles: EVERYONE },
  // Verification is collaborative: every reviewer works on every annotation.
  "annotation.verify": { roles: EVERYONE },
  "annotation.comment": { roles: EVERYONE },
  "annotation.reanchor": { roles: EVERYONE },
  // Changing what an annotation is or where it sits belongs to its author or an editor.
  "annotation.changeKind": { roles: EDITORS, orOwner: true },
  "annotation.moveTarget": { roles: EDITORS, orOwner: true },
  "annotation.delete": { roles: EDITORS, orOwner: true },
  "user.manage": { roles: ["ADMIN"] },
  "token.manageOwn": { roles: EVERYONE },
};

export function can(actor: Actor | null | undefined, action: Action, resource?: Resource): boolean {
  if (!actor) return false;
  const rule = RULES[action];
  if (rule.roles.includes(actor.role)) return true;
  return Boolean(rule.orOwner && resource?.ownerId && resource.ownerId === actor.id);
}

const REASONS: Partial<Record<Action, string>> = {
  "annotation.changeKind": "Only the annotation's author or an editor may change its kind",
  "annotation.moveTarget": "Only the annotation's author or an editor may move it",
  "annotation.delete": "Only the annotation's author or an editor may delete it",
  "user.manage": "Only admins manage users",
};

/** Throws unless `can(actor, action, resource)`. */
export function authorize(actor: Actor | null | undefined, action: Action, resource?: Resource): void {
  if (!can(actor, action, resource)) {
    throw new AppError("forbidden", REASONS[action] ?? `Your role may not do this (${action})`);
  }
}
