/** Shapes beside the colours, so answers are told apart without colour too; the same on phones and projector. */
export const CHOICE_SHAPES = ["▲", "◆", "●", "■", "★", "✚"] as const;

/** Class names that give a choice its colour (true/false uses green/red for True/False). */
export function choiceClass(index: number, trueFalse: boolean): string {
  return `choice-${index}${trueFalse ? " tf" : ""}`;
}
