/** Pieces of the intake pages: the order's status badge and what blocks its acceptance. */
import { Badge, List, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { IntakeDetailResponse, OrderStatus } from "../../api/intake-types.ts";

const STATUS_COLORS: Record<OrderStatus, string> = {
  draft: "gray.7",
  awaiting_answers: "orange.8",
  quoted: "blue.8",
  accepted: "teal.8",
  in_progress: "indigo.8",
  ready: "green.8",
  delivered: "green.9",
  closed: "dark.6",
  declined: "red.8",
};

export function StatusBadge({ status }: { status: OrderStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="filled" data-status={status}>
      {t(`intake.statuses.${status}`)}
    </Badge>
  );
}

/** What stands in the way of acceptance, counted in plain words: "2 risques non acquittés". */
export function BlockerList({ blockers }: { blockers: IntakeDetailResponse["blockers"] }) {
  const { t } = useTranslation();
  if (blockers.length === 0) return null;
  const questions = blockers.filter((b) => b.code === "open_question").length;
  const risks = blockers.filter((b) => b.code === "unacknowledged_disclosure").length;
  const lines: string[] = [];
  if (risks > 0) lines.push(t("intake.blockers.unacknowledged_disclosure", { count: risks }));
  if (questions > 0) lines.push(t("intake.blockers.open_question", { count: questions }));
  for (const b of blockers) {
    if (
      b.code === "no_quote" ||
      b.code === "quote_needs_manager" ||
      b.code === "not_open" ||
      b.code === "advised_decline"
    ) {
      lines.push(t(`intake.blockers.${b.code}`));
    }
  }
  return (
    <div data-testid="blockers">
      <Text size="sm" fw={600}>
        {t("intake.blockers.title")}
      </Text>
      <List size="sm">
        {lines.map((line) => (
          <List.Item key={line}>{line}</List.Item>
        ))}
      </List>
    </div>
  );
}
