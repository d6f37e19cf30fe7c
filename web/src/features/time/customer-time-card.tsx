/**
 * A customer's time over the window by activity, with its cost for those who see costs
 * ("3 h 20 passées à relancer ce client, 133 €"), the timer and a manual entry.
 */
import {
  Button,
  Card,
  Divider,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { TIME_ACTIVITIES, type TimeActivity } from "../../../../src/domain/facts.ts";
import type { CustomerTimeResponse } from "../../../../src/http/routes/time/contract.ts";
import { useLang } from "../../api/org-api.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { useFormat } from "../../format/use-format.ts";
import { useOrg } from "../../layout/org-context.ts";
import { duration } from "./duration.ts";
import { useCustomerTime, useLogTime } from "./time-queries.ts";
import { TimerControls } from "./timer-controls.tsx";

const NON_BILLABLE: readonly string[] = ["chasing", "revision", "negotiation", "complaint"];

export function CustomerTimeCard({ customer }: { customer: string }) {
  const { t } = useTranslation();
  const org = useOrg();
  const query = useCustomerTime(org.slug, customer);
  return (
    <Card withBorder component="section" aria-labelledby="time-title" data-testid="customer-time">
      <Title order={2} size="h4" id="time-title" mb="xs">
        {t("time.card.title")}
      </Title>
      <Stack gap="md">
        {org.can.recordFacts && <TimerControls customer={customer} />}
        {query.data && <TimeSummary data={query.data} />}
        {org.can.recordFacts && (
          <>
            <Divider />
            <ManualEntry customer={customer} />
          </>
        )}
      </Stack>
    </Card>
  );
}

function TimeSummary({ data }: { data: CustomerTimeResponse }) {
  const { t } = useTranslation();
  const f = useFormat();
  const lang = useLang();
  const money = (n: number | null) => (n === null ? null : f.money(n, data.currency));
  if (data.activities.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t("time.card.empty")}
      </Text>
    );
  // The costliest non-billable activity makes the sentence people remember.
  const worst = data.activities
    .filter((a) => NON_BILLABLE.includes(a.activity))
    .sort((a, b) => b.minutes - a.minutes)[0];
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t("time.card.help", { start: f.date(data.window.start) })}
        {data.hourCost !== null &&
          ` ${t("time.card.costHelp", { hourCost: f.money(data.hourCost, data.currency) })}`}
      </Text>
      {worst && (
        <Text fw={700} data-testid="time-headline">
          {worst.cost === null
            ? t("time.card.headlineNoCost", {
                duration: duration(worst.minutes, lang),
                activity: t(`time.doing.${worst.activity}`),
              })
            : t("time.card.headline", {
                duration: duration(worst.minutes, lang),
                activity: t(`time.doing.${worst.activity}`),
                cost: money(worst.cost),
              })}
        </Text>
      )}
      <Table data-testid="time-by-activity">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("time.card.activity")}</Table.Th>
            <Table.Th scope="col">{t("time.card.duration")}</Table.Th>
            {data.cost !== null && <Table.Th scope="col">{t("time.card.cost")}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.activities.map((a) => (
            <Table.Tr key={a.activity} data-activity={a.activity}>
              <Table.Th scope="row" fw={400}>
                {t(`values.${a.activity}`)}
              </Table.Th>
              <Table.Td>{duration(a.minutes, lang)}</Table.Td>
              {data.cost !== null && <Table.Td>{money(a.cost)}</Table.Td>}
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Th scope="row">{t("time.card.total")}</Table.Th>
            <Table.Td fw={700}>{duration(data.minutes, lang)}</Table.Td>
            {data.cost !== null && <Table.Td fw={700}>{money(data.cost)}</Table.Td>}
          </Table.Tr>
        </Table.Tbody>
      </Table>
      {data.nonBillableMinutes > 0 && (
        <Text size="sm">
          {data.nonBillableCost === null
            ? t("time.card.nonBillableNoCost", {
                duration: duration(data.nonBillableMinutes, lang),
              })
            : t("time.card.nonBillable", {
                duration: duration(data.nonBillableMinutes, lang),
                cost: money(data.nonBillableCost),
              })}
        </Text>
      )}
    </Stack>
  );
}

function ManualEntry({ customer }: { customer: string }) {
  const { t } = useTranslation();
  const org = useOrg();
  const log = useLogTime(org.slug);
  const [minutes, setMinutes] = useState<number | "">("");
  const [activity, setActivity] = useState<TimeActivity>("work");
  const [date, setDate] = useState("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    log.mutate(
      { customer, activity, minutes: Number(minutes), ...(date ? { at: date } : {}) },
      { onSuccess: () => setMinutes("") },
    );
  };
  return (
    <Stack component="form" gap="xs" onSubmit={submit} aria-labelledby="manual-time-title">
      <Text fw={600} size="sm" id="manual-time-title">
        {t("time.manual.title")}
      </Text>
      <Group align="flex-end" gap="sm">
        <NumberInput
          size="xs"
          label={t("time.manual.minutes")}
          min={1}
          max={1440}
          allowDecimal={false}
          value={minutes}
          onChange={(v) => setMinutes(v === "" ? "" : Number(v))}
          w={140}
        />
        <NativeSelect
          size="xs"
          label={t("time.manual.activity")}
          value={activity}
          onChange={(e) => setActivity(e.currentTarget.value as TimeActivity)}
          data={TIME_ACTIVITIES.map((a) => ({ value: a, label: t(`values.${a}`) }))}
        />
        <TextInput
          size="xs"
          type="date"
          label={t("time.manual.date")}
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
        />
        <Button
          size="xs"
          type="submit"
          variant="default"
          loading={log.isPending}
          disabled={!(Number(minutes) > 0)}
        >
          {t("time.manual.submit")}
        </Button>
      </Group>
      {log.isSuccess && (
        <Text size="sm" role="status">
          {t("time.manual.recorded")}
        </Text>
      )}
      <ErrorAlert error={log.error} />
    </Stack>
  );
}
