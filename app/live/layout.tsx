import type { ReactNode } from "react";
import "../live.css";

export default function LiveLayout({ children }: { children: ReactNode }) {
  return children;
}
