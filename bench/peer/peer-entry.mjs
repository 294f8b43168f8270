// The peer page: @recogito/text-annotator drawing the same highlights on the same text as
// Factmark's editor, bundled by bench/peer/build-peer.ts with esbuild (only when the package
// is installed). The page carries its data inline, like the server-rendered article page.
import { createTextAnnotator } from "@recogito/text-annotator";
import "@recogito/text-annotator/text-annotator.css";

const data = JSON.parse(document.getElementById("bench-data").textContent);
const container = document.getElementById("content");

// Paragraphs with "\n\n" text nodes between them: the container's text is the canonical
// text, so the annotations' offsets (code units here) apply unchanged.
const fragment = document.createDocumentFragment();
data.paragraphs.forEach((text, i) => {
  if (i > 0) fragment.append("\n\n");
  const p = document.createElement("p");
  p.textContent = text;
  fragment.append(p);
});
container.append(fragment);

const annotator = createTextAnnotator(container, { annotatingEnabled: true });
annotator.setAnnotations(
  data.annotations.map((a) => ({
    id: a.id,
    bodies: [],
    target: { annotation: a.id, selector: [{ quote: a.quote, start: a.start, end: a.end }] },
  })),
);

/** True once the renderer has put highlights on screen (span layer, CSS highlights or canvas). */
function drawn() {
  if (document.querySelector(".r6o-span-highlight-layer *, .r6o-highlight-layer *, [class*='highlight-layer'] span")) return true;
  if (typeof CSS !== "undefined" && CSS.highlights && CSS.highlights.size > 0) return true;
  return document.querySelector("canvas.r6o-highlight-layer, canvas[class*='highlight']") !== null;
}

let frames = 0;
function check() {
  frames++;
  const found = drawn();
  if (found || frames > 120) {
    // Inside a frame callback: the timeout runs once this frame has been painted.
    setTimeout(() => {
      window.__peer = { paintedAt: performance.now(), detected: found, annotations: annotator.getAnnotations().length };
    }, 0);
    return;
  }
  requestAnimationFrame(check);
}
requestAnimationFrame(check);
