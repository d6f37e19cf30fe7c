import "./zod-config.ts";
import "@mantine/core/styles.css";
import "@mantine/charts/styles.css";
import "./app.css";
import { createRoot } from "react-dom/client";
import { App } from "./app.tsx";
import { initI18n } from "./i18n/i18n.ts";

initI18n();
const root = document.getElementById("root");
if (root) createRoot(root).render(<App />);
