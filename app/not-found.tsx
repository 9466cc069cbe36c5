import Link from "next/link";

export default function NotFound() {
  return (
    <div className="error-page">
      <h1>Page not found</h1>
      <p className="muted">The page you asked for does not exist, or it is not yours to see.</p>
      <p>
        <Link href="/" className="button">
          Back to the library
        </Link>
      </p>
    </div>
  );
}
