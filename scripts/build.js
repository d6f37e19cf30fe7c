#!/usr/bin/env node
// `npm run build` (and `npm install`'s `prepare`): compiles src/ to dist/ (see bin/ensure-built.js).
import { build } from "../bin/ensure-built.js";

await build();
