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

/** Segment colors: filled badges with auto-contrast text. */
export const SEGMENT_COLORS: Record<string, string> = {
  part_ways: "red.8",
  renegotiate: "orange.8",
  watch: "yellow.4",
  partner: "green.8",
  steady: "gray.6",
  prospect: "blue.1",
};

/** Dimmed text in gray 7 (about 7:1 on white) instead of Mantine's gray 6. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { "--mantine-color-dimmed": "var(--mantine-color-gray-7)" },
  dark: {},
});
