import { describe, expect, it } from "vitest";
import { fitWithin, MAX_SIDE } from "./downscale-photo.ts";

describe("photo downscaling before upload", () => {
  it.each([
    ["a 12-megapixel landscape photo", 4032, 3024, { width: 1600, height: 1200 }],
    ["a portrait photo", 3024, 4032, { width: 1200, height: 1600 }],
    ["exactly the longest side allowed", MAX_SIDE, 900, { width: MAX_SIDE, height: 900 }],
    ["a small image, never enlarged", 640, 480, { width: 640, height: 480 }],
  ])("fits %s within 1600 px, keeping its ratio", (_name, width, height, expected) => {
    expect(fitWithin(width, height)).toEqual(expected);
  });
});
