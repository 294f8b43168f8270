/**
 * C0 and C1 control characters other than tab and line breaks. Postgres refuses U+0000 in
 * text and jsonb, and the others are invisible debris of copy and paste (and of text decoded
 * with the wrong code page), never something a reader should annotate.
 */
const CONTROLS = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g;

/**
 * Makes pasted text storable: well-formed UTF-16 (a lone surrogate cannot be encoded as
 * UTF-8 on its way to Postgres), line endings as "\n", no control characters, and NFC as
 * DESIGN.md requires. Every other character (NBSP, typographic apostrophes, emoji) is kept.
 */
export function cleanText(text: string): string {
  return (
    text
      .toWellFormed()
      .replace(/\r\n?/g, "\n")
      // Word's manual line break arrives as a vertical tab, and some exports end lines with
      // NEL or the Unicode separators: keep them as the line and paragraph breaks they are.
      .replace(/[\u000B\u0085\u2028]/g, "\n")
      .replace(/[\u000C\u2029]/g, "\n\n")
      .replace(CONTROLS, "")
      // Last, so that a removed control character cannot leave a decomposed pair behind.
      .normalize("NFC")
  );
}
