/** Loading, error, not-found and forbidden states shared by the pages. */
import { Alert, Button, Center, Loader, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/api-client.ts";
import { Link } from "../router/link.tsx";

export function Loading() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status">
      <Loader size="md" aria-hidden />
      <Text ml="sm">{t("common.loading")}</Text>
    </Center>
  );
}

/** The message for an API error, translated when its code is known. */
export function useErrorMessage() {
  const { t, i18n } = useTranslation();
  return (error: unknown): string => {
    if (error instanceof ApiError) {
      const key = `errors.${error.code}`;
      // The server's own words (after the field's name) fill in `{{message}}` where a text has it.
      const message = error.message.replace(/^[\w.]+: /, "");
      return i18n.exists(key) ? t(key as "errors.FORBIDDEN", { message }) : error.message;
    }
    if (error instanceof TypeError || (error instanceof Error && error.message === "network")) {
      return t("errors.network");
    }
    return t("common.error");
  };
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  return (
    <Alert color="red" title={t("common.error")} role="alert" m="md">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{message(error)}</Text>
        {onRetry && (
          <Button variant="outline" color="red" size="xs" onClick={() => onRetry()}>
            {t("common.retry")}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start" p="md">
      <Text>{t("common.notFound")}</Text>
      <Link to="/">{t("common.backHome")}</Link>
    </Stack>
  );
}

export function Forbidden() {
  const { t } = useTranslation();
  return (
    <Alert color="gray" m="md">
      {t("common.forbidden")}
    </Alert>
  );
}
