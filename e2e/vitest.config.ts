import { defineConfig } from "vitest/config";

/** Browser tests: a real server and Debian's chromium (`npm run test:e2e`). */
export default defineConfig({
  test: {
    include: ["e2e/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: "forks",
    // One server and one browser for the whole file; the steps build on each other.
    fileParallelism: false,
  },
});
