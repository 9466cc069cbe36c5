"use client";

import { useEffect } from "react";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="error-page" role="alert">
      <h1>Something went wrong</h1>
      <p className="muted">
        The page could not be shown. Nothing you saved was lost.
        {error.digest && <> Reference: {error.digest}</>}
      </p>
      <button type="button" className="button" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
