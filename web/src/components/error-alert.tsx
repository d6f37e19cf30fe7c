/** The alert for a failed write, with the counter's error codes explained in plain words. */
import { Alert } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/api-client.ts";
import { useErrorMessage } from "./states.tsx";

const CODES = [
  "ACCEPTANCE_BLOCKED",
  "ORDER_TRANSITION_INVALID",
  "QUOTE_NEEDS_MANAGER",
  "QUOTE_NEEDS_CONFIRMATION",
  "WARRANTY_EXPIRED",
  "ORDER_NOT_DELIVERED",
  "COMPLAINT_CLOSED",
  "INVOICE_ISSUED",
  "INVOICE_NUMBER_TAKEN",
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
