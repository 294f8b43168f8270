import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/api/errors";
import { docxToHtml } from "./docx";
import { assertZipUnpacksWithin } from "./zip-guard";
import { toDocument } from "./to-document";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL = "http://schemas.openxmlformats.org/package/2006/relationships";

const paragraph = (runs: string, style?: string) =>
  `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ""}${runs}</w:p>`;
const run = (text: string, props = "") =>
  `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ""}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const style = (id: string, name: string) =>
  `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/></w:style>`;

/** An inline picture, as Word writes it (trimmed to what mammoth reads). */
const picture = `<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">
  <wp:docPr id="1" name="Photo" descr="Des soldats"/>
  <a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">
  <pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:blipFill><a:blip r:embed="rIdImage"/></pic:blipFill></pic:pic>
  </a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;

/** A minimal .docx (no writer is installed; mammoth's own zip library builds it). */
async function buildDocx(body: string, compression: "STORE" | "DEFLATE" = "STORE"): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
      <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
      <Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>
      <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
      <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${REL}">
      <Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  zip.file(
    "word/_rels/document.xml.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${REL}">
      <Relationship Id="rIdStyles" Type="${R}/styles" Target="styles.xml"/>
      <Relationship Id="rIdCnn" Type="${R}/hyperlink" Target="https://edition.cnn.com/world" TargetMode="External"/>
      <Relationship Id="rIdJs" Type="${R}/hyperlink" Target="javascript:alert(1)" TargetMode="External"/>
      <Relationship Id="rIdImage" Type="${R}/image" Target="media/image1.png"/></Relationships>`,
  );
  zip.file(
    "word/styles.xml",
    `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="${W}">${style("Titre", "Title")}${style("Titre1", "heading 1")}${style("Titre2", "heading 2")}${style("Titre6", "heading 6")}${style("Citation", "Quote")}</w:styles>`,
  );
  zip.file("word/media/image1.png", Buffer.from("89504e470d0a1a0a", "hex"));
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: "nodebuffer", compression });
}

describe("docxToHtml", () => {
  it("keeps headings (as h1–h4), bold, italic, quotes and links of a French Word document; drops images", async () => {
    const docx = await buildDocx(
      paragraph(run("Guerre en Ukraine : 280.000 soldats perdus 🇷🇺"), "Titre") +
        paragraph("") +
        paragraph(run("Le bilan"), "Titre1") +
        paragraph(
          run("Selon les services britanniques", "<w:b/>") +
            run(", la Russie aurait perdu ") +
            run("280.000", "<w:i/>") +
            run("\u00A0soldats, ") +
            `<w:hyperlink r:id="rIdCnn">${run("according to CNN")}</w:hyperlink>` +
            run(". ") +
            `<w:hyperlink r:id="rIdJs">${run("Cliquez")}</w:hyperlink>`,
        ) +
        paragraph(picture) +
        paragraph(run("« Ces chiffres sont faux », cité par l’agence TASS."), "Citation") +
        paragraph(run("Détails"), "Titre6") +
        paragraph("") +
        paragraph(""),
    );

    const html = await docxToHtml(docx);
    expect(html).not.toMatch(/data:|base64|image1/);
    const { content, text } = toDocument({ format: "html", body: html });

    expect(text).toBe(
      "Guerre en Ukraine : 280.000 soldats perdus 🇷🇺\n\n" +
        "Le bilan\n\n" +
        "Selon les services britanniques, la Russie aurait perdu 280.000\u00A0soldats, according to CNN. Cliquez\n\n" +
        "« Ces chiffres sont faux », cité par l’agence TASS.\n\n" +
        "Détails",
    );
    const blocks = (content.content ?? []) as { type: string; attrs?: { level?: number } }[];
    expect(blocks.map((block) => `${block.type}${block.attrs?.level ?? ""}`)).toEqual([
      "heading1", "heading1", "paragraph", "blockquote", "heading4",
    ]);
    const json = JSON.stringify(content);
    expect(json).toContain('{"type":"bold"}');
    expect(json).toContain('{"type":"italic"}');
    expect(json).toContain('"href":"https://edition.cnn.com/world"');
    expect(json).not.toContain("javascript");
  });

  it("answers 415 for a file that is not a Word document", async () => {
    const error = await docxToHtml(Buffer.from("%PDF-1.7 not a zip")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "unsupported_media_type", status: 415 });
  });

  it("answers 413 for an upload over the size limit, before reading it", async () => {
    const error = await docxToHtml(new Uint8Array(10 * 1024 * 1024 + 1)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "too_large", status: 413 });
  });

  it("still reads a Word document after checking what it unpacks to", async () => {
    const docx = await buildDocx(paragraph(run("Selon l’Insee, 15 902 emplois.")), "DEFLATE");
    expect(() => assertZipUnpacksWithin(docx)).not.toThrow();
    expect(await docxToHtml(docx)).toContain("Selon l’Insee, 15 902 emplois.");
  });

  it("answers 413 for a document that unpacks to more than the limit, without inflating it", async () => {
    // 3 MB of text that compresses to a few kilobytes, against a limit of 2 MB.
    const docx = await buildDocx(paragraph(run("A".repeat(3 * 1024 * 1024))), "DEFLATE");
    expect(docx.byteLength).toBeLessThan(64 * 1024);
    const error = (() => {
      try {
        assertZipUnpacksWithin(docx, 2 * 1024 * 1024);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toMatchObject({ code: "too_large", status: 413 });
    expect((error as AppError).message).toMatch(/unpacks to more than 2 MB/);
  });

  it("answers 413 for a crafted document that declares less than it holds (a zip bomb)", async () => {
    const docx = await buildDocx(paragraph(run("B".repeat(2 * 1024 * 1024))), "DEFLATE");
    // Rewrite every size the central directory declares to 1 kB: only inflating with a cap catches it.
    let at = docx.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    while (at >= 0) {
      if (docx.readUInt32LE(at + 24) > 1024) docx.writeUInt32LE(1024, at + 24);
      at = docx.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4);
    }
    const error = await docxToHtml(docx).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "too_large", status: 413 });
  });
});
