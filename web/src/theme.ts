/**
 * The Mantine theme. Shades are chosen for contrast (WCAG AA on white): the primary color is
 * indigo 8, and dimmed text is darkened (gray 6 on white is below 4.5:1).
 */
import { type CSSVariablesResolver, createTheme } from "@mantine/core";

export const theme = createTheme({
  primaryColor: "indigo",
  primaryShade: { light: 8, dark: 4 },
  autoContrast: true,
  focusRing: "auto",
  defaultRadius: "md",
  fontFamily:
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif",
  headings: { fontWeight: "650" },
});

/**
 * Segment colors: filled badges with auto-contrast text, each at least 4.5:1 against its
 * text (checked by e2e/accessibility.test.ts). Mantine's orange and green stop short of it
 * with white text even at shade 9, hence the two darker shades written out.
 */
export const SEGMENT_COLORS: Record<string, string> = {
  part_ways: "red.9",
  renegotiate: "#c2410c",
  watch: "yellow.4",
  partner: "#237a35",
  steady: "gray.7",
  prospect: "blue.1",
};

/**
 * Dimmed text in gray 7 (about 8:1 on white) instead of Mantine's gray 6; placeholders at
 * 4.7:1 instead of gray 5's 2:1, still lighter than what is typed.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    "--mantine-color-dimmed": "var(--mantine-color-gray-7)",
    "--mantine-color-placeholder": "#6c757d",
  },
  dark: {},
});
