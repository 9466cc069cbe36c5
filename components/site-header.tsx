import Link from "next/link";

export function SiteHeader() {
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
        </ul>
      </nav>
    </header>
  );
}
