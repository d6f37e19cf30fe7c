/**
 * On the customer page: the customer's invoices with what is left to pay, and the form to
 * record a payment at the counter (every role): an open invoice, the amount (the balance to
 * start with), the method and the date. Managers and owners also see the invoices where the
 * customer paid beyond what they owe, and refund from the same form.
 */

import {
  Alert,
  Button,
  Card,
  Group,
  NativeSelect,
  Radio,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { InvoiceBalanceView } from "../../../../src/http/routes/payments/contract.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { KEYBOARD_SCROLL } from "../../components/keyboard-scroll.ts";
import { useFormat } from "../../format/use-format.ts";
import { useOrg } from "../../layout/org-context.ts";
import { fieldError } from "../relationships/incident-new-page.tsx";
import { parseAmount, useCustomerBalance, useRecordPayment } from "./payment-queries.ts";

const METHODS = ["cash", "card", "transfer", "cheque"] as const;
type Method = (typeof METHODS)[number];

const today = () => new Date().toLocaleDateString("en-CA");

export function PaymentPanel({ customer }: { customer: string }) {
  const { t } = useTranslation();
  const org = useOrg();
  const f = useFormat();
  const balance = useCustomerBalance(org.slug, customer);
  if (!balance.data || balance.data.invoices.length === 0) return null;
  const { currency, invoices } = balance.data;
  return (
    <Card withBorder component="section" aria-labelledby="payments-title">
      <Title order={2} size="h4" id="payments-title">
        {t("payments.panel.title")}
      </Title>
      {balance.data.balance !== null && (
        <Text size="sm" c="dimmed" data-testid="customer-balance">
          {balance.data.balance >= 0
            ? t("payments.panel.owes", { amount: f.money(balance.data.balance, currency) })
            : t("payments.panel.inCredit", { amount: f.money(-balance.data.balance, currency) })}
        </Text>
      )}
      <Table.ScrollContainer minWidth={560} scrollAreaProps={KEYBOARD_SCROLL}>
        <Table mt="sm" striped data-testid="invoice-balances">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("payments.invoice")}</Table.Th>
              <Table.Th>{t("payments.due")}</Table.Th>
              <Table.Th ta="right">{t("payments.amount")}</Table.Th>
              <Table.Th ta="right">{t("payments.paid")}</Table.Th>
              <Table.Th ta="right">{t("payments.balance")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {invoices.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>{i.id}</Table.Td>
                <Table.Td>{f.instant(i.due)}</Table.Td>
                <Table.Td ta="right">{f.money(i.amount, currency)}</Table.Td>
                <Table.Td ta="right">{f.money(i.paid, currency)}</Table.Td>
                <Table.Td ta="right">
                  {i.balance === 0 ? t("payments.settled") : f.money(i.balance, currency)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <PaymentForm
        invoices={invoices.filter(
          (i) => i.balance > 0 || (i.balance < 0 && org.can.managePayments),
        )}
        currency={currency}
      />
    </Card>
  );
}

function PaymentForm({ invoices, currency }: { invoices: InvoiceBalanceView[]; currency: string }) {
  const { t, i18n } = useTranslation();
  const org = useOrg();
  const f = useFormat();
  const record = useRecordPayment(org.slug);
  const [invoiceId, setInvoiceId] = useState(invoices[0]?.id ?? "");
  const invoice = invoices.find((i) => i.id === invoiceId) ?? invoices[0];
  const [amount, setAmount] = useState<string | null>(null);
  const [method, setMethod] = useState<Method>("card");
  const [date, setDate] = useState(today);
  if (!invoice) {
    return record.isSuccess ? <Done data={record.data} currency={currency} /> : null;
  }
  const refund = invoice.balance < 0;
  // The balance as people type it: "60,00" in French.
  const fixed = Math.abs(invoice.balance).toFixed(2);
  const shown = amount ?? (i18n.language === "fr" ? fixed.replace(".", ",") : fixed);
  const parsed = parseAmount(shown);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (Number.isNaN(parsed)) return;
    record.mutate(
      {
        invoice: invoice.id,
        amount: parsed,
        method,
        ...(date && date !== today() ? { at: date } : {}),
        ...(refund ? { kind: "refund" as const } : {}),
      },
      { onSuccess: () => setAmount(null) },
    );
  };

  return (
    <Stack
      component="form"
      gap="sm"
      mt="md"
      onSubmit={submit}
      aria-label={t("payments.form.title")}
    >
      <Title order={3} size="h5">
        {t("payments.form.title")}
      </Title>
      <NativeSelect
        label={t("payments.form.invoice")}
        value={invoice.id}
        onChange={(e) => {
          setInvoiceId(e.currentTarget.value);
          setAmount(null);
        }}
        data={invoices.map((i) => ({
          value: i.id,
          label:
            i.balance > 0
              ? t("payments.form.option", { id: i.id, balance: f.money(i.balance, currency) })
              : t("payments.form.optionCredit", {
                  id: i.id,
                  credit: f.money(-i.balance, currency),
                }),
        }))}
        error={fieldError(record.error, "invoice")}
      />
      <Group align="flex-start" gap="md">
        <TextInput
          label={refund ? t("payments.form.refundAmount") : t("payments.form.amount")}
          description={t("payments.form.amountHelp", { currency })}
          inputMode="decimal"
          value={shown}
          onChange={(e) => setAmount(e.currentTarget.value)}
          error={
            Number.isNaN(parsed)
              ? t("payments.form.amountInvalid")
              : fieldError(record.error, "amount")
          }
          required
          maw={200}
        />
        <TextInput
          label={t("payments.form.date")}
          type="date"
          value={date}
          max={today()}
          onChange={(e) => setDate(e.currentTarget.value)}
          error={fieldError(record.error, "at")}
          maw={200}
        />
      </Group>
      <Radio.Group
        label={t("payments.form.method")}
        value={method}
        onChange={(v) => setMethod(v as Method)}
        required
      >
        <Group gap="md" mt="xs">
          {METHODS.map((m) => (
            <Radio key={m} value={m} label={t(`payments.methods.${m}`)} />
          ))}
        </Group>
      </Radio.Group>
      <ErrorAlert error={record.error} />
      {record.isSuccess && <Done data={record.data} currency={currency} />}
      <div>
        <Button type="submit" loading={record.isPending} disabled={Number.isNaN(parsed)}>
          {refund ? t("payments.form.refund") : t("payments.form.submit")}
        </Button>
      </div>
    </Stack>
  );
}

function Done({
  data,
  currency,
}: {
  data: { entry: { amount: number; invoice: string }; invoice: InvoiceBalanceView };
  currency: string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const values = {
    amount: f.money(Math.abs(data.entry.amount), currency),
    id: data.entry.invoice,
    balance: f.money(data.invoice.balance, currency),
  };
  return (
    <Alert color="green" role="status" data-testid="payment-done">
      {data.entry.amount < 0
        ? t("payments.form.refunded", values)
        : data.invoice.balance > 0
          ? t("payments.form.recordedPartial", values)
          : t("payments.form.recordedFull", values)}
    </Alert>
  );
}
