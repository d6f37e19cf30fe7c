import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { SEGMENT_COLORS } from "../theme.ts";

/** A segment as a colored badge; `null` is a prospect. */
export function SegmentBadge({
  segment,
  size = "md",
}: {
  segment: string | null;
  size?: "sm" | "md" | "lg";
}) {
  const { t } = useTranslation();
  const key = segment ?? "prospect";
  return (
    <Badge
      color={SEGMENT_COLORS[key] ?? "gray"}
      variant="filled"
      size={size}
      data-segment={key}
      // Never cut the label short in a narrow table column.
      style={{ minWidth: "max-content" }}
    >
      {t(`segments.${key}` as "segments.steady")}
    </Badge>
  );
}

/** A signal's short label, translated; unknown codes show as they are. */
export function useSignalLabel() {
  const { t, i18n } = useTranslation();
  return (code: string) =>
    i18n.exists(`signals.${code}`) ? t(`signals.${code}` as "signals.loyal") : code;
}
