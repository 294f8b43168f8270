/** Every shortcut of the review workspace, as the help dialog lists them (message keys under editor.shortcuts). */
export const SHORTCUTS: { keys: string[]; action: string }[] = [
  { keys: ["C", "1"], action: "tagClaim" },
  { keys: ["F", "2"], action: "tagFigure" },
  { keys: ["S", "3"], action: "tagSource" },
  { keys: ["Alt+1", "Alt+2", "Alt+3"], action: "tagAlt" },
  { keys: ["J"], action: "next" },
  { keys: ["K"], action: "previous" },
  { keys: ["N"], action: "nextUnverified" },
  { keys: ["Shift+←", "Shift+→"], action: "moveEnd" },
  { keys: ["Alt+Shift+←", "Alt+Shift+→"], action: "moveStart" },
  { keys: ["Enter"], action: "openCard" },
  { keys: ["Delete"], action: "delete" },
  { keys: ["Esc"], action: "escape" },
  { keys: ["Shift+Arrows"], action: "selectText" },
  { keys: ["?"], action: "help" },
];
