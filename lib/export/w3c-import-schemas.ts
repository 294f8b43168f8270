import { z } from "zod";
import { ANNO_CONTEXT } from "./w3c-types";

/**
 * The shapes the W3C importer accepts, looser than what the exporter writes: JSON-LD lets
 * most properties be one value or an array of values, and other tools add properties of
 * their own. Anything Factmark needs is checked strictly.
 */
const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.union([item, z.array(item)]).transform((v): z.output<T>[] => (Array.isArray(v) ? v : [v]));

const types = oneOrMany(z.string());
const node = z.looseObject({});

export const collectionSchema = z.looseObject({
  "@context": oneOrMany(z.union([z.string(), node])).refine((c) => c.includes(ANNO_CONTEXT), {
    message: `must include ${ANNO_CONTEXT}`,
  }),
  type: types.refine((t) => t.includes("AnnotationCollection"), { message: "must be AnnotationCollection" }),
  total: z.number().int().nonnegative().optional(),
  first: z.looseObject(
    {
      items: z.array(z.unknown()),
      next: z.undefined({ message: "paged collections are not supported: export the whole collection in one page" }).optional(),
    },
    { message: "must be an embedded AnnotationPage with its items" },
  ),
});

export const annotationSchema = z.looseObject({
  id: z.string().min(1),
  type: types.refine((t) => t.includes("Annotation"), { message: "must be Annotation" }),
  canonical: z.string().optional(),
  body: z.unknown().optional(),
  target: z.unknown().refine((t) => t !== undefined, { message: "is required" }),
});

const agent = z.union([z.string(), z.looseObject({ name: z.string().optional() })]);

export const textualBodySchema = z.looseObject({
  type: types.optional(),
  purpose: types.optional(),
  value: z.string(),
  language: z.string().optional(),
  creator: agent.optional(),
});

export const linkBodySchema = z.looseObject({
  purpose: types.optional(),
  source: z.union([z.string().min(1), z.looseObject({ id: z.string().min(1), type: types.optional(), label: z.string().optional() })]),
  selector: z.unknown().optional(),
});

export const selectorTypeSchema = z.looseObject({ type: z.string().optional() });

export const textQuoteSelectorSchema = z.looseObject({
  type: z.literal("TextQuoteSelector"),
  exact: z.string().min(1, { message: "must not be empty" }),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
});

export const textPositionSelectorSchema = z
  .looseObject({
    type: z.literal("TextPositionSelector"),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .refine((s) => s.end >= s.start, { message: "must be ≥ start", path: ["end"] });
