import { describe, expect, it } from "vitest";
import type { AnnotationDto } from "@/lib/annotations/types";
import { countAnnotations, matchesFilters, nextMatching, NO_FILTERS } from "./filter-annotations";

const a = (id: string, extra: Partial<AnnotationDto>): AnnotationDto =>
  ({ id, kind: "claim", status: "unverified", verdict: null, anchor: "anchored", target: { start: 0, end: 1, exact: "x", prefix: "", suffix: "" }, author: { id: "u1", name: "Rémi" }, ...extra }) as AnnotationDto;

const list = [
  a("1", { status: "in_progress" }),
  a("2", { kind: "figure" }),
  a("3", { kind: "source", verdict: "accurate", author: { id: "u2", name: "Rita" } }),
  a("4", { anchor: "orphaned", target: { start: null, end: null, exact: "y", prefix: "", suffix: "" } }),
];

describe("sidebar filters", () => {
  it("filters by kind, status, verdict, author and detachment", () => {
    const ids = (f: Partial<typeof NO_FILTERS>) => list.filter((x) => matchesFilters(x, { ...NO_FILTERS, ...f })).map((x) => x.id);
    expect(ids({})).toEqual(["1", "2", "3", "4"]);
    expect(ids({ kinds: ["figure", "source"] })).toEqual(["2", "3"]);
    expect(ids({ statuses: ["unverified"], verdicts: ["none"] })).toEqual(["2", "4"]);
    expect(ids({ authorId: "u2" })).toEqual(["3"]);
    expect(ids({ detachedOnly: true })).toEqual(["4"]);
  });

  it("counts every facet in one pass", () => {
    expect(countAnnotations(list)).toMatchObject({ total: 4, kind: { claim: 2, figure: 1, source: 1 }, verdict: { none: 3, accurate: 1 }, detached: 1 });
  });

  it("finds the next and previous matching annotation, wrapping around", () => {
    expect(nextMatching(list, null, 1)?.id).toBe("1");
    expect(nextMatching(list, null, -1)?.id).toBe("4");
    expect(nextMatching(list, "4", 1)?.id).toBe("1");
    expect(nextMatching(list, "1", 1, (x) => x.status === "unverified")?.id).toBe("2");
    expect(nextMatching(list, "2", 1, (x) => x.kind === "claim")?.id).toBe("4");
    expect(nextMatching([], null, 1)).toBeNull();
  });
});
