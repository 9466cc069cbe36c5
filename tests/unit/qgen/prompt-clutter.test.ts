import { describe, expect, it } from "vitest";
import { auditBank } from "@/lib/qgen";
import { tidyPrompt } from "@/lib/qgen/tidy";
import { bankOf } from "./helpers";

describe("prompts without the source's clutter", () => {
  it("drops citation marks, an enumerating opener and unmatched quotation marks", () => {
    expect(tidyPrompt("The fort was rebuilt in 1712 after heavy fighting[2] made it unusable.[3][4]")).toBe(
      "The fort was rebuilt in 1712 after heavy fighting made it unusable.",
    );
    expect(tidyPrompt("One, the Harbour Act (HA), sets a fee of _____ per tonne.")).toBe(
      "The Harbour Act (HA) sets a fee of _____ per tonne.",
    );
    expect(tidyPrompt("The other, the Canal Act, sets the toll at 4 francs.")).toBe(
      "The Canal Act sets the toll at 4 francs.",
    );
    expect(tidyPrompt("“We will open the bridge in _____ and the tunnel a year later.")).toBe(
      "We will open the bridge in _____ and the tunnel a year later.",
    );
    expect(tidyPrompt("The tunnel cost _____ to build.”")).toBe("The tunnel cost _____ to build.");
    expect(tidyPrompt("He called it a “harbour of refuge” in _____.")).toBe(
      "He called it a “harbour of refuge” in _____.",
    );
    expect(tidyPrompt("As seen in the image below, during the dry season the lake shrinks by _____.")).toBe(
      "During the dry season the lake shrinks by _____.",
    );
  });

  it("keeps every prompt of a cited sentence free of the marks, and the audit clean", () => {
    const bank = bankOf([
      "The lighthouse at Hollis Point was first lit on 4 March 1862 by the harbour board of Ostend.[1] " +
        "Its lamp burned whale oil until 1901, when the board installed a paraffin burner.[2]",
    ]);
    expect(bank.questions.length).toBeGreaterThan(0);
    for (const q of bank.questions) expect(q.prompt).not.toMatch(/\[\d\]/);
    expect(auditBank(bank)).toEqual([]);
  });
});
