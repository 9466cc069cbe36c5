import { describe, expect, it } from "vitest";
import { auditBank, generateBank } from "@/lib/qgen";
import { annotate } from "@/lib/qgen/annotate";
import { documentTopic, oneStatement, statementsOf, unplaced, withLead } from "@/lib/qgen/context";
import { datedMention, findBareDefinites, findFirstNames } from "@/lib/qgen/naming";
import { bankOf, doc } from "./helpers";

const from = (bank: ReturnType<typeof bankOf>, words: string) =>
  bank.questions.filter((q) => q.source.sentence.includes(words));

describe("a document label for prompts that cannot be placed alone", () => {
  it("makes a topic of the opening heading, dated by a stamp, and quotes a headline that is a clause", () => {
    const text = "Posted: March 3, 1994\n\nThe council met on Tuesday.";
    expect(documentTopic("1998 Tour of Lapland", text, [])).toEqual({
      label: "1998 Tour of Lapland",
      dated: true,
      heading: true,
    });
    expect(documentTopic("Lapland Drops Its Ferry Subsidy", text, [])).toEqual({
      label: "“Lapland Drops Its Ferry Subsidy” (1994)",
      dated: true,
      heading: true,
    });
    expect(documentTopic("Reindeer Herding: An Introduction", "x", [])).toEqual({
      label: "Reindeer Herding",
      dated: false,
      heading: true,
    });
    // A date line names no topic, and its date is an anniversary's, not the text's.
    expect(documentTopic("On this day March 3, 1994", text, [])).toBeNull();
    expect(documentTopic(undefined, text, [])).toBeNull();
  });

  it("takes the lead sentence's named subject as the topic of a text without a heading that keeps naming it", () => {
    const sentences = [
      "The discovery of the Kemi meteorite was a surprise.",
      "Farmers near Kemi heard a bang.",
      "The stone weighed 4 kg.",
      "Kemi museum bought it.",
      "Scientists dated it.",
    ];
    expect(documentTopic(undefined, "", sentences, "The discovery of the Kemi meteorite")?.label).toBe(
      "Discovery of the Kemi meteorite",
    );
    // A date line is no heading: the lead sentence's subject is tried instead, as a guess (not a heading).
    expect(documentTopic("On this day March 3, 1994", "", sentences, "The discovery of the Kemi meteorite")).toEqual({
      label: "Discovery of the Kemi meteorite",
      dated: false,
      heading: false,
    });
    // A subject the text does not keep coming back to is no topic.
    expect(documentTopic(undefined, "", sentences, "The Lapland council")).toBeNull();
  });

  it("dates a label by the year most of the text is about", () => {
    const sentences = [
      "In 2019 the lake froze.",
      "By 2019 the ice was thick.",
      "The 2019 season ended.",
      "In 1990 it did not.",
    ];
    expect(documentTopic("Lake Inari Ice", "", sentences)?.label).toBe("Lake Inari Ice (2019)");
    expect(documentTopic("Lake Inari Ice", "", sentences.slice(2))?.label).toBe("Lake Inari Ice");
  });

  it("finds what a sentence cannot say alone: an unnamed phrase, an ownerless plural, a bare month", () => {
    expect(unplaced(annotate("All races were run on the frozen river at dawn."), [])).toBe("place");
    expect(unplaced(annotate("The ferry budget rose by 4 percent to €12 million."), [])).toBe("place");
    expect(unplaced(annotate("Only a handful of Swedish teams chose to compete because of the cost."), [])).toBe(
      "place",
    );
    expect(unplaced(annotate("The March value was the lowest on record for the region."), [])).toBe("time");
    expect(unplaced(annotate("In March 1994, Anna Lind opened the Rovaniemi ferry terminal."), [])).toBeNull();
    // A date says when, not what: a sentence with no name is still unplaced.
    expect(unplaced(annotate("By 1994, ticket sales had fallen by 12 percent since April."), [])).toBe("place");
  });

  it("leads the prompts of such a sentence with the label, and not where the label holds the answer", () => {
    const bank = bankOf([
      "1998 Tour of Lapland\n\n" +
        "The 1998 Tour of Lapland was a cross-country ski race held in Finland in March 1998. " +
        "Skiers from Norway, Sweden and Estonia took part in the race. " +
        "All stages were run on the frozen Kemijoki river, the longest at the village of Sodankylä.",
    ]);
    const qs = from(bank, "All stages were run");
    expect(qs.length).toBeGreaterThan(0);
    for (const q of qs) expect(q.prompt.startsWith("1998 Tour of Lapland: All stages were run")).toBe(true);
    expect(withLead("_____ won the race.", "Tour of Lapland", "1998 Tour of Lapland: ")).toBe("_____ won the race.");
    expect(withLead("It ended in _____.", "1998", "1998 Tour of Lapland: ")).toBe("It ended in _____.");
    // A prompt that names the topic already needs no label.
    expect(withLead("The Tour of Lapland ended in _____.", "March", "1998 Tour of Lapland: ")).toBe(
      "The Tour of Lapland ended in _____.",
    );
    expect(auditBank(bank)).toEqual([]);
  });

  it("dates a prompt that floats in time from the document's stamp", () => {
    const bank = bankOf([
      "Lapland Drops Its Ferry Subsidy\n\nPosted: March 3, 1994\n\n" +
        "ROVANIEMI — The regional council of Lapland voted to end its ferry subsidy on Tuesday. " +
        "The March passenger count was the lowest in 23 years, at 4,100 passengers.",
    ]);
    const qs = from(bank, "The March passenger count");
    expect(qs.length).toBeGreaterThan(0);
    for (const q of qs) expect(q.prompt).toMatch(/^“Lapland Drops Its Ferry Subsidy” \(1994\): The March/);
  });
});

