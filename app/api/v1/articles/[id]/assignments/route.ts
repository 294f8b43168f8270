import { apiRoute, json, noContent } from "@/lib/api/handler";
import { assignReviewer } from "@/lib/dashboard/assign-reviewer";
import { listAssignments } from "@/lib/dashboard/list-assignments";
import { assignmentBody } from "@/lib/dashboard/schemas";
import { unassignReviewer } from "@/lib/dashboard/unassign-reviewer";

export const GET = apiRoute({}, async ({ actor, params }) => ({ items: await listAssignments(actor, params.id) }));

export const POST = apiRoute({ action: "article.assign", body: assignmentBody }, async ({ actor, params, body }) => {
  const result = await assignReviewer(actor, params.id, body.userId);
  return json(result, result.created ? 201 : 200);
});

export const DELETE = apiRoute({ action: "article.assign", body: assignmentBody }, async ({ actor, params, body }) => {
  await unassignReviewer(actor, params.id, body.userId);
  return noContent();
});
