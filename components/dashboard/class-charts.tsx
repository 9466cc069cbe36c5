"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFigure } from "@/components/chart-figure";
import { LOW_RETENTION } from "@/lib/dashboard/filters";
import { RETENTION_WINDOW_DAYS, type ClassCharts as Charts } from "@/lib/dashboard/types";

export function ClassCharts({ charts }: { charts: Charts }) {
  const total = charts.activity.reduce((n, d) => n + d.count, 0);
  const activeDays = charts.activity.filter((d) => d.count > 0).length;
  const withRetention = charts.retentionHistogram.reduce((n, b) => n + b.count, 0);
  const below = charts.retentionHistogram.filter((b) => b.to <= LOW_RETENTION * 100).reduce((n, b) => n + b.count, 0);
  return (
    <div className="charts">
      <ChartFigure
        title="Class activity"
        summary={`${total} reviews on ${activeDays} of the last ${charts.activity.length} days (UTC days).`}
      >
        <ResponsiveContainer width="100%" height={220}>
          <BarChart data={charts.activity}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="day" tickFormatter={(d: string) => d.slice(5)} minTickGap={16} />
            <YAxis allowDecimals={false} width={40} />
            <Tooltip />
            <Bar dataKey="count" name="Reviews" fill="#1f5fa8" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </ChartFigure>
      <ChartFigure
        title={`Retention across learners (${RETENTION_WINDOW_DAYS} days)`}
        summary={
          withRetention > 0
            ? `${below} of ${withRetention} learners below ${LOW_RETENTION * 100}%` +
              (charts.learnersWithoutRetention === 0
                ? "."
                : `; ${charts.learnersWithoutRetention} ${charts.learnersWithoutRetention === 1 ? "has" : "have"} no review answers yet.`)
            : "No learner has answered a card in review state yet."
        }
      >
        <ResponsiveContainer width="100%" height={220}>
          <BarChart data={charts.retentionHistogram}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" interval={1} />
            <YAxis allowDecimals={false} width={40} />
            <Tooltip />
            <Bar dataKey="count" name="Learners" fill="#1d6b3a" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </ChartFigure>
    </div>
  );
}
