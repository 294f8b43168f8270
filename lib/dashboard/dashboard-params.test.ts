import { describe, expect, it } from "vitest";
import { dashboardHref, parseDashboardParams } from "./dashboard-params";

describe("dashboard URL state", () => {
  it("reads filters from the URL and drops what does not parse", () => {
    const q = parseDashboardParams({ status: "in_review", outlet: "City Herald", hasFalse: "true", page: "x", view: "all", bogus: "1" });
    expect(q).toMatchObject({ status: "in_review", outlet: "City Herald", hasFalse: true, page: 1, sort: "activity" });
  });

  it("writes short, shareable links that read back to the same state", () => {
    const q = parseDashboardParams({ q: "recruter", language: "fr", sort: "false", page: "2" });
    const href = dashboardHref(q, { page: "1" });
    expect(href).toBe("/?q=recruter&language=fr&sort=false");
    const back = parseDashboardParams(Object.fromEntries(new URLSearchParams(href.slice(2))));
    expect(back).toEqual({ ...q, page: 1 });
  });
});
