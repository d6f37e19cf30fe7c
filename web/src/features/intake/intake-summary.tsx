/** What was agreed at intake: observations, advice, quote (changeable before acceptance), dates. */
import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { IntakeDetailResponse } from "../../api/intake-types.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { useFormat } from "../../format/use-format.ts";
import { useOrg } from "../../layout/org-context.ts";
import { QuoteFields, type QuoteValues, quoteBody } from "./intake-form-parts.tsx";
import { useIntakeAction } from "./intake-queries.ts";

export function IntakeSummary({ detail, id }: { detail: IntakeDetailResponse; id: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { order, quoteCheck, currency } = detail;
  const obs = [
    [t("intake.form.material"), order.observations.material],
    [t("intake.form.condition"), order.observations.condition],
    [t("intake.form.notes"), order.observations.notes],
  ].filter((row): row is [string, string] => Boolean(row[1]));
  return (
    <Card withBorder component="section" aria-labelledby="summary-title">
      <Title order={2} size="h4" id="summary-title" mb="sm">
        {t("intake.detail.observations")}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Stack gap={4}>
          {obs.length === 0 && <Text c="dimmed">{t("intake.detail.noObservation")}</Text>}
          {obs.map(([label, value]) => (
            <Text key={label} size="sm">
              <Text span fw={600}>
                {label} :
              </Text>{" "}
              {value}
            </Text>
          ))}
          {order.advice && (
            <Text size="sm" mt="xs" data-testid="advice">
              <Text span fw={600}>
                {t("intake.detail.advice")} :
              </Text>{" "}
              {t(`intake.advice.${order.advice.kind}`)}
              {order.advice.text && ` — ${order.advice.text}`}
            </Text>
          )}
        </Stack>
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t("intake.detail.quote")}
          </Text>
          {order.price === null ? (
            <Text size="sm">{t("intake.blockers.no_quote")}</Text>
          ) : (
            <Group gap="xs" wrap="wrap">
              <Text fz="xl" fw={700}>
                {f.money(order.price, currency)}
              </Text>
              {order.listPrice !== null && order.listPrice !== order.price && (
                <Text size="sm" td="line-through" c="dimmed">
                  {f.money(order.listPrice, currency)}
                </Text>
              )}
              {quoteCheck && quoteCheck.discountPct > 0 && (
                <Badge color={quoteCheck.beyondDiscount ? "red.8" : "gray.7"} variant="filled">
                  {t("intake.detail.discount", { pct: f.pct(quoteCheck.discountPct) })}
                </Badge>
              )}
              {quoteCheck?.marginPct != null && (
                <Badge color={quoteCheck.belowMargin ? "red.8" : "gray.7"} variant="filled">
                  {t("intake.detail.margin", { pct: f.pct(quoteCheck.marginPct) })}
                </Badge>
              )}
              {order.quoteConfirmed && (
                <Badge color="teal.8" variant="filled">
                  {t("intake.detail.confirmed")}
                </Badge>
              )}
            </Group>
          )}
          <Text size="sm">
            {t("intake.detail.deposit")} : {f.money(order.deposit, currency)}
          </Text>
          {order.due && (
            <Text size="sm">
              {t("intake.detail.due")} : {f.date(order.due)}
            </Text>
          )}
          <Text size="sm">
            {order.warrantyEnd
              ? t("intake.detail.warrantyEnd", { date: f.date(order.warrantyEnd) })
              : t("intake.detail.warranty", { days: order.warrantyDays })}
          </Text>
        </Stack>
      </SimpleGrid>
      {detail.can.edit && <QuoteEditor detail={detail} id={id} />}
    </Card>
  );
}

function QuoteEditor({ detail, id }: { detail: IntakeDetailResponse; id: string }) {
  const { t } = useTranslation();
  const org = useOrg();
  const action = useIntakeAction(org.slug, id);
  const [open, setOpen] = useState(false);
  const { order } = detail;
  const [quote, setQuote] = useState<QuoteValues>({
    listPrice: order.listPrice ?? "",
    price: order.price ?? "",
    cost: order.cost ?? "",
    managerConfirmed: false,
  });
  const manager = detail.can.confirmQuote;
  if (!open) {
    return (
      <Button variant="subtle" mt="sm" onClick={() => setOpen(true)} aria-expanded={false}>
        {t("intake.detail.editQuote")}
      </Button>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = quoteBody(quote, detail.can.seeCosts);
    if (!body) return;
    action.mutate(
      { kind: "patch", body: { quote: manager ? body : { ...body, managerConfirmed: undefined } } },
      { onSuccess: () => setOpen(false) },
    );
  };
  return (
    <Stack component="form" onSubmit={submit} gap="sm" mt="md">
      <QuoteFields value={quote} onChange={setQuote} currency={detail.currency} manager={manager} />
      <ErrorAlert error={action.error} />
      <Group>
        <Button type="submit" loading={action.isPending} disabled={quote.price === ""}>
          {t("intake.detail.saveQuote")}
        </Button>
        <Button variant="default" onClick={() => setOpen(false)}>
          {t("common.cancel")}
        </Button>
      </Group>
    </Stack>
  );
}
