import { describe, expect, it } from "vitest";
import { duration } from "./duration.ts";

describe("duration", () => {
  it.each([
    [200, "fr", "3 h 20"],
    [200, "en", "3 h 20 min"],
    [45, "fr", "45 min"],
    [120, "en", "2 h"],
    [65, "fr", "1 h 05"],
    [1, "en", "1 min"],
  ] as const)("%i minutes in %s read %s", (minutes, lang, text) => {
    expect(duration(minutes, lang)).toBe(text);
  });
});
