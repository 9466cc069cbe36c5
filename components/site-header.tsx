import Link from "next/link";
import { siteNavigation } from "@/lib/server/hosting";

export async function SiteHeader() {
  const { user, mayHost } = await siteNavigation();
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
