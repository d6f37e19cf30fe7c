/** The dashboard's card of what waits for an answer: how many, and how many are overdue. */
import { Badge, Card, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../format/use-format.ts";
import { useOrg } from "../../layout/org-context.ts";
import { Link } from "../../router/link.tsx";
import { useInbox } from "./inbox-queries.ts";

export function InboxDashboardCard() {
  const { t } = useTranslation();
  const org = useOrg();
  const f = useFormat();
  const inbox = useInbox(org.slug);
  const counts = inbox.data?.counts;
  return (
    <Card
      withBorder
      component="section"
      aria-labelledby="inbox-card-title"
      data-testid="inbox-card"
    >
      <Group justify="space-between" wrap="wrap" gap="sm">
        <div>
          <Text size="sm" c="dimmed" fw={600} id="inbox-card-title">
            {t("intake.dashboard.title")}
          </Text>
          <Group gap="md" align="baseline">
            <Text fz={26} fw={700} data-testid="inbox-waiting">
              {counts ? f.num(counts.total) : "…"}{" "}
              <Text span size="sm" c="dimmed" fw={400}>
                {t("intake.dashboard.waiting")}
              </Text>
            </Text>
            <Badge
              size="lg"
              color={counts && counts.overdue > 0 ? "red.8" : "green.8"}
              data-testid="inbox-overdue"
            >
              {counts ? f.num(counts.overdue) : "…"} {t("intake.dashboard.overdue")}
            </Badge>
          </Group>
        </div>
        <Link to="/o/$org/inbox" params={{ org: org.slug }}>
          {t("intake.dashboard.link")}
        </Link>
      </Group>
    </Card>
  );
}
