import { apiRoute, json } from "@/lib/api/handler";
import { addComment, listComments } from "@/lib/annotations/comments";
import { commentSchema } from "@/lib/annotations/schemas";

export const GET = apiRoute({}, async ({ actor, params }) => ({ items: await listComments(actor, params.id) }));

export const POST = apiRoute({ action: "annotation.comment", body: commentSchema }, async ({ actor, params, body }) => {
  const { comment, created } = await addComment(actor, params.id, body.body, body.id);
  return json(comment, created ? 201 : 200);
});
