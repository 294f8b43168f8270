/**
 * The review state of generated annotations, seeded: which kind a passage is tagged as, how
 * far its verification went, the verdict, notes, evidence, who did what and when. The same
 * records become database rows (COPY) or API DTOs (the export scenario).
 */
import { buildQuoteSelector } from "../../lib/anchoring/quote-selector";
import { codePointIndex } from "../../lib/anchoring/code-points";
import type {
  AnchorState,
  AnnotationDto,
  AnnotationKind,
  AnnotationStatus,
  CommentDto,
  EvidenceDto,
  UserRef,
  Verdict,
} from "../../lib/annotations/types";
import type { Language, Span } from "./news";
import type { Random } from "./random";

export interface AnnotationRecord {
  id: string;
  kind: AnnotationKind;
  status: AnnotationStatus;
  verdict: Verdict | null;
  /** Code point offsets into the canonical text; null for an orphan. */
  start: number | null;
  end: number | null;
  /** Code unit offsets of the same range (what re-anchoring works with). */
  unitStart: number;
  unitEnd: number;
  exact: string;
  prefix: string;
  suffix: string;
  anchor: AnchorState;
  note: string;
  rationale: string;
  author: number;
  verdictBy: number | null;
  signedOffBy: number | null;
  signedOffAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  evidence: EvidenceDto[];
}

const KIND_OF: Record<Span["role"], AnnotationKind> = { figure: "figure", source: "source", claim: "claim" };

const NOTES: Record<Language, readonly string[]> = {
  fr: [
    "Vérifier auprès du service de presse.",
    "Chiffre repris sans source primaire.",
    "Comparer avec les données de l’Insee 2024.",
    "La source citée ne mentionne pas ce chiffre.",
    "Demande envoyée au ministère, sans réponse.",
  ],
  en: [
    "Check with the press office.",
    "Figure repeated without a primary source.",
    "Compare with the 2024 ONS release.",
    "The cited source does not mention this figure.",
    "Request sent to the ministry, no answer yet.",
  ],
};

const RATIONALES: Record<Language, readonly string[]> = {
  fr: [
    "Le chiffre officiel publié est sensiblement différent.",
    "Conforme au rapport annuel publié en mars.",
    "Arrondi, mais l’ordre de grandeur est juste.",
    "Aucune donnée publique ne permet de le confirmer.",
  ],
  en: [
    "The official published figure is markedly different.",
    "Matches the annual report published in March.",
    "Rounded, but the order of magnitude is right.",
    "No public data allows this to be confirmed.",
  ],
};

const EVIDENCE_SITES = ["https://www.insee.fr/fr/statistiques", "https://www.ons.gov.uk/releases", "https://data.europa.eu/fr", "https://www.who.int/data"];

export interface RecordOptions {
  language: Language;
  /** How many people may author, set verdicts and sign off (indexes into the caller's list). */
  people: number;
  /** Dates are spread over the 90 days before this. */
  now: Date;
  /** Share of orphans and of drifted annotations. */
  orphaned?: number;
  drifted?: number;
}

