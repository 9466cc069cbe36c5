import Link from "next/link";
import { currentUser } from "@/lib/server/session-user";

export async function SiteHeader() {
  const user = await currentUser();
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
            <Link href="/classes">Classes</Link>
          </li>
          {user?.role === "teacher" && (
            <li>
              <Link href="/upload">Upload</Link>
            </li>
          )}
          <li>
            <Link href={user?.role === "teacher" ? "/live/new" : "/join"}>Live quiz</Link>
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
