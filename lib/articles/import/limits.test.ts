import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/api/errors";
import { assertImportable, fileFormatFromUpload, MAX_BODY_BYTES } from "./limits";

function thrown(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

describe("assertImportable", () => {
  it("returns the document of an importable body", () => {
    const { text } = assertImportable({ format: "html", body: "<p>Selon les services britanniques, <b>280.000</b> soldats.</p>" });
    expect(text).toBe("Selon les services britanniques, 280.000 soldats.");
  });

  it("accepts exactly 2 MB and refuses one byte more, counting UTF-8 bytes", () => {
    expect(() => assertImportable({ format: "text", body: "a".repeat(MAX_BODY_BYTES) })).not.toThrow();
    // "é" is one UTF-16 code unit but two UTF-8 bytes.
    const body = "é".repeat(MAX_BODY_BYTES / 2) + "a";
    expect(body.length).toBeLessThan(MAX_BODY_BYTES);
    const error = thrown(() => assertImportable({ format: "text", body }));
    expect(error).toMatchObject({ code: "too_large", status: 413 });
  });

  it.each([
    ["text", "   \n\u00A0\n"],
    ["html", ""],
    ["markdown", "\n\n"],
  ] as const)("refuses an empty %s body, naming the field", (format, body) => {
    const error = thrown(() => assertImportable({ format, body }));
    expect(error).toMatchObject({ code: "validation_failed", status: 422 });
    expect(error.options.fields).toEqual({ body: "must not be empty" });
  });

  it.each([
    ["html", "<script>alert(1)</script>"],
    ["html", '<p>&nbsp;</p><p><img src="http://tracker.example.com/p.gif"></p><iframe src="https://evil.example.com">x</iframe><hr>'],
    ["markdown", "![photo](http://example.com/a.png)\n\n<style>p{}</style>"],
  ] as const)("refuses a %s body with no readable text once sanitized: %j", (format, body) => {
    const error = thrown(() => assertImportable({ format, body }));
    expect(error).toMatchObject({ code: "validation_failed", status: 422 });
    expect(Object.keys(error.options.fields ?? {})).toEqual(["body"]);
  });
});

describe("fileFormatFromUpload", () => {
  it.each([
    ["depeche.txt", "text/plain", "text"],
    ["Article.HTML", "text/html", "html"],
    ["page.htm", "", "html"],
    ["notes.md", "application/octet-stream", "markdown"],
    ["notes.markdown", "text/markdown", "markdown"],
    ["Réforme des retraites.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"],
    ["sans-extension", "text/plain; charset=utf-8", "text"],
    ["sans-extension", "text/markdown", "markdown"],
  ])("%s (%s) is %s", (name, mime, format) => {
    expect(fileFormatFromUpload(name, mime)).toBe(format);
  });

  it.each([
    ["rapport.pdf", "application/pdf"],
    ["ancien.doc", "application/msword"],
    ["photo.jpg", "text/plain"],
    ["sans-extension", "application/octet-stream"],
    ["sans-extension", undefined],
  ])("refuses %s (%s) with 415, naming the accepted types", (name, mime) => {
    const error = thrown(() => fileFormatFromUpload(name, mime));
    expect(error).toMatchObject({ code: "unsupported_media_type", status: 415 });
    expect(error.message).toContain(".txt, .html, .htm, .md, .markdown, .docx");
  });

  it("tells how to fix an old Word file", () => {
    expect(thrown(() => fileFormatFromUpload("ancien.doc", "application/msword")).message).toContain("save");
  });
});
