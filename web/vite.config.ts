/**
 * Vite config for the web app: `vite build --config web/vite.config.ts` writes `web/dist`,
 * which `comptoir serve` serves at `/`. In development, `vite --config web/vite.config.ts`
 * proxies `/api` to the Fastify server (COMPTOIR_API, default http://localhost:3000).
 */
import react from "@vitejs/plugin-react";
import postcssPresetMantine from "postcss-preset-mantine";
import { defineConfig } from "vite";

const root = new URL(".", import.meta.url).pathname;
const api = process.env.COMPTOIR_API ?? "http://localhost:3000";

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
    proxy: {
      "/api": {
        target: api,
        changeOrigin: true,
        // The server accepts cookie-authenticated writes from its own origin only: present
        // the proxied requests as coming from it.
        configure: (proxy) => {
          proxy.on("proxyReq", (request) => {
            if (request.getHeader("origin")) request.setHeader("origin", api);
          });
        },
      },
    },
  },
});
