/** Excel reads a CSV file as UTF-8 only when it starts with a byte-order mark. */
export const CSV_BOM = "\uFEFF";