describe("a first name alone", () => {
  it("takes the full name the document gave earlier", () => {
    const earlier = [annotate("Ingrid Halvorsen was born in Tromsø in 1921.")];
    const fixes = findFirstNames(annotate("Ingrid graduated in 1942 and took a job in Bergen."), earlier);
    expect(fixes.map((f) => f.text)).toEqual(["Ingrid Halvorsen"]);
    // Two people of that first name: no guess.
    const two = [...earlier, annotate("Ingrid Berg taught her chemistry.")];
    expect(findFirstNames(annotate("Ingrid graduated in 1942."), two)).toEqual([]);
    // A place or a thing named after a person is no full name for a person.
    expect(findFirstNames(annotate("Ingrid left early."), [annotate("She studied at Ingrid College.")])).toEqual([]);
  });

  it('never reads a place after "of" as a first name, nor cuts a longer name into one', () => {
    const earlier = [annotate("The samples were sent to the University of Bergen Marine Research Station by boat.")];
    const fixes = findFirstNames(
      annotate("Olsen and his staff at the University of Bergen counted 9,000 fish."),
      earlier,
    );
    expect(fixes).toEqual([]);
    // Only whole words make a full name: "Bergen Mar" is no name.
    expect(findFirstNames(annotate("Bergen, he said, was cold."), earlier)).toEqual([]);
  });

  it("names the person in every prompt made from the sentence", () => {
    const bank = bankOf([
      "Ingrid Halvorsen was born in Tromsø in 1921. " +
        "Ingrid graduated with honours in 1942 and took a job teaching at a school in Bergen.",
    ]);
    const qs = from(bank, "Ingrid graduated");
    expect(qs.length).toBeGreaterThan(0);
    const others = qs.filter((q) => q.type !== "true_false" && !q.answer.includes("Ingrid"));
    expect(others.length).toBeGreaterThan(0);
    for (const q of others) expect(q.prompt).toMatch(/Ingrid Halvorsen graduated/);
  });
});

describe("quoted speech with its speaker named", () => {
  it("keeps the quotation marks of a quotation that runs past the sentence", () => {
    const bank = bankOf([
      "“I am proud to open the Kemi ferry line, which will carry 40,000 passengers a year to Sweden. " +
        "It is a great day for Lapland,” said Governor Mikko Aalto.",
    ]);
    const qs = from(bank, "I am proud to open");
    expect(qs.length).toBeGreaterThan(0);
    for (const q of qs) expect(q.prompt).toMatch(/^Governor Mikko Aalto said: “I am proud .*”$/);
  });
});

