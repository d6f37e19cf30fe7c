/**
 * Above every page, for managers and owners: the payment journal's latest verification (at
 * server start or on demand) found its chain broken. Nothing shows while it is intact.
 */
import { Alert } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "../../router/link.tsx";
import { useJournal } from "./payment-queries.ts";

export function JournalBrokenBanner({ org }: { org: string }) {
  const { t } = useTranslation();
  const journal = useJournal(org, undefined, 1);
  if (journal.data?.check?.ok !== false) return null;
  return (
    <Alert
      color="red"
      role="alert"
      mb="md"
      title={t("payments.journal.brokenTitle")}
      data-testid="journal-broken-banner"
    >
      {t("payments.journal.bannerText")}{" "}
      <Link to="/o/$org/payments" params={{ org }}>
        {t("payments.journal.bannerLink")}
      </Link>
    </Alert>
  );
}
