/** Builds the web app into web/dist (the server serves it) before the browser tests. */
import { build } from "vite";

const ROOT = new URL("..", import.meta.url).pathname;

export async function buildWeb(): Promise<void> {
  await build({ configFile: `${ROOT}web/vite.config.ts`, logLevel: "warn" });
}
