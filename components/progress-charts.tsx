"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Line,
  LineChart,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  ZAxis,
} from "recharts";
import { ChartFigure } from "@/components/chart-figure";
import type { ProgressReport } from "@/lib/server/progress";

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const HEAT = ["#ebedf0", "#c6e48b", "#7bc96f", "#239a3b", "#196127"];

function heatColor(count: number, max: number) {
  if (count === 0) return HEAT[0]!;
  return HEAT[Math.min(4, 1 + Math.floor((3 * count) / Math.max(1, max)))]!;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function ProgressCharts({ report }: { report: ProgressReport }) {
  const max = Math.max(0, ...report.heatmap.map((c) => c.count));
  const activeDays = report.heatmap.filter((c) => c.count > 0).length;
  const dueSoon = report.forecast.slice(0, 7).reduce((a, d) => a + d.count, 0);
  const lastRetention = report.retention.at(-1);
  return (
    <div className="charts">
      <ChartFigure
        title="Reviews per day"
        summary={`${plural(report.totalReviews, "review")} on ${plural(activeDays, "day")} in the last ${Math.ceil(report.heatmap.length / 7)} weeks.`}
      >
        <ResponsiveContainer width="100%" height={180}>
          <ScatterChart margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
            <XAxis type="number" dataKey="week" hide domain={[0, "dataMax"]} />
            <YAxis
              type="number"
              dataKey="weekday"
              reversed
              domain={[0, 6]}
              ticks={[0, 2, 4, 6]}
              tickFormatter={(d: number) => WEEKDAYS[d] ?? ""}
              width={44}
            />
            <ZAxis range={[90, 90]} />
            <Tooltip
              formatter={(_v, _n, item) => [
                `${(item.payload as { count: number }).count} reviews`,
                (item.payload as { day: string }).day,
              ]}
            />
            <Scatter data={report.heatmap} shape="square" isAnimationActive={false}>
              {report.heatmap.map((c) => (
                <Cell key={c.day} fill={heatColor(c.count, max)} />
              ))}
            </Scatter>
          </ScatterChart>
        </ResponsiveContainer>
      </ChartFigure>

      <ChartFigure
        title="Due in the next 30 days"
        summary={`${plural(dueSoon, "card")} ${dueSoon === 1 ? "falls" : "fall"} due in the next 7 days.`}
      >
        <ResponsiveContainer width="100%" height={200}>
          <BarChart data={report.forecast}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="day" tickFormatter={(d: string) => d.slice(5)} minTickGap={16} />
            <YAxis allowDecimals={false} width={32} />
            <Tooltip />
            <Bar dataKey="count" name="Cards due" fill="#1f5fa8" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </ChartFigure>

      <ChartFigure
        title="True retention by week"
        summary={
          lastRetention
            ? `${lastRetention.retention}% of ${lastRetention.reviews} review answers passed in the week of ${lastRetention.week}.`
            : "No review-state answers yet: retention appears once cards come back for review."
        }
      >
        <ResponsiveContainer width="100%" height={200}>
          <LineChart data={report.retention}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="week" />
            <YAxis domain={[0, 100]} unit="%" width={44} />
            <Tooltip />
            <Line dataKey="retention" name="Retention %" stroke="#1d6b3a" isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </ChartFigure>

      <ChartFigure title="Cards by state" summary={report.states.map((s) => `${s.count} ${s.state}`).join(", ") + "."}>
        <ResponsiveContainer width="100%" height={180}>
          <BarChart data={report.states} layout="vertical" margin={{ left: 24 }}>
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="state" width={80} />
            <Tooltip />
            <Bar dataKey="count" name="Cards" fill="#7a4fb3" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </ChartFigure>
    </div>
  );
}
