/**
 * The peer of scenario 1: @recogito/text-annotator rendering the same highlights on the same
 * text, as a static page (bundled with esbuild, which Next installs) served from loopback.
 * The package is not a dependency of the project: when it is missing the suite prints
 * "peer: not installed" (install line in bench/README.md).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { projectRoot } from "../../scripts/lib/paths";
import { BENCH_DATA_DIR } from "../lib/bench-db";

export const PEER_PACKAGE = "@recogito/text-annotator";
const PEER_DIR = path.join(BENCH_DATA_DIR, "peer");

/** The installed version of the peer, or null. */
export function peerVersion(): string | null {
  const manifest = path.join(projectRoot, "node_modules", ...PEER_PACKAGE.split("/"), "package.json");
  if (!existsSync(manifest)) return null;
  return (JSON.parse(readFileSync(manifest, "utf8")) as { version?: string }).version ?? "?";
}

export interface PeerData {
  paragraphs: string[];
  /** Code unit offsets into the paragraphs joined by "\n\n". */
  annotations: { id: string; start: number; end: number; quote: string }[];
}

/** Bundles the peer page with `data` inline; returns the directory to serve. */
export async function buildPeerPage(data: PeerData): Promise<string> {
  const { build } = await import("esbuild");
  mkdirSync(PEER_DIR, { recursive: true });
  await build({
    entryPoints: [path.join(projectRoot, "bench", "peer", "peer-entry.mjs")],
    bundle: true,
    minify: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    outfile: path.join(PEER_DIR, "peer.js"),
    logLevel: "silent",
  });
  // JSON inside <script>: "<" escaped so the text can never close the element.
  const inline = JSON.stringify(data).replace(/</g, "\\u003c");
  const css = existsSync(path.join(PEER_DIR, "peer.css")) ? '<link rel="stylesheet" href="/peer.css">' : "";
  writeFileSync(
    path.join(PEER_DIR, "index.html"),
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>peer</title>${css}
<style>body{font:16px/1.6 Georgia,serif;margin:0}main{display:grid;grid-template-columns:minmax(0,1fr) 19rem 25rem;height:100vh}
#scroll{overflow-y:auto}#content{max-width:68ch;margin:0 auto;padding:2rem 1.5rem}</style></head>
<body><main><div id="scroll"><div id="content"></div></div><aside></aside><section></section></main>
<script id="bench-data" type="application/json">${inline}</script><script src="/peer.js"></script></body></html>`,
  );
  return PEER_DIR;
}

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css" };

/** Serves `dir` on a free loopback port. */
export function serveStatic(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const name = (req.url ?? "/").split("?")[0] === "/" ? "index.html" : path.basename(req.url ?? "");
    const file = path.join(dir, name);
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}
