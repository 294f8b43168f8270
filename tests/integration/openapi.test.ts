import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/openapi.json/route";

describe("OpenAPI document", () => {
  it("describes every annotation and article endpoint with request schemas from zod", async () => {
    const doc = (await GET().json()) as { openapi: string; paths: Record<string, Record<string, { requestBody?: unknown }>> };
    expect(doc.openapi).toBe("3.1.0");
    for (const path of ["/api/v1/articles", "/api/v1/articles/{id}/annotations", "/api/v1/annotations/{id}", "/api/v1/articles/{id}/export", "/api/v1/stream"]) {
      expect(doc.paths).toHaveProperty([path]);
    }
    expect(JSON.stringify(doc.paths["/api/v1/articles/{id}/annotations"].post.requestBody)).toContain("verdict");
  });
});
