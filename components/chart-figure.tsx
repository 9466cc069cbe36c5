import type { ReactNode } from "react";

/** A titled chart whose summary sentence doubles as its accessible description. */
export function ChartFigure({ title, summary, children }: { title: string; summary: string; children: ReactNode }) {
  return (
    <figure className="chart">
      <figcaption>
        <h2>{title}</h2>
        <p className="meta">{summary}</p>
      </figcaption>
      <div className="chart-body" role="img" aria-label={`${title}: ${summary}`}>
        {children}
      </div>
    </figure>
  );
}
