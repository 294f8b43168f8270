import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Role } from "@/lib/auth/policy";

export interface DemoLogin {
  email: string;
  password: string;
  role: Role;
}

export const DEMO_PASSWORD = "factmark-demo";

export const DEMO_USERS: (DemoLogin & { name: string })[] = [
  { email: "admin@factmark.local", name: "Alex Admin", role: "ADMIN", password: DEMO_PASSWORD },
  { email: "editor@factmark.local", name: "Elise Éditrice", role: "EDITOR", password: DEMO_PASSWORD },
  { email: "reviewer@factmark.local", name: "Rémi Reviewer", role: "REVIEWER", password: DEMO_PASSWORD },
  { email: "reviewer2@factmark.local", name: "Rita Second", role: "REVIEWER", password: DEMO_PASSWORD },
];

const NBSP = "\u00a0";
const NNBSP = "\u202f";

/** The team's sample articles, with the typography real French copy has (NBSP before %, thin thousands). */
const DEMO_ARTICLES = [
  {
    file: "flotte-baltique.md",
    title: "Baltique : Moscou affirme avoir doublé ses patrouilles 🇷🇺, Londres conteste",
    outlet: "Le Quotidien du Nord",
    url: "https://example.org/monde/baltique-patrouilles",
    language: "fr" as const,
    publishedAt: "2026-11-15",
    fix: (s: string) => s.replaceAll("6 %", `6${NBSP}%`).replaceAll("1 200", `1${NNBSP}200`).replaceAll("13 000", `13${NNBSP}000`),
  },
  {
    file: "retraites-recrutement.md",
    title: "Industrie : six millions d’embauches d’ici 2030, un chiffre à nuancer",
    outlet: "L’Économie en clair",
    url: "https://example.org/economie/industrie-six-millions",
    language: "fr" as const,
    publishedAt: "2026-11-18",
    fix: (s: string) => s.replaceAll("87 %", `87${NBSP}%`).replaceAll("62 %", `62${NBSP}%`),
  },
  {
    file: "bus-punctuality.md",
    title: "Council says 87% of city buses now run on time",
    outlet: "City Herald",
    url: "https://example.org/local/bus-punctuality",
    language: "en" as const,
    publishedAt: "2026-11-20",
    fix: (s: string) => s,
  },
];

const here = path.dirname(fileURLToPath(import.meta.url));

async function hasUsers(): Promise<boolean> {
  const { db } = await import("@/lib/db");
  return (await db.user.count()) > 0;
}

/** Loads the demo seed into an empty database; a no-op when any user exists. */
export async function seedDemoIfEmpty(databaseUrl: string): Promise<{ seeded: boolean; logins: DemoLogin[] }> {
  process.env.DATABASE_URL ??= databaseUrl;
  if (await hasUsers()) return { seeded: false, logins: [] };
  const { createUser } = await import("@/lib/users/users");
  const { createArticle } = await import("@/lib/articles/create-article");
  const { createAnnotation } = await import("@/lib/annotations/create-annotation");
  const { updateAnnotation } = await import("@/lib/annotations/update-annotation");
  const { addComment } = await import("@/lib/annotations/comments");

  const users: Record<string, CurrentUser> = {};
  for (const u of DEMO_USERS) {
    const created = await createUser(null, u);
    users[u.role === "REVIEWER" && users.reviewer ? "reviewer2" : u.role.toLowerCase()] = { ...created, locale: null };
  }
  const { editor, reviewer, reviewer2 } = users;

  const articles = [];
  for (const a of DEMO_ARTICLES) {
    const body = a.fix(await readFile(path.join(here, "demo", a.file), "utf8"));
    articles.push(
      await createArticle(editor, {
        title: a.title,
        body,
        format: "markdown",
        url: a.url,
        outlet: a.outlet,
        language: a.language,
        publishedAt: a.publishedAt,
      }),
    );
  }

  // Every reviewer lands on a queue with work in it; the third article stays a draft.
  const { assignReviewer } = await import("@/lib/dashboard/assign-reviewer");
  await assignReviewer(editor, articles[0].id, reviewer.id);
  await assignReviewer(editor, articles[0].id, reviewer2.id);
  await assignReviewer(editor, articles[2].id, reviewer2.id);

  // A few annotations in different states, so the demo shows the whole workflow.
  const baltique = articles[0];
  const quote = (exact: string) => ({ exact });
  const { annotation: source } = await createAnnotation(reviewer, baltique.id, { kind: "source", target: quote("cité par l’agence TASS") });
  const { annotation: claim } = await createAnnotation(reviewer, baltique.id, {
    kind: "claim",
    target: quote("La marine russe aurait doublé en un an le nombre de ses patrouilles en mer Baltique"),
    sourceId: source.id,
  });
  const { annotation: figure } = await createAnnotation(reviewer, baltique.id, { kind: "figure", target: quote(`plus de 1${NNBSP}200 sorties`) });
  await updateAnnotation(reviewer, claim.id, {
    version: claim.version,
    status: "in_review",
    verdict: "misleading",
    rationale: "Les données britanniques et l’IISS montrent une hausse d’environ 30 %, pas un doublement.",
    note: "Demander le décompte mensuel au ministère britannique.",
    evidence: [{ url: "https://www.iiss.org/", title: "IISS – Military Balance", quote: "", note: "" }],
  });
  await addComment(reviewer2, claim.id, "Je relis la source britannique avant de valider.");
  const reviewedFigure = await updateAnnotation(reviewer, figure.id, { version: figure.version, status: "in_progress" });
  void reviewedFigure;

  const bus = articles[2];
  const { annotation: busClaim } = await createAnnotation(reviewer2, bus.id, { kind: "figure", target: quote("87% of buses ran on time last month") });
  const withVerdict = await updateAnnotation(reviewer2, busClaim.id, {
    version: busClaim.version,
    status: "in_review",
    verdict: "mostly_accurate",
    rationale: "The council's own data show 86.6%; evening services are worse.",
  });
  await updateAnnotation(reviewer, busClaim.id, { version: withVerdict.version, status: "verified" });

  return { seeded: true, logins: DEMO_USERS.map(({ email, password, role }) => ({ email, password, role })) };
}
