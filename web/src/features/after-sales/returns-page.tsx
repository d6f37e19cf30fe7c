/**
 * Returns: registered against an order, with the warranty end (delivery + warranty days) and
 * the customer's earlier returns shown before and after registering.
 */
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  List,
  NativeSelect,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { getRouteApi } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { RETURN_KINDS } from "../../../../src/domain/facts.ts";
import type { ReturnBody, ReturnFact } from "../../api/intake-types.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { useFormat } from "../../format/use-format.ts";
import { useOrg } from "../../layout/org-context.ts";
import { Link } from "../../router/link.tsx";
import { useIntakeOrder } from "../intake/intake-queries.ts";
import { useCustomerReturns, useRegisterReturn } from "./after-sales-queries.ts";

const route = getRouteApi("/o/$org/returns");

type Kind = ReturnBody["kind"];

export function ReturnsPage() {
  const { t } = useTranslation();
  const org = useOrg();
  const f = useFormat();
  const register = useRegisterReturn(org.slug);
  const [order, setOrder] = useState(route.useSearch().order ?? "");
  const [kind, setKind] = useState<Kind>("repair");
  const [reason, setReason] = useState("");
  const [goodwill, setGoodwill] = useState(false);
  const [orderId] = useDebouncedValue(order.trim(), 300);
  // An order taken at the counter tells its warranty end and customer before registering.
  const intake = useIntakeOrder(org.slug, orderId || null);
  const known = intake.data?.order;
  const earlier = useCustomerReturns(org.slug, known?.customer ?? null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    register.mutate({
      order: order.trim(),
      kind,
      ...(reason.trim() ? { reason: reason.trim() } : {}),
      ...(goodwill ? { goodwill: true } : {}),
    });
  };
  const result = register.data;
  return (
    <Stack gap="md" maw={760}>
      <PageTitle title={t("intake.returns.title")} />
      <Card withBorder component="form" onSubmit={submit}>
        <Stack gap="sm">
          <TextInput
            label={t("intake.returns.order")}
            required
            value={order}
            onChange={(e) => setOrder(e.currentTarget.value)}
          />
          {known && (
            <Stack gap={4} data-testid="return-order">
              <Link to="/o/$org/intake/$id" params={{ org: org.slug, id: known.id }}>
                {known.item}
              </Link>
              <Text size="sm">
                {known.warrantyEnd
                  ? t("intake.returns.warrantyEnd", { date: f.date(known.warrantyEnd) })
                  : t("intake.returns.notDelivered")}
              </Text>
              <EarlierReturns items={earlier.data?.items ?? []} />
            </Stack>
          )}
          <NativeSelect
            label={t("intake.returns.kind")}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as Kind)}
            data={RETURN_KINDS.map((k) => ({ value: k, label: t(`intake.returnKinds.${k}`) }))}
          />
          <TextInput
            label={t("intake.returns.reason")}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Checkbox
            label={t("intake.returns.goodwill")}
            checked={goodwill}
            onChange={(e) => setGoodwill(e.currentTarget.checked)}
          />
          <ErrorAlert error={register.error} />
          <div>
            <Button type="submit" loading={register.isPending} disabled={!order.trim()}>
              {t("intake.returns.submit")}
            </Button>
          </div>
        </Stack>
      </Card>
      {result && (
        <Alert
          color="green"
          title={t("intake.returns.registered")}
          role="status"
          data-testid="return-result"
        >
          <Stack gap={4}>
            <Text size="sm">
              {t("intake.returns.warrantyEnd", { date: f.date(result.warrantyEnd) })}
            </Text>
            <Badge color={result.withinWarranty ? "green.8" : "orange.8"} variant="filled">
              {result.withinWarranty
                ? t("intake.returns.within", { count: Math.max(0, Math.floor(result.daysLeft)) })
                : t("intake.returns.expired")}
            </Badge>
            <EarlierReturns items={result.earlier} />
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}

function EarlierReturns({ items }: { items: ReturnFact[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <div>
      <Title order={3} size="h6">
        {t("intake.returns.earlier")}
      </Title>
      {items.length === 0 ? (
        <Text size="sm">{t("intake.returns.noEarlier")}</Text>
      ) : (
        <List size="sm">
          {items.map((r) => (
            <List.Item key={r.id}>
              {f.instant(r.at)} ·{" "}
              {t(`intake.returnKinds.${r.kind as Kind}`, { defaultValue: r.kind })} · {r.order}
              {r.reason && ` · ${r.reason}`}
            </List.Item>
          ))}
        </List>
      )}
    </div>
  );
}
