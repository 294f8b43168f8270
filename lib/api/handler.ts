import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { authenticateRequest, type AuthMethod, type CurrentUser } from "@/lib/auth/current-user";
import { authorize, type Action } from "@/lib/auth/policy";
import { AppError } from "./errors";
import { isCrossOrigin } from "./origin";
import { zodFields } from "./zod-errors";
import { toAppError } from "./prisma-errors";
import { isUuid } from "@/lib/ids";

/** Default limit for JSON request bodies; routes that take whole articles raise it. */
export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

type Schema = z.ZodType | undefined;
type Infer<S extends Schema> = S extends z.ZodType ? z.infer<S> : undefined;

export interface RouteContext<B extends Schema, Q extends Schema> {
  req: NextRequest;
  actor: CurrentUser;
  authMethod: AuthMethod;
  body: Infer<B>;
  query: Infer<Q>;
  params: Record<string, string>;
}

export interface RouteConfig<B extends Schema, Q extends Schema> {
  /** Route-level permission, checked before the body is read. Resource checks happen in lib/. */
  action?: Action;
  body?: B;
  query?: Q;
  maxBodyBytes?: number;
}

type Handler<B extends Schema, Q extends Schema> = (ctx: RouteContext<B, Q>) => Promise<Response | object>;

export function errorResponse(error: AppError): NextResponse {
  return NextResponse.json(error.toJSON(), {
    status: error.status,
    headers: error.status === 503 ? { "Retry-After": "2" } : undefined,
  });
}

async function readJson(req: NextRequest, maxBytes: number): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new AppError("too_large", `Request body is over ${maxBytes} bytes`);
  const type = req.headers.get("content-type") ?? "";
  if (type && !/^application\/(ld\+)?json\b/i.test(type)) {
    throw new AppError("unsupported_media_type", `Send JSON (Content-Type: application/json), not ${type}`);
  }
  const raw = await req.arrayBuffer();
  if (raw.byteLength > maxBytes) throw new AppError("too_large", `Request body is over ${maxBytes} bytes`);
  const text = new TextDecoder().decode(raw);
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("malformed_json", "The request body is not valid JSON");
  }
}

function parseQuery(req: NextRequest, schema: z.ZodType): unknown {
  const raw = Object.fromEntries(req.nextUrl.searchParams.entries());
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const fields = zodFields(parsed.error);
    throw new AppError("bad_parameter", `Invalid query parameter: ${Object.entries(fields).map(([k, v]) => `${k} (${v})`).join(", ")}`, { fields });
  }
  return parsed.data;
}

/**
 * The one wrapper every /api/v1 route handler goes through: authenticate (Bearer token or
 * session cookie), refuse cross-site cookie requests, check the route's permission, parse
 * query and body with zod, and turn typed errors into the error JSON of API.md.
 */
export function apiRoute<B extends Schema = undefined, Q extends Schema = undefined>(
  config: RouteConfig<B, Q>,
  handler: Handler<B, Q>,
) {
  return async (req: NextRequest, ctx: { params: Promise<Record<string, string>> }): Promise<Response> => {
    try {
      const { user, method } = await authenticateRequest(req);
      if (!user || !method) {
        throw new AppError("unauthenticated", method === "token" ? "The API token is invalid, expired or revoked" : "Sign in or send an API token");
      }
      if (method === "session" && isCrossOrigin(req)) {
        throw new AppError("cross_origin", "Cross-site requests are refused");
      }
      if (config.action) authorize(user, config.action);
      const query = config.query ? parseQuery(req, config.query) : undefined;
      let body: unknown;
      if (config.body) {
        const json = await readJson(req, config.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
        const parsed = config.body.safeParse(json);
        if (!parsed.success) {
          const fields = zodFields(parsed.error);
          throw new AppError("validation_failed", `Invalid request: ${Object.entries(fields).map(([k, v]) => `${k} ${v}`).join("; ")}`, { fields });
        }
        body = parsed.data;
      }
      const params = (await ctx.params) ?? {};
      // Ids are UUIDs: anything else names nothing we have.
      if (params.id !== undefined && !isUuid(params.id)) throw new AppError("not_found", "Not found");
      const result = await handler({
        req,
        actor: user,
        authMethod: method,
        body: body as Infer<B>,
        query: query as Infer<Q>,
        params,
      });
      return result instanceof Response ? result : NextResponse.json(result);
    } catch (error) {
      const appError = toAppError(error);
      if (appError) return errorResponse(appError);
      console.error("Unhandled error in", req.method, req.nextUrl.pathname, error);
      return NextResponse.json({ error: { code: "internal", message: "Something went wrong on our side" } }, { status: 500 });
    }
  };
}

export const json = (data: unknown, status = 200) => NextResponse.json(data, { status });
export const noContent = () => new Response(null, { status: 204 });
