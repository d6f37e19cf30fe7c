import { describe, expect, it } from "vitest";
import { type Io, writeJson, writeJsonArray } from "./output.ts";

/** An Io whose stdout keeps what is written; `full` makes every write ask for a "drain". */
function capture(full = false) {
  let text = "";
  let drains = 0;
  const io: Io = {
    stdout: {
      write: (s: string) => {
        text += s;
        return !full;
      },
      once: (_event, f) => {
        drains++;
        setImmediate(f);
      },
    },
    stderr: { write: () => true },
    env: {},
  };
  return { io, text: () => text, drains: () => drains };
}

const item = (i: number) => ({
  customer: `c${i}`,
  name: i % 3 ? `Client « ${i} » "quoted"\n` : "Émilie 🙂",
  segment: i % 4 ? "steady" : null,
  signals:
    i % 2 ? [] : [{ code: "loyal", evidence: i % 5 ? [`o${i}`, `o${i + 1}`] : [], message: "x" }],
  revenue: i / 7,
  orders: i,
  nested: { empty: {}, list: [[], [null]] },
});

describe("writeJsonArray", () => {
  it("prints what writeJson prints, for every count around the batch size", async () => {
    for (const n of [0, 1, 2, 499, 500, 501, 1000, 1234]) {
      const items = Array.from({ length: n }, (_, i) => i);
      const streamed = capture();
      await writeJsonArray(streamed.io, items, item);
      const whole = capture();
      writeJson(whole.io, items.map(item));
      expect(streamed.text()).toBe(whole.text());
      expect(streamed.text()).toBe(`${JSON.stringify(items.map(item), null, 2)}\n`);
    }
  });

  it("waits for a drain when stdout asks for one", async () => {
    const slow = capture(true);
    await writeJsonArray(
      slow.io,
      Array.from({ length: 1200 }, (_, i) => i),
      item,
    );
    expect(slow.drains()).toBe(3);
    expect(JSON.parse(slow.text())).toHaveLength(1200);
  });
});
