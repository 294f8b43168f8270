/**
 * Length limits of annotation fields, apart from the zod schemas that enforce them, so that
 * the browser's forms can show them without pulling zod into their code.
 */
export const MAX_NOTE_LENGTH = 10_000;
export const MAX_COMMENT_LENGTH = 5_000;
export const MAX_EVIDENCE_ITEMS = 50;
export const MAX_QUOTE_LENGTH = 20_000;
