export { buildDemoLedger, type DemoLedger } from "./build-demo-ledger.ts";
export type { DemoLine } from "./demo-inputs.ts";
