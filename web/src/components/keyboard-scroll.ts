import type { ScrollAreaProps } from "@mantine/core";

/**
 * For a table that scrolls sideways on a phone: its viewport takes the keyboard's focus, so
 * that the arrow keys scroll it (WCAG: a scrollable region must be reachable without a mouse).
 * @example <Table.ScrollContainer minWidth={560} scrollAreaProps={KEYBOARD_SCROLL}>
 */
export const KEYBOARD_SCROLL: ScrollAreaProps = { viewportProps: { tabIndex: 0 } };
