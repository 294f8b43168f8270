import { VERDICT_RATING } from "@/lib/annotations/types";
import { attributedSource } from "./attributed-source";
import { claimReviewUrl } from "./claim-review-url";
import { byDocumentOrder } from "./document-order";
import { exportLabels } from "./labels";
import { safeUrl } from "./safe-url";
import { shortenClaim } from "./shorten-claim";
import type { ExportInput } from "./types";

/** One schema.org ClaimReview (https://schema.org/ClaimReview) as Google's fact-check markup reads it. */
export interface ClaimReviewJsonLd {
  "@context": "https://schema.org";
  "@type": "ClaimReview";
  url: string;
  claimReviewed: string;
  reviewBody?: string;
  inLanguage: string;
  datePublished: string;
  author: { "@type": "Organization"; name: string; url: string };
  reviewRating: {
    "@type": "Rating";
    ratingValue?: number;
    bestRating: 5;
    worstRating: 1;
    alternateName: string;
  };
  itemReviewed: {
    "@type": "Claim";
    appearance: { "@type": "CreativeWork"; url?: string; headline: string; publisher?: { "@type": "Organization"; name: string } };
    author?: { "@type": "Organization"; name: string };
    datePublished?: string;
  };
}

/**
 * One ClaimReview per claim or figure that has a verdict, in document order. Public
 * fields only: the rationale is the review's body; the internal note, comments and
 * reviewers never appear. The rating follows VERDICT_RATING; a verdict without a place
 * on the truth scale (unverifiable) is published by its name alone, without a number,
 * as Google's markup allows (alternateName is the required part of the rating).
 */
export function toClaimReview(input: ExportInput): ClaimReviewJsonLd[] {
  const { article, options } = input;
  const labels = exportLabels(article.language);
  const articleUrl = safeUrl(article.url);
  return [...input.annotations]
    .filter((a) => a.kind !== "source" && a.verdict !== null)
    .sort(byDocumentOrder)
    .map((a): ClaimReviewJsonLd => {
      const verdict = a.verdict ?? "unverifiable";
      const rating = VERDICT_RATING[verdict];
      const source = attributedSource(input.annotations, a);
      const reviewed = a.status === "verified" && a.signedOffAt ? a.signedOffAt : a.updatedAt;
      return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        url: claimReviewUrl(options, article.id, a.id),
        claimReviewed: shortenClaim(a.target.exact),
        ...(a.rationale.trim() ? { reviewBody: a.rationale.trim() } : {}),
        inLanguage: article.language,
        datePublished: reviewed,
        author: { "@type": "Organization", name: options.organization.name, url: options.organization.url },
        reviewRating: {
          "@type": "Rating",
          ...(rating === null ? {} : { ratingValue: rating }),
          bestRating: 5,
          worstRating: 1,
          alternateName: labels.verdict[verdict],
        },
        itemReviewed: {
          "@type": "Claim",
          appearance: {
            "@type": "CreativeWork",
            ...(articleUrl ? { url: articleUrl } : {}),
            headline: article.title,
            ...(article.outlet ? { publisher: { "@type": "Organization", name: article.outlet } } : {}),
          },
          // Who is quoted is not known to be a person or an organization; schema.org's
          // Claim.author takes either, and attributions are most often institutions.
          ...(source ? { author: { "@type": "Organization", name: source.target.exact.replace(/\s+/g, " ").trim() } } : {}),
          ...(article.publishedAt ? { datePublished: article.publishedAt } : {}),
        },
      };
    });
}
