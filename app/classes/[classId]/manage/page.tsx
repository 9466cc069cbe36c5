import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { assignDeckAction, regenerateCodeAction, removeLearnerAction, unassignDeckAction } from "@/app/class-actions";
import { AssignDeckForm } from "@/components/forms/class-forms";
import { currentShareTokens } from "@/lib/server/deck-share";
import { loadClassManagement } from "@/lib/server/classes";
import { publicOrigin } from "@/lib/server/request-origin";
import { currentViewer } from "@/lib/server/viewer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Manage class" };

type Props = { params: Promise<{ classId: string }> };

export default async function ManageClassPage({ params }: Props) {
  const { classId } = await params;
  const viewer = await currentViewer();
  const managed = await loadClassManagement(viewer, classId, await currentShareTokens());
  if (!managed) notFound();
  const { classroom, members, assignments, decks, titleOf } = managed;
  const joinLink = `${publicOrigin(await headers())}/join-class?code=${classroom.joinCode}`;
  return (
    <>
      <p>
        <Link href={`/classes/${classId}`}>← {classroom.name} dashboard</Link>
      </p>
      <h1>Manage {classroom.name}</h1>
      <section aria-labelledby="code-heading" className="card">
        <h2 id="code-heading">Join code</h2>
        <p className="join-code" data-testid="join-code">
          {classroom.joinCode}
        </p>
        <p>
          Join link: <a href={joinLink}>{joinLink}</a>
        </p>
        <form action={regenerateCodeAction.bind(null, classId)}>
          <button type="submit" className="button secondary">
            Make a new code
          </button>{" "}
          <span className="meta">The old code stops working at once.</span>
        </form>
      </section>

      <section aria-labelledby="decks-heading">
        <h2 id="decks-heading">Assigned decks</h2>
        {assignments.length === 0 ? (
          <p className="muted">No decks assigned yet.</p>
        ) : (
          <ul className="card-list">
            {assignments.map((a) => (
              <li key={a.id} className="card row">
                <span>
                  <strong>{titleOf.get(a.deckId) ?? "Deleted deck"}</strong>
                  {a.dueAt && <span className="meta"> · due {a.dueAt.toISOString().slice(0, 10)}</span>}
                </span>
                <form action={unassignDeckAction.bind(null, classId, a.deckId)}>
                  <button type="submit" className="button secondary">
                    Unassign
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
        <AssignDeckForm action={assignDeckAction.bind(null, classId)} decks={decks} />
      </section>

      <section aria-labelledby="members-heading">
        <h2 id="members-heading">Learners ({members.length})</h2>
        {members.length === 0 ? (
          <p className="muted">Nobody has joined yet. Share the code above.</p>
        ) : (
          <ul className="card-list">
            {members.map((m) => (
              <li key={m.learnerId} className="card row">
                <span>
                  {m.name}
                  {m.email && <span className="meta"> · {m.email}</span>}
                </span>
                <form action={removeLearnerAction.bind(null, classId, m.learnerId)}>
                  <button type="submit" className="button secondary" aria-label={`Remove ${m.name} from the class`}>
                    Remove
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