/** Annotation records for `spans` of `text`, in document order. */
export function annotationRecords(rng: Random, text: string, spans: readonly Span[], options: RecordOptions): AnnotationRecord[] {
  const index = codePointIndex(text);
  const { people, now, language } = options;
  const day = 86_400_000;
  return spans.map((span): AnnotationRecord => {
    const kind = KIND_OF[span.role];
    const status = rng.weighted([
      ["unverified", 40],
      ["in_progress", 25],
      ["in_review", 15],
      ["verified", 20],
    ] as const);
    const hasVerdict = status === "verified" || status === "in_review" || (status === "in_progress" && rng.chance(0.5));
    const verdict: Verdict | null =
      kind === "source" && !hasVerdict
        ? null
        : hasVerdict
          ? rng.weighted([
              ["accurate", 45],
              ["mostly_accurate", 20],
              ["misleading", 15],
              ["false", 12],
              ["unverifiable", 8],
            ] as const)
          : null;
    const author = rng.int(0, people - 1);
    const verdictBy = verdict ? rng.int(0, people - 1) : null;
    // A sign-off is a second person's.
    const signedOffBy = status === "verified" && verdictBy !== null ? (verdictBy + 1 + rng.int(0, people - 2)) % people : null;
    const createdAt = new Date(now.getTime() - rng.int(1, 90) * day - rng.int(0, day - 1));
    const updatedAt = new Date(Math.min(now.getTime() - 60_000, createdAt.getTime() + rng.int(0, 20) * day));
    const signedOffAt = signedOffBy !== null ? new Date(Math.max(createdAt.getTime(), now.getTime() - rng.int(0, 45) * day - rng.int(0, day - 1))) : null;
    const orphan = rng.chance(options.orphaned ?? 0);
    const drifted = !orphan && rng.chance(options.drifted ?? 0);
    const selector = buildQuoteSelector(text, span.start, span.end);
    return {
      id: rng.uuid(),
      kind,
      status: kind === "source" && status === "verified" && !verdict ? "in_review" : status,
      verdict,
      start: orphan ? null : index.toCodePoint(span.start),
      end: orphan ? null : index.toCodePoint(span.end),
      unitStart: span.start,
      unitEnd: span.end,
      ...selector,
      anchor: orphan ? "orphaned" : drifted ? "drifted" : "anchored",
      note: rng.chance(0.4) ? rng.pick(NOTES[language]) : "",
      rationale: verdict ? rng.pick(RATIONALES[language]) : "",
      author,
      verdictBy,
      signedOffBy,
      signedOffAt,
      version: 1 + (status === "unverified" ? 0 : rng.int(1, 4)),
      createdAt,
      updatedAt,
      evidence: rng.chance(0.3)
        ? Array.from({ length: rng.int(1, 2) }, (_, i) => ({
            url: `${rng.pick(EVIDENCE_SITES)}/${rng.hex(8)}`,
            title: language === "fr" ? `Source officielle n°${i + 1}` : `Official source #${i + 1}`,
            quote: selector.exact.slice(0, 60),
            note: "",
          }))
        : [],
    };
  });
}

/** The records as the API returns them, for exporters that never touch the database. */
export function toDtos(records: readonly AnnotationRecord[], articleId: string, people: readonly UserRef[], revision = 1): AnnotationDto[] {
  const ref = (i: number | null) => (i === null ? null : people[i]);
  return records.map((r) => ({
    id: r.id,
    articleId,
    kind: r.kind,
    status: r.status,
    verdict: r.verdict,
    target: { start: r.start, end: r.end, exact: r.exact, prefix: r.prefix, suffix: r.suffix },
    anchor: r.anchor,
    note: r.note,
    rationale: r.rationale,
    sourceId: null,
    evidence: r.evidence,
    author: people[r.author],
    verdictBy: ref(r.verdictBy),
    signedOffBy: ref(r.signedOffBy),
    signedOffAt: r.signedOffAt?.toISOString() ?? null,
    revision,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }));
}

/** A comment thread on some of the annotations (what the W3C export carries as commenting bodies). */
export function commentThreads(rng: Random, records: readonly AnnotationRecord[], people: readonly UserRef[], language: Language): Record<string, CommentDto[]> {
  const threads: Record<string, CommentDto[]> = {};
  for (const r of records) {
    if (!rng.chance(0.05)) continue;
    threads[r.id] = Array.from({ length: rng.int(1, 3) }, (_, i) => ({
      id: rng.uuid(),
      annotationId: r.id,
      author: rng.pick(people),
      body: language === "fr" ? `Je regarde ça (${i + 1}).` : `Looking into it (${i + 1}).`,
      createdAt: new Date(r.createdAt.getTime() + (i + 1) * 3_600_000).toISOString(),
    }));
  }
  return threads;
}
