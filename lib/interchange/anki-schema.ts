/** Anki's collection schema (version 11), as written by Anki 2.1 "legacy" exports. */
export const ANKI_SCHEMA_SQL = `
CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not null,
  ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null,
  models text not null, decks text not null, dconf text not null, tags text not null);
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null,
  usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null,
  flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null,
  mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null,
  ivl integer not null, factor integer not null, reps integer not null, lapses integer not null, left integer not null,
  odue integer not null, odid integer not null, flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null,
  ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
CREATE INDEX ix_notes_usn on notes (usn);
CREATE INDEX ix_cards_usn on cards (usn);
CREATE INDEX ix_revlog_usn on revlog (usn);
CREATE INDEX ix_cards_nid on cards (nid);
CREATE INDEX ix_cards_sched on cards (did, queue, due);
CREATE INDEX ix_revlog_cid on revlog (cid);
CREATE INDEX ix_notes_csum on notes (csum);
`;

// Fixed ids so re-importing a Quarry deck into Anki reuses the same note types.
// (…101 was the Basic type before it gained its Back Extra field; a changed type needs a new id.)
export const BASIC_MODEL_ID = 1_700_000_000_103;
export const CLOZE_MODEL_ID = 1_700_000_000_102;
/** Hidden field (used by no template) that carries the exact Quarry question. */
export const QUARRY_FIELD = "Quarry";

const CSS =
  ".card {\n font-family: arial;\n font-size: 20px;\n text-align: center;\n color: black;\n background-color: white;\n}\n";

function field(name: string, ord: number) {
  return { name, ord, sticky: false, rtl: false, font: "Arial", size: 20, media: [] };
}

function template(name: string, qfmt: string, afmt: string) {
  return { name, ord: 0, qfmt, afmt, did: null, bqfmt: "", bafmt: "" };
}

export function ankiModels(deckId: number, modSeconds: number) {
  const common = {
    mod: modSeconds,
    usn: -1,
    sortf: 0,
    did: deckId,
    tags: [],
    vers: [],
    latexPre:
      "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n",
    latexPost: "\\end{document}",
    latexsvg: false,
  };
  return {
    [BASIC_MODEL_ID]: {
      ...common,
      id: BASIC_MODEL_ID,
      name: "Basic (Quarry)",
      type: 0,
      flds: [field("Front", 0), field("Back", 1), field("Back Extra", 2), field(QUARRY_FIELD, 3)],
      tmpls: [
        template(
          "Card 1",
          "{{Front}}",
          "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}{{#Back Extra}}<br><br>{{Back Extra}}{{/Back Extra}}",
        ),
      ],
      css: CSS,
      req: [[0, "any", [0]]],
    },
    [CLOZE_MODEL_ID]: {
      ...common,
      id: CLOZE_MODEL_ID,
      name: "Cloze (Quarry)",
      type: 1,
      flds: [field("Text", 0), field("Back Extra", 1), field(QUARRY_FIELD, 2)],
      tmpls: [template("Cloze", "{{cloze:Text}}", "{{cloze:Text}}<br>\n{{Back Extra}}")],
      css: `${CSS}\n.cloze {\n font-weight: bold;\n color: blue;\n}\n`,
    },
  };
}

export function ankiDecks(deckId: number, name: string, modSeconds: number) {
  const deck = (id: number, deckName: string) => ({
    id,
    name: deckName,
    mod: modSeconds,
    usn: -1,
    lrnToday: [0, 0],
    revToday: [0, 0],
    newToday: [0, 0],
    timeToday: [0, 0],
    collapsed: false,
    browserCollapsed: false,
    desc: "",
    dyn: 0,
    conf: 1,
    extendNew: 0,
    extendRev: 0,
  });
  return { 1: deck(1, "Default"), [deckId]: deck(deckId, name) };
}

export const ANKI_DECK_CONFIG = {
  1: {
    id: 1,
    mod: 0,
    name: "Default",
    usn: 0,
    maxTaken: 60,
    autoplay: true,
    timer: 0,
    replayq: true,
    dyn: false,
    new: { bury: false, delays: [1, 10], initialFactor: 2500, ints: [1, 4, 0], order: 1, perDay: 20 },
    lapse: { delays: [10], leechAction: 1, leechFails: 8, minInt: 1, mult: 0 },
    rev: { bury: false, ease4: 1.3, ivlFct: 1, maxIvl: 36500, perDay: 200, hardFactor: 1.2 },
  },
};

export function ankiConf(deckId: number, modelId: number) {
  return {
    nextPos: 1,
    estTimes: true,
    activeDecks: [deckId],
    sortType: "noteFld",
    timeLim: 0,
    sortBackwards: false,
    addToCur: true,
    curDeck: deckId,
    newSpread: 0,
    dueCounts: true,
    curModel: String(modelId),
    collapseTime: 1200,
  };
}
