import sanitizeHtml from "sanitize-html";

/** Tags with a node or mark in the editor schema (h5 and h6 arrive here as h4). */
const SCHEMA_TAGS = [
  "p", "h1", "h2", "h3", "h4", "blockquote", "ul", "ol", "li", "pre", "hr", "br",
  "strong", "b", "em", "i", "u", "s", "strike", "del", "code", "a",
];

/**
 * Layout containers of CMS and Word HTML. They become plain <div>s so that the editor's
 * parser still ends a paragraph at their edges: discarded outright, two sibling boxes (or
 * two table cells) would run together into one word.
 */
const CONTAINERS = [
  "div", "section", "article", "header", "footer", "main", "aside", "nav", "figure",
  "figcaption", "address", "center", "details", "summary", "dl", "dt", "dd",
  "table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th",
];

/** Elements whose content is code, media or chrome, not article text: dropped whole. */
const NON_TEXT = [
  "script", "style", "textarea", "option", "select", "button", "noscript", "template",
  "head", "title", "iframe", "frame", "frameset", "noframes", "object", "embed", "applet",
  "svg", "math", "canvas", "video", "audio", "map", "picture",
];

/**
 * The typographic properties Google Docs and Word use instead of tags. Docs wraps a whole
 * paste in <b style="font-weight:normal"> and marks bold runs with styled spans, so
 * dropping styles would make everything bold and nothing else; the editor's parse rules
 * turn these into marks and no style reaches the document (the schema has no place for one).
 */
const MARK_STYLES = {
  "font-weight": [/^(normal|bold|bolder|lighter|[1-9]00)$/],
  "font-style": [/^(normal|italic|oblique)$/],
  "text-decoration": [/^[a-z -]+$/],
  "text-decoration-line": [/^[a-z -]+$/],
};

const LINK_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

/** Relative links would point into Factmark itself once imported: keep only absolute ones. */
function linkAttributes(href: string | undefined): sanitizeHtml.Attributes {
  if (!href) return {};
  try {
    const url = new URL(href.trim());
    return LINK_PROTOCOLS.has(url.protocol) ? { href: href.trim() } : {};
  } catch {
    return {};
  }
}

/**
 * Deeper tags are dropped (their text stays). Article HTML, even a whole page's, is a few
 * dozen levels deep; thousands of levels would overflow the stack of the recursive steps
 * after this one (the DOM and ProseMirror parsers, the JSON of the document).
 */
const MAX_NESTING = 128;

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...SCHEMA_TAGS, "span", "div"],
  allowedAttributes: { a: ["href"], ol: ["start"], "*": ["style"] },
  allowedStyles: { "*": MARK_STYLES },
  allowedSchemes: [...LINK_PROTOCOLS].map((protocol) => protocol.slice(0, -1)),
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  nonTextTags: NON_TEXT,
  nestingLimit: MAX_NESTING,
  transformTags: {
    h5: "h4",
    h6: "h4",
    ins: "u",
    kbd: "code",
    samp: "code",
    tt: "code",
    a: (tagName, attribs) => ({ tagName, attribs: linkAttributes(attribs.href) }),
    ...Object.fromEntries(CONTAINERS.map((tag) => [tag, "div"])),
  },
};

/**
 * Reduces imported HTML to the article markup the editor schema can hold. Scripts, event
 * handlers, embeds, images, classes and every other attribute are removed; links keep an
 * absolute http(s) or mailto href only.
 */
export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}
