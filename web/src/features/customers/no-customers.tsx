/**
 * The customers page with nobody in it: with filters, "no customer matches"; without, what to
 * do first (import the customer file, or record an intake, which creates the customer).
 */
import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../components/empty-state.tsx";
import { useOrg } from "../../layout/org-context.ts";
import { ButtonLink } from "../../router/link.tsx";

export function NoCustomers({ filtered }: { filtered: boolean }) {
  const { t } = useTranslation();
  const org = useOrg();
  if (filtered) return <Text py="lg">{t("customers.empty")}</Text>;
  const params = { org: org.slug };
  return (
    <EmptyState
      title={t("empty.customers.title")}
      text={t("empty.customers.text")}
      actions={
        <>
          {org.can.importFacts && (
            <ButtonLink to="/o/$org/import" params={params}>
              {t("empty.customers.import")}
            </ButtonLink>
          )}
          <ButtonLink to="/o/$org/intake/new" params={params} variant="light">
            {t("empty.customers.intake")}
          </ButtonLink>
        </>
      }
    />
  );
}
