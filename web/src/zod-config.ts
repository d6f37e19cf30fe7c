// Zod probes for eval (`new Function`) when it builds its first object schema: the app's
// Content-Security-Policy forbids eval, and the browser reports the probe as a violation.
// Imported first by main.tsx, before any module that defines a schema.
import { z } from "zod";

z.config({ jitless: true });
