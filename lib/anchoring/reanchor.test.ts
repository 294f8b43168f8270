import { describe, expect, it } from "vitest";
import { buildQuoteSelector } from "./quote-selector";
import { reanchorAnnotations, type ReanchorInput } from "./reanchor";

function annotate(text: string, exact: string, id = "a", occurrence = 0): ReanchorInput {
  let start = text.indexOf(exact);
  for (let k = 0; k < occurrence; k++) start = text.indexOf(exact, start + 1);
  if (start < 0) throw new Error(`"${exact}" is not in the text`);
  return { id, start, end: start + exact.length, ...buildQuoteSelector(text, start, start + exact.length) };
}

function reanchorOne(oldText: string, newText: string, annotation: ReanchorInput) {
  const [result] = reanchorAnnotations({ oldText, newText, annotations: [annotation] });
  return result;
}

const OLD = [
  "Les pertes russes en Ukraine atteindraient 230.000 hommes, tués ou blessés, selon les services britanniques.",
  "Moscou conteste ces chiffres. «\u00a0Ces estimations n’ont aucun fondement\u00a0», a déclaré Dmitri Peskov, cité par l’agence TASS.",
  "Kiev évoque de son côté 31.000 soldats tués. «\u00a0🇺🇦 Chaque vie compte 👍🏽\u00a0», a écrit le président.",
].join("\n\n");

