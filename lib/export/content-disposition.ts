/** RFC 5987 attr-char: everything else in the UTF-8 name is percent-encoded. */
const encodeRfc5987 = (value: string) =>
  encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * A Content-Disposition header for a download (RFC 6266): an ASCII `filename` for old
 * clients and the exact name as `filename*=UTF-8''…` for everyone else.
 */
export function contentDisposition(fileName: string): string {
  // Accents folded rather than replaced ("verite", not "v_rit_"); quotes, backslashes and
  // semicolons would end the parameter, and some clients percent-decode a plain filename.
  const ascii = fileName
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^\x20-\x7e]|["\\%;]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}
