import Link from "next/link";
import { countTeachers } from "@/lib/data/classes";
import { currentUser } from "@/lib/server/session-user";

export async function SiteHeader() {
  const [user, teachers] = await Promise.all([currentUser(), countTeachers()]);
  // Teachers host; on a single-user install (no teacher accounts) anyone may.
  const mayHost = user?.role === "teacher" || teachers === 0;
  return (
    <header className="site-header">
      <nav aria-label="Main">
        <Link href="/" className="brand">
          Quarry
        </Link>
        <ul>
          <li>
            <Link href="/">Library</Link>
          </li>
          <li>
            <Link href="/decks/all">Study</Link>
          </li>
          <li>
            <Link href="/progress">Progress</Link>
          </li>
          <li>
            <Link href="/settings">Settings</Link>
          </li>
          <li>
            <Link href="/classes">Classes</Link>
          </li>
          {user?.role === "teacher" && (
            <li>
              <Link href="/upload">Upload</Link>
            </li>
          )}
          {mayHost && (
            <li>
              <Link href="/live/new">Host a quiz</Link>
            </li>
          )}
          <li>
            <Link href="/join">Join a quiz</Link>
          </li>
          <li>
            {user ? (
              <Link href="/account" aria-label={`Account: ${user.name}`}>
                {user.name}
              </Link>
            ) : (
              <Link href="/sign-in">Sign in</Link>
            )}
          </li>
        </ul>
      </nav>
    </header>
  );
}