describe("reanchorAnnotations", () => {
  it("keeps annotations anchored through a pure shift, with positions moved and context refreshed", () => {
    const annotation = annotate(OLD, "cité par l’agence TASS");
    const newText = `Mise à jour à 14 h 30.\n\n${OLD}`;
    const result = reanchorOne(OLD, newText, annotation);
    expect(result).toMatchObject({ id: "a", anchor: "anchored", exact: "cité par l’agence TASS" });
    expect(result.start).toBe((annotation.start ?? 0) + 24);
    expect(newText.slice(result.start ?? 0, result.end ?? 0)).toBe("cité par l’agence TASS");
  });

  it("leaves everything anchored when the text did not change", () => {
    const annotations = [annotate(OLD, "230.000 hommes", "x"), annotate(OLD, "🇺🇦 Chaque vie compte 👍🏽", "y")];
    const results = reanchorAnnotations({ oldText: OLD, newText: OLD, annotations });
    expect(results.map((r) => [r.id, r.anchor, r.start, r.end])).toEqual(annotations.map((a) => [a.id, "anchored", a.start, a.end]));
  });

  it("drifts an annotation whose quote was corrected, taking the new words as its quote", () => {
    const annotation = annotate(OLD, "230.000 hommes");
    const newText = OLD.replace("230.000", "280.000");
    const result = reanchorOne(OLD, newText, annotation);
    expect(result).toMatchObject({ anchor: "drifted", exact: "280.000 hommes", prefix: annotation.prefix });
    expect(newText.slice(result.start ?? 0, result.end ?? 0)).toBe("280.000 hommes");
  });

  it("finds the corrected figure in its own sentence, not an exact copy of the old one elsewhere", () => {
    const oldText = "Londres estime les pertes à 230.000 hommes depuis 2022. À Kiev, on compte 230.000 blessés, dit le ministère.";
    const annotation = annotate(oldText, "230.000");
    const newText = oldText.replace("à 230.000 hommes", "à 280.000 hommes");
    const result = reanchorOne(oldText, newText, annotation);
    expect(result).toMatchObject({ anchor: "drifted", exact: "280.000" });
    expect(result.start).toBe(newText.indexOf("280.000"));
  });

  it("widens a fuzzy match to whole words and never splits a number", () => {
    const oldText = "Un chiffre en hausse de 87\u00a0% par rapport à l’an dernier, selon le ministère.";
    const annotation = annotate(oldText, "87\u00a0%");
    const result = reanchorOne(oldText, oldText.replace("87", "78"), annotation);
    expect(result).toMatchObject({ anchor: "drifted", exact: "78\u00a0%" });
  });

  it("keeps drifted ranges on whole emoji", () => {
    const annotation = annotate(OLD, "🇺🇦 Chaque vie compte 👍🏽");
    const newText = OLD.replace("vie compte 👍🏽", "vie compte 👍");
    const result = reanchorOne(OLD, newText, annotation);
    expect(result).toMatchObject({ anchor: "drifted", exact: "🇺🇦 Chaque vie compte 👍" });
    const droppedTone = OLD.replace("🇺🇦 Chaque", "🇺 Chaque");
    expect(reanchorOne(OLD, droppedTone, annotation).exact.startsWith("🇺 Chaque")).toBe(true);
  });

  it("orphans an annotation whose words are gone, keeping its last quote", () => {
    const annotation = annotate(OLD, "Ces estimations n’ont aucun fondement");
    const newText = OLD.replace("Ces estimations n’ont aucun fondement", "Nous ne commentons pas les chiffres de Londres");
    expect(reanchorOne(OLD, newText, annotation)).toEqual({
      id: "a",
      anchor: "orphaned",
      start: null,
      end: null,
      exact: annotation.exact,
      prefix: annotation.prefix,
      suffix: annotation.suffix,
    });
  });

  it("does not attach a short quote to the same words in an unrelated sentence", () => {
    const oldText = "Le Kremlin dément, cité par l’agence TASS.\n\nLe bilan reste incertain.\n\nUne vidéo a circulé, cité par l’agence TASS hier.";
    const annotation = annotate(oldText, "cité par l’agence TASS");
    const newText = oldText.replace("Le Kremlin dément, cité par l’agence TASS.\n\n", "");
    expect(reanchorOne(oldText, newText, annotation).anchor).toBe("orphaned");
  });

  it("orphans the first words of a deleted paragraph even when the next one starts with them", () => {
    const oldText = "Intro.\n\nSelon l’AFP, 10 morts.\n\nSelon l’AFP, 12 blessés.";
    const annotation = annotate(oldText, "Selon l’AFP");
    const result = reanchorOne(oldText, "Intro.\n\nSelon l’AFP, 12 blessés.", annotation);
    expect(result.anchor).toBe("orphaned");
  });

  it("finds a moved paragraph again", () => {
    const paragraphs = OLD.split("\n\n");
    const newText = [paragraphs[1], paragraphs[2], paragraphs[0]].join("\n\n");
    const annotation = annotate(OLD, "Les pertes russes en Ukraine atteindraient 230.000 hommes, tués ou blessés");
    const result = reanchorOne(OLD, newText, annotation);
    expect(result.anchor).toBe("drifted");
    expect(result.exact).toBe(annotation.exact);
  });

  it("searches for orphans too, which come back drifted when their words return", () => {
    const orphan: ReanchorInput = { ...annotate(OLD, "31.000 soldats tués"), start: null, end: null };
    const result = reanchorOne(OLD, OLD.replace("31.000", "31.500"), orphan);
    expect(result).toMatchObject({ anchor: "drifted", exact: "31.500 soldats tués" });
    const gone = reanchorOne(OLD, OLD.replace(/Kiev évoque.*$/, "Fin."), orphan);
    expect(gone).toMatchObject({ anchor: "orphaned", start: null, end: null, exact: "31.000 soldats tués" });
  });

  it("returns every annotation, in order, even with positions that do not fit the old text", () => {
    const good = annotate(OLD, "230.000 hommes", "good");
    const annotations: ReanchorInput[] = [
      { ...good, id: "reversed", start: 10, end: 5 },
      good,
      { ...good, id: "beyond", start: 10_000, end: 10_010 },
      { ...good, id: "empty", exact: "", prefix: "", suffix: "" },
      { ...good, id: "fractional", start: 1.5, end: 3 },
    ];
    const results = reanchorAnnotations({ oldText: OLD, newText: OLD.replace("230", "280"), annotations });
    expect(results.map((r) => r.id)).toEqual(["reversed", "good", "beyond", "empty", "fractional"]);
    // Without a usable position, the quote is searched for: found again, not lost.
    expect(results.find((r) => r.id === "beyond")).toMatchObject({ anchor: "drifted", exact: "280.000 hommes" });
  });
});
