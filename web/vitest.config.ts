import { defineConfig } from "vitest/config";

/** Unit tests of the web app's pure modules (formatting, routes), in Node. */
export default defineConfig({
  test: { include: ["web/src/**/*.test.ts"] },
});
