import type { Metadata } from "next";
import { BankImportForm } from "@/components/upload/bank-import-form";
import { currentShareTokens } from "@/lib/server/deck-share";
import { buildLibrary } from "@/lib/server/decks";
import { canUpload } from "@/lib/server/hosting";
import { currentViewer } from "@/lib/server/viewer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Import and export banks" };

const FORMATS = [
  ["json", "Quarry JSON"],
  ["csv", "CSV"],
  ["apkg", "Anki"],
  ["gift", "Moodle GIFT"],
] as const;

export default async function BanksPage() {
  const viewer = await currentViewer();
  const [library, mayImport] = await Promise.all([buildLibrary(viewer, await currentShareTokens()), canUpload(viewer)]);
  const decks = library.decks;
  return (
    <>
      <h1>Import and export question banks</h1>
      <section aria-labelledby="export-heading">
        <h2 id="export-heading">Export a deck</h2>
        <p className="meta">Only published questions are exported.</p>
        <ul className="card-list">
          {decks.map((d) => (
            <li key={d.id} className="card row">
              <span>{d.title}</span>
              <span className="row-buttons">
                {FORMATS.map(([format, label]) => (
                  <a
                    key={format}
                    className="button secondary"
                    href={`/api/decks/${d.id}/export?format=${format}`}
                    download
                    aria-label={`Export ${d.title} as ${label}`}
                  >
                    {label}
                  </a>
                ))}
              </span>
            </li>
          ))}
        </ul>
      </section>
      {mayImport && (
        <section aria-labelledby="import-heading">
          <h2 id="import-heading">Import a bank</h2>
          <p className="meta">
            A file with any error is rejected whole, with the line or record of each error; nothing is written.
          </p>
          <BankImportForm />
        </section>
      )}
    </>
  );
}
