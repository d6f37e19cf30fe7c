/**
 * Vite config for the web app: `vite build --config web/vite.config.ts` writes `web/dist`,
 * which `comptoir serve` serves at `/`. In development, `vite --config web/vite.config.ts`
 * proxies `/api` to the Fastify server (COMPTOIR_API, default http://localhost:3000).
 */
import react from "@vitejs/plugin-react";
import postcssPresetMantine from "postcss-preset-mantine";
import { defineConfig } from "vite";

const root = new URL(".", import.meta.url).pathname;

export default defineConfig({
  root,
  plugins: [react()],
  css: { postcss: { plugins: [postcssPresetMantine()] } },
  build: {
    outDir: `${root}dist`,
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    proxy: { "/api": { target: process.env.COMPTOIR_API ?? "http://localhost:3000" } },
  },
});
