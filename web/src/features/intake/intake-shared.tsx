/** Pieces shared by the intake and after-sales pages: status badge, blockers, errors, durations. */
import { Alert, Badge, List, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/api-client.ts";
import type { IntakeDetailResponse, OrderStatus } from "../../api/intake-types.ts";
import { useErrorMessage } from "../../components/states.tsx";

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

const CODES = [
  "ACCEPTANCE_BLOCKED",
  "ORDER_TRANSITION_INVALID",
  "QUOTE_NEEDS_MANAGER",
  "QUOTE_NEEDS_CONFIRMATION",
  "WARRANTY_EXPIRED",
  "ORDER_NOT_DELIVERED",
  "COMPLAINT_CLOSED",
  "NOT_FOUND",
  "BAD_INPUT",
] as const;
type IntakeCode = (typeof CODES)[number];

/** The message for an API error, with the intake's codes explained in plain words. */
export function useIntakeError() {
  const { t } = useTranslation();
  const generic = useErrorMessage();
  return (error: unknown): string => {
    if (error instanceof ApiError && (CODES as readonly string[]).includes(error.code)) {
      return t(`intake.errors.${error.code as IntakeCode}`, { message: error.message });
    }
    return generic(error);
  };
}

/** An alert for a failed write, or nothing. */
export function ErrorAlert({ error }: { error: unknown }) {
  const message = useIntakeError();
  if (!error) return null;
  const code = error instanceof ApiError ? error.code : undefined;
  return (
    <Alert color="red" role="alert" data-error-code={code}>
      {message(error)}
    </Alert>
  );
}

/** `2 j 3 h`, `45 min`: a duration in minutes for a person (its absolute value). */
export function useDuration() {
  const { t } = useTranslation();
  return (minutes: number): string => {
    const total = Math.round(Math.abs(minutes));
    const days = Math.floor(total / 1440);
    const hours = Math.floor((total % 1440) / 60);
    const mins = total % 60;
    const parts: string[] = [];
    if (days > 0) parts.push(t("intake.duration.days", { count: days }));
    if (hours > 0 && days < 7) parts.push(t("intake.duration.hours", { count: hours }));
    if (days === 0 && (mins > 0 || parts.length === 0))
      parts.push(t("intake.duration.minutes", { count: mins }));
    return parts.join(" ");
  };
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
