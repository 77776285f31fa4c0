import type { MetadataRoute } from "next";

// Lets a phone add the dashboard to its home screen with the header's key mark (issue 20 item 8).
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "KMS FinOps",
    short_name: "KMS FinOps",
    description: "AWS KMS key inventory, CMK coverage, KMS cost per business unit and savings.",
    start_url: "/",
    display: "standalone",
    background_color: "#f1f5f9",
    theme_color: "#0f172a",
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
      { src: "/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png" },
    ],
  };
}
