import { describe, expect, it } from "vitest";
import { ACTIONS, can, type Action, type Role } from "./policy";

const ME = "11111111-1111-4111-8111-111111111111";
const OTHER = "22222222-2222-4222-8222-222222222222";

// The whole table, role × action × (own | other's). Y = allowed, N = refused.
// Columns: ADMIN own, ADMIN other, EDITOR own, EDITOR other, REVIEWER own, REVIEWER other.
const TABLE: Record<Action, string> = {
  "article.read": "YYYYYY",
  "article.export": "YYYYYY",
  "article.exportNotes": "YYYYNN",
  "article.create": "YYYYNN",
  "article.editText": "YYYYNN",
  "article.updateMetadata": "YYYYNN",
  "article.assign": "YYYYNN",
  "article.approve": "YYYYNN",
  "article.reopen": "YYYYNN",
  "annotation.create": "YYYYYY",
  "annotation.verify": "YYYYYY",
  "annotation.comment": "YYYYYY",
  "annotation.reanchor": "YYYYYY",
  "annotation.changeKind": "YYYYYN",
  "annotation.moveTarget": "YYYYYN",
  "annotation.delete": "YYYYYN",
  "user.manage": "YYNNNN",
  "token.manageOwn": "YYYYYY",
};

const ROLES: Role[] = ["ADMIN", "EDITOR", "REVIEWER"];

describe("permission policy", () => {
  it("covers every action", () => {
    expect(Object.keys(TABLE).sort()).toEqual([...ACTIONS].sort());
  });

  for (const action of ACTIONS) {
    ROLES.forEach((role, r) => {
      (["own", "other"] as const).forEach((whose, w) => {
        const expected = TABLE[action][r * 2 + w] === "Y";
        it(`${role} ${expected ? "may" : "may not"} ${action} on ${whose}`, () => {
          const resource = { ownerId: whose === "own" ? ME : OTHER };
          expect(can({ id: ME, role }, action, resource)).toBe(expected);
        });
      });
    });
  }

  it("refuses everything to nobody", () => {
    for (const action of ACTIONS) expect(can(null, action)).toBe(false);
  });

  it("does not treat a missing owner as the actor's own", () => {
    expect(can({ id: ME, role: "REVIEWER" }, "annotation.delete", { ownerId: null })).toBe(false);
    expect(can({ id: ME, role: "REVIEWER" }, "annotation.delete")).toBe(false);
  });
});