describe("a bare definite dated by an earlier mention", () => {
  it("takes the year an earlier mention of its head gave", () => {
    const earlier = [annotate("The council approved the regional budget for fiscal 1994 on Monday.")];
    const [d] = findBareDefinites(annotate("Opposition members said the budget was too small."));
    expect(datedMention(d!, earlier)).toBe("the budget for fiscal 1994");
    expect(datedMention(d!, [annotate("The council approved the regional budget on Monday.")])).toBeNull();
  });

  it("names the phrase in the prompts made from the sentence", () => {
    const bank = bankOf([
      "The Lapland council approved its budget for fiscal 1994 on 3 March 1994. " +
        "Opposition members in Rovaniemi said the budget left 1,200 rural roads without snow clearing.",
    ]);
    const qs = from(bank, "said the budget left").filter((q) => q.type !== "true_false");
    expect(qs.length).toBeGreaterThan(0);
    for (const q of qs) expect(q.prompt).toMatch(/the budget for fiscal 1994 left/);
  });
});

describe("one sentence to judge", () => {
  it("keeps the sentence that holds the fact where the source ran two together after a quotation", () => {
    const source =
      "The mayor, Anna Lind, asked: “Who will pay for the bridge?” The council voted 7 to 4 against it in May 1994.";
    const at = source.indexOf("7 to 4");
    expect(oneStatement(source.replace("7 to 4", "9 to 2"), source, at)).toBe(
      "The council voted 9 to 2 against it in May 1994.",
    );
    expect(oneStatement(source, source, 10)).toBe("The mayor, Anna Lind, asked: “Who will pay for the bridge?”");
    expect(oneStatement("The council voted 7 to 4 against it.", "The council voted 7 to 4 against it.", 18)).toBeNull();
    expect(statementsOf(source)).toHaveLength(2);
  });
});

describe("a statement shown with the sentence before it", () => {
  it("is judged alone where its own subject is a phrase, not a pronoun", () => {
    const bank = bankOf(
      [
        "Lapland Ferry Vote\n\n" +
          "At 10 a.m. on 3 March 1994, the council chair, Anna Lind, declared: “The ferry stays!” " +
          "The results were clear: the council had voted 17 to 4 to keep the Kemi ferry line open for 30 more years.",
      ],
      1,
    );
    const statements = bank.questions.filter(
      (q) => q.type === "true_false" && q.source.sentence.startsWith("The results"),
    );
    expect(statements.length).toBeGreaterThan(0);
    for (const q of statements) expect(q.prompt).toMatch(/^Lapland Ferry Vote: The results were clear: /);
    const clozes = bank.questions.filter((q) => q.type === "cloze" && q.source.sentence.startsWith("The results"));
    expect(clozes.length).toBeGreaterThan(0);
  });
});

describe("the heading's label on every prompt", () => {
  const heading = "Harbour of Valdoria";
  const text = [
    heading,
    "",
    "The harbour authority was founded in 1887 by the merchant guild after a long dispute over fees.",
    "In 1931, the authority opened a second dock that could take ships of 12,000 tonnes.",
    "The “Harbour of Valdoria” was renamed in 1950 by the city council of Valdoria.",
  ].join("\n");
  const bank = bankOf([text]);

  it("leads a prompt that could be placed alone too, since a question is read away from its document", () => {
    const qs = from(bank, "second dock");
    expect(qs.length).toBeGreaterThan(0);
    for (const q of qs) expect(q.prompt.startsWith(`${heading}: `), q.prompt).toBe(true);
  });

  it("leaves out a label the prompt already names, whatever its quotation marks", () => {
    for (const q of from(bank, "renamed in 1950")) expect(q.prompt.startsWith(`${heading}: `), q.prompt).toBe(false);
  });

  it("gives a lead-sentence topic only to prompts that cannot be placed alone", () => {
    const sentences = [
      "The Eiffel Tower was completed in 1889 for the World's Fair in Paris.",
      "The Statue of Liberty was dedicated in 1886 in New York Harbor.",
    ];
    const two = generateBank([doc("landmarks", sentences.join(" "))], { seed: 1 });
    for (const q of from(two, "Statue of Liberty")) expect(q.prompt).not.toMatch(/^Eiffel Tower: /);
  });
});
