import Link from "next/link";

/** The signed-out home page's opening: what Quarry does, the three ways in, and accounts. */
export function Welcome({ sampleDeckId }: { sampleDeckId: string | null }) {
  return (
    <section className="welcome" aria-labelledby="welcome-heading">
      <h1 id="welcome-heading">Quarry</h1>
      <p className="welcome-lead">
        Quarry turns your documents into questions that you study with spaced repetition, or play together as a live
        classroom quiz.
      </p>
      <ul className="welcome-actions">
        <li>
          <Link className="button" href={sampleDeckId ? `/decks/${sampleDeckId}/study` : "/decks/all/study"}>
            Study the sample deck
          </Link>
        </li>
        <li>
          <Link className="button secondary" href="/upload">
            Make a quiz from your document
          </Link>
        </li>
        <li>
          <Link className="button secondary" href="/join-class">
            Join a class or game
          </Link>
        </li>
      </ul>
      <p className="welcome-account">
        <Link href="/sign-in">Sign in</Link> or <Link href="/sign-up">create an account</Link> to keep your progress on
        every device.
      </p>
    </section>
  );
}
