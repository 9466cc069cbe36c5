import type { MetadataRoute } from "next";

/** Lets learners add Quarry to a phone's home screen and open it like an app. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Quarry",
    short_name: "Quarry",
    description: "Turn documents into question banks; study them with spaced repetition.",
    start_url: "/",
    display: "standalone",
    background_color: "#fbfaf7",
    theme_color: "#1f5fa8",
    icons: [{ src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" }],
  };
}
