import type { Node as PmNode } from "@tiptap/pm/model";
import { validationFailed } from "@/lib/api/errors";
import { parseDocument } from "@/lib/editor/schema";

/** NFC-normalizes every text node, as imports do, so offsets mean the same everywhere. */
function normalizeText(json: unknown): unknown {
  if (Array.isArray(json)) return json.map(normalizeText);
  if (json && typeof json === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(json)) {
      out[key] = key === "text" && typeof value === "string" ? value.normalize("NFC") : normalizeText(value);
    }
    return out;
  }
  return json;
}

/**
 * Validates editor JSON against the one shared schema (the same extension list the
 * browser editor uses). Anything the editor could not hold is a 422 naming `content`.
 */
export function parseContent(json: unknown): { doc: PmNode; content: unknown } {
  const content = normalizeText(json);
  try {
    const doc = parseDocument(content);
    return { doc, content: doc.toJSON() };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw validationFailed({ content: `is not a valid document for the editor: ${reason}` }, "The content is not a valid editor document");
  }
}
