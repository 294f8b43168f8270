/**
 * The HTML export's only stylesheet, inlined so that the file opens offline. Kinds differ
 * by hue and by underline pattern; nested highlights get deeper padding so that every
 * underline stays visible. Print keeps the highlight colours and spells out link targets.
 */
export const HTML_STYLES = `
:root { color-scheme: light; --claim: #1d4ed8; --claim-bg: #dbeafe; --figure: #b45309; --figure-bg: #fef3c7;
  --source: #047857; --source-bg: #d1fae5; --muted: #57606a; --rule: #d0d7de; }
* { box-sizing: border-box; }
body { margin: 2rem auto; max-width: 46rem; padding: 0 1rem; color: #1f2328; background: #fff;
  font: 17px/1.65 Georgia, "Times New Roman", serif; }
header, .legend, .claims, .findings, .detached, footer { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; font-size: 15px; }
h1 { font-size: 1.9rem; line-height: 1.25; margin: 0.2rem 0 0.5rem; }
.kicker, .meta, footer { color: var(--muted); }
.kicker { text-transform: uppercase; letter-spacing: 0.06em; font-size: 0.8rem; margin: 0; }
.legend { border: 1px solid var(--rule); border-radius: 6px; padding: 0.5rem 1rem; margin: 1.5rem 0; }
.legend h2 { font-size: 1rem; margin: 0.3rem 0; }
.legend ul { list-style: none; padding: 0; margin: 0.3rem 0; display: flex; flex-wrap: wrap; gap: 0.4rem 1.5rem; }
.article { margin: 2rem 0; }
.article blockquote { border-left: 3px solid var(--rule); margin-left: 0; padding-left: 1rem; color: #333; }
.article pre { background: #f6f8fa; padding: 0.75rem; overflow-x: auto; white-space: pre-wrap; }
mark.hl { color: inherit; padding: 0 0 2px; }
mark.hl-claim { background: var(--claim-bg); border-bottom: 2px solid var(--claim); }
mark.hl-figure { background: var(--figure-bg); border-bottom: 4px double var(--figure); }
mark.hl-source { background: var(--source-bg); border-bottom: 2px dotted var(--source); }
mark.hl mark.hl { padding-bottom: 6px; }
mark.hl mark.hl mark.hl { padding-bottom: 10px; }
sup.ref { font-family: system-ui, sans-serif; font-size: 0.7em; line-height: 0; }
sup.ref a, .findings a, .claims a { color: var(--claim); }
a:focus-visible { outline: 2px solid #0969da; outline-offset: 2px; }
h2 { font-size: 1.25rem; margin-top: 2.5rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid var(--rule); padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
.findings ol, .detached ol { list-style: none; padding: 0; }
.finding { border-top: 1px solid var(--rule); padding: 0.6rem 0; }
.finding p { margin: 0.3rem 0; }
.finding-quote { font-family: Georgia, serif; font-style: italic; }
.num { font-weight: 700; margin-right: 0.3rem; }
.badge { display: inline-block; white-space: nowrap; border: 1px solid currentColor; border-radius: 999px; padding: 0 0.5rem; font-size: 0.8rem; }
.kind-claim { color: var(--claim); } .kind-figure { color: var(--figure); } .kind-source { color: var(--source); }
.verdict-accurate, .verdict-mostly_accurate { background: #dafbe1; color: #116329; }
.verdict-misleading { background: #fff1e5; color: #953800; }
.verdict-false { background: #ffebe9; color: #a40e26; }
.verdict-unverifiable, .verdict-none { background: #f6f8fa; color: var(--muted); }
.status { color: var(--muted); }
.note { background: #fff8c5; }
.bad-url { font-family: ui-monospace, monospace; word-break: break-all; }
.evidence ul { margin: 0.2rem 0; padding-left: 1.2rem; }
.signoff, .back { color: var(--muted); font-size: 0.9em; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  mark.hl, .badge, .note { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a[href^="http"]::after, a[href^="mailto"]::after { content: " <" attr(href) ">"; font-size: 0.8em; word-break: break-all; }
  .back { display: none; }
  .finding, tr, .legend { break-inside: avoid; }
  h2 { break-after: avoid; }
}
`;
