import { describe, expect, it } from "vitest";
import { sanitizeArticleHtml } from "./sanitize-article-html";

describe("sanitizeArticleHtml", () => {
  it("removes scripts, handlers, embeds, images and styles that are not typography", () => {
    const html = sanitizeArticleHtml(
      '<p onclick="steal()" class="lead" id="x" style="color:red;background:url(https://tracker.example.com/p.png);font-weight:bold">Selon CNN</p>' +
        "<script>alert(1)</script><style>p{}</style>" +
        '<iframe src="https://evil.example.com">fallback</iframe><object data="x.swf">obj</object><embed src="x">' +
        '<img src="http://tracker.example.com/pixel.gif" onerror="alert(1)"><picture><source srcset="a.webp"></picture>' +
        '<video src="v.mp4">video</video><svg onload="alert(1)"><text>svg</text></svg><link rel="stylesheet" href="x.css">',
    );
    expect(html).toBe('<p style="font-weight:bold">Selon CNN</p>');
  });

  it("keeps only absolute http(s) and mailto links, without other attributes", () => {
    const html = sanitizeArticleHtml(
      '<a href="https://www.bbc.com/news" target="_blank" rel="opener" title="BBC">BBC</a> ' +
        '<a href="javascript:alert(1)">js</a> <a href="JaVaScRiPt&colon;alert(1)">js2</a> ' +
        '<a href="data:text/html,<script>alert(1)</script>">data</a> <a href="//evil.example.com">proto</a> ' +
        '<a href="/abonnement">relative</a> <a href="#note-1">anchor</a> <a href="mailto:desk@example.com">mail</a> ' +
        '<a href="vbscript:msgbox(1)">vb</a> <a href=" http://example.org/a ">spaced</a>',
    );
    expect(html).toBe(
      '<a href="https://www.bbc.com/news">BBC</a> <a>js</a> <a>js2</a> <a>data</a> <a>proto</a> ' +
        '<a>relative</a> <a>anchor</a> <a href="mailto:desk@example.com">mail</a> <a>vb</a> <a href="http://example.org/a">spaced</a>',
    );
  });

  it("maps the schema's tags and turns layout containers into divs", () => {
    expect(sanitizeArticleHtml("<h5>a</h5><h6>b</h6><section><table><tr><td>c</td></tr></table></section><ins>d</ins><sup>er</sup>")).toBe(
      "<h4>a</h4><h4>b</h4><div><div><div><div>c</div></div></div></div><u>d</u>er",
    );
  });
});
