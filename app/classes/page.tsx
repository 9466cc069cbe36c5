import type { Metadata } from "next";
import Link from "next/link";
import { createClassAction, joinClassAction } from "@/app/class-actions";
import { CreateClassForm, JoinClassForm } from "@/components/forms/class-forms";
import { listJoinedClasses, listTaughtClasses } from "@/lib/server/classes";
import { currentViewer } from "@/lib/server/viewer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Classes" };

export default async function ClassesPage() {
  const viewer = await currentViewer();
  if (viewer.user?.role === "teacher") {
    const classes = await listTaughtClasses(viewer);
    return (
      <>
        <h1>Your classes</h1>
        {classes.length === 0 ? (
          <p className="muted">No classes yet. Create one and share its code with your learners.</p>
        ) : (
          <ul className="card-list">
            {classes.map((c) => (
              <li key={c.id} className="card">
                <h2 className="card-title">
                  <Link href={`/classes/${c.id}`}>{c.name}</Link>
                </h2>
                <p className="meta">
                  {c._count.members} learners · {c._count.assignments} decks assigned · code <code>{c.joinCode}</code>
                  {c.isDemo && " · demo data"}
                </p>
                <p>
                  <Link href={`/classes/${c.id}`}>Dashboard</Link> ·{" "}
                  <Link href={`/classes/${c.id}/manage`}>Manage</Link>
                </p>
              </li>
            ))}
          </ul>
        )}
        <h2>New class</h2>
        <CreateClassForm action={createClassAction} />
      </>
    );
  }
  const mine = await listJoinedClasses(viewer);
  return (
    <>
      <h1>Classes</h1>
      {mine.length > 0 && (
        <ul className="card-list">
          {mine.map((c) => (
            <li key={c.id} className="card">
              <h2 className="card-title">{c.name}</h2>
            </li>
          ))}
        </ul>
      )}
      <h2>Join a class</h2>
      <p className="meta">Type the code your teacher gave you.</p>
      <JoinClassForm action={joinClassAction} />
      {!viewer.user && (
        <p className="meta">
          Teachers: <Link href="/sign-up">create a teacher account</Link> to make classes.
        </p>
      )}
    </>
  );
}
