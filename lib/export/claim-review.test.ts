import { describe, expect, it } from "vitest";
import { englishInput, claimTroops } from "./__fixtures__/english-article";
import {
  claimKremlin,
  claimLosses,
  claimNeutralised,
  figureLosses,
  figurePoll,
  figureUkrainians,
  frenchInput,
  orphanClaim,
} from "./__fixtures__/french-article";
import { serializeJsonLd } from "./serialize-json-ld";
import { toClaimReview, type ClaimReviewJsonLd } from "./to-claim-review";

const reviews = toClaimReview(frenchInput);
const reviewOf = (id: string): ClaimReviewJsonLd => {
  const found = reviews.find((r) => r.url.endsWith(`#annotation-${id}`));
  if (!found) throw new Error(`no review for ${id}`);
  return found;
};

describe("ClaimReview export", () => {
  it("has one review per claim or figure with a verdict, in document order, sources and open ones left out", () => {
    expect(reviews.map((r) => r.url.split("#annotation-")[1])).toEqual([
      claimLosses.id,
      figureLosses.id,
      claimNeutralised.id,
      figureUkrainians.id,
      figurePoll.id,
      claimKremlin.id,
      orphanClaim.id,
    ]);
    for (const review of reviews) {
      expect(review["@context"]).toBe("https://schema.org");
      expect(review["@type"]).toBe("ClaimReview");
    }
  });

  it("shortens the claim to 75 characters at a word boundary, with an ellipsis", () => {
    const { claimReviewed } = reviewOf(claimLosses.id);
    expect(Array.from(claimReviewed).length).toBeLessThanOrEqual(75);
    expect(claimReviewed).toBe("L’armée russe aurait perdu près de 280.000 soldats depuis le début de…");
    expect(reviewOf(figurePoll.id).claimReviewed).toBe("87\u00a0%");
  });

  it("rates on the documented 1–5 scale with the verdict's French name", () => {
    expect(reviewOf(claimLosses.id).reviewRating).toEqual({
      "@type": "Rating",
      ratingValue: 4,
      bestRating: 5,
      worstRating: 1,
      alternateName: "Plutôt exact",
    });
    expect(reviewOf(figureLosses.id).reviewRating).toMatchObject({ ratingValue: 2, alternateName: "Trompeur" });
    expect(reviewOf(figureUkrainians.id).reviewRating).toMatchObject({ ratingValue: 1, alternateName: "Faux" });
    expect(reviewOf(figurePoll.id).reviewRating).toMatchObject({ ratingValue: 5, alternateName: "Exact" });
  });

  it("publishes an unverifiable claim by name alone, off the truth scale", () => {
    const rating = reviewOf(claimNeutralised.id).reviewRating;
    expect(rating).toEqual({ "@type": "Rating", bestRating: 5, worstRating: 1, alternateName: "Invérifiable" });
    expect(rating).not.toHaveProperty("ratingValue");
  });

  it("uses English names for an English article", () => {
    const [review] = toClaimReview(englishInput);
    expect(review.reviewRating).toMatchObject({ ratingValue: 2, alternateName: "Misleading" });
    expect(review.inLanguage).toBe("en");
    expect(review.author).toEqual({ "@type": "Organization", name: "Example Fact Check", url: "https://factcheck.example.com" });
  });

  it("points to the verification page in Factmark, or to the configured fact-check page", () => {
    expect(reviewOf(claimLosses.id).url).toBe(
      `http://localhost:3000/articles/${frenchInput.article.id}/verification#annotation-${claimLosses.id}`,
    );
    const configured = toClaimReview({
      ...frenchInput,
      options: { ...frenchInput.options, factCheckBaseUrl: "https://verif.example.org/verifications/{articleId}" },
    });
    expect(configured[0].url).toBe(`https://verif.example.org/verifications/${frenchInput.article.id}#annotation-${claimLosses.id}`);
  });

  it("describes the claim: where it appeared, who said it, when", () => {
    expect(reviewOf(claimLosses.id).itemReviewed).toEqual({
      "@type": "Claim",
      appearance: {
        "@type": "CreativeWork",
        url: frenchInput.article.url,
        headline: frenchInput.article.title,
        publisher: { "@type": "Organization", name: "Le Quotidien d’Exemple" },
      },
      author: { "@type": "Organization", name: "selon les services britanniques" },
      datePublished: "2025-03-01T06:30:00.000Z",
    });
    expect(reviewOf(claimNeutralised.id).itemReviewed.author).toEqual({ "@type": "Organization", name: "cité par l’agence TASS" });
    expect(reviewOf(figurePoll.id).itemReviewed).not.toHaveProperty("author");
    const [english] = toClaimReview(englishInput);
    expect(english.itemReviewed.appearance).not.toHaveProperty("url");
    expect(english.itemReviewed).not.toHaveProperty("datePublished");
  });

  it("dates the review at its sign-off, or at its last change when not signed off", () => {
    expect(reviewOf(claimLosses.id).datePublished).toBe(claimLosses.signedOffAt);
    expect(reviewOf(figurePoll.id).datePublished).toBe(figurePoll.updatedAt);
    expect(toClaimReview(englishInput)[0].datePublished).toBe(claimTroops.signedOffAt);
  });

  it("carries the public rationale and nothing internal", () => {
    expect(reviewOf(claimLosses.id).reviewBody).toBe(claimLosses.rationale);
    const json = serializeJsonLd(toClaimReview({ ...frenchInput, options: { ...frenchInput.options, includeNotes: true } }));
    for (const secret of ["ne pas publier", "HYPERLINK", "réponse attendue", "Marie Dubois", "Karim Benali", "Capture d’écran"]) {
      expect(json).not.toContain(secret);
    }
  });
});
