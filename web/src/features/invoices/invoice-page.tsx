/**
 * One invoice: a draft's editor (a line table to type in, totals computed as you type, then
 * issue), or an issued document (its number, totals, balance, the PDF link and a credit note).
 */

import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { FRENCH_VAT_RATES } from "../../../../src/domain/invoicing/invoice-record.ts";
import { computeTotals } from "../../../../src/domain/invoicing/invoice-totals.ts";
import { minorDigits, toMinor } from "../../../../src/domain/money.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { KEYBOARD_SCROLL } from "../../components/keyboard-scroll.ts";
import { PageTitle } from "../../components/page-title.tsx";
import { ErrorState, Loading } from "../../components/states.tsx";
import { useFormat } from "../../format/use-format.ts";
import { useOrg } from "../../layout/org-context.ts";
import {
  type Invoice,
  useCreditNote,
  useInvoice,
  useIssueInvoice,
  useUpdateInvoice,
} from "./invoice-queries.ts";
import { STATUS_COLOURS } from "./invoices-page.tsx";

interface EditLine {
  key: number;
  description: string;
  quantity: number | string;
  unitPrice: number | string;
  vatRate: string;
  discount: number | string;
  nature: "goods" | "services";
}

let nextKey = 1;

/** A rate or a quantity as people write it: 5,5 in French (up to 3 decimals). */
function useRateText() {
  const { i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.language === "en" ? "en-GB" : "fr-FR", {
    maximumFractionDigits: 3,
  });
  return (n: number) => format.format(n);
}
const blank = (): EditLine => ({
  key: nextKey++,
  description: "",
  quantity: 1,
  unitPrice: "",
  vatRate: "20",
  discount: "",
  nature: "services",
});

export function InvoicePage({ id }: { id: string }) {
  const org = useOrg();
  const query = useInvoice(org.slug, id);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={query.refetch} />;
  const invoice = query.data.invoice;
  return invoice.status === "draft" ? (
    <DraftEditor key={invoice.id} invoice={invoice} />
  ) : (
    <IssuedInvoice invoice={invoice} />
  );
}

function Heading({ invoice }: { invoice: Invoice }) {
  const { t } = useTranslation();
  const kind = t(`invoices.kind.${invoice.kind}`);
  return (
    <Group gap="sm">
      <PageTitle
        title={invoice.number ? `${kind} ${invoice.number}` : t("invoices.draftOf", { kind })}
      />
      <Badge color={STATUS_COLOURS[invoice.status]} variant="filled">
        {t(`invoices.status.${invoice.status}`)}
      </Badge>
    </Group>
  );
}

function DraftEditor({ invoice }: { invoice: Invoice }) {
  const { t } = useTranslation();
  const org = useOrg();
  const f = useFormat();
  const navigate = useNavigate();
  const rateText = useRateText();
  const update = useUpdateInvoice(org.slug, invoice.id);
  const issue = useIssueInvoice(org.slug, invoice.id);
  const [lines, setLines] = useState<EditLine[]>(() =>
    invoice.lines.length
      ? invoice.lines.map((l) => ({
          key: nextKey++,
          description: l.description,
          quantity: l.quantity,
          unitPrice: l.unitPrice,
          vatRate: String(l.vatRate),
          discount: l.discount || "",
          nature: l.nature,
        }))
      : [blank()],
  );
  const digits = minorDigits(invoice.currency);
  const totals = useMemo(() => {
    const minor = (v: number | string) => toMinor(v === "" ? 0 : v, digits) ?? 0;
    return computeTotals({
      vatExemption: null,
      lines: lines.map((l) => ({
        description: l.description,
        quantity: Number(l.quantity) > 0 ? Math.round(Number(l.quantity) * 1000) / 1000 : 0,
        unitPriceMinor: minor(l.unitPrice),
        vatRate: Number(l.vatRate),
        discountMinor: minor(l.discount),
        nature: l.nature,
      })),
      references: {
        deposits: invoice.depositsDrawnDown.map((d) => ({
          number: d.number,
          amountMinor: minor(d.amount),
        })),
      },
    });
  }, [lines, invoice.depositsDrawnDown, digits]);
  const money = (m: number) => f.money(m / 10 ** digits, invoice.currency);
  const set = (key: number, patch: Partial<EditLine>) =>
    setLines((all) => all.map((l) => (l.key === key ? { ...l, ...patch } : l)));
  const body = () => ({
    lines: lines
      .filter((l) => l.description.trim() !== "" || l.unitPrice !== "")
      .map((l) => ({
        description: l.description,
        quantity: Number(l.quantity),
        unitPrice: Number(l.unitPrice || 0),
        vatRate: Number(l.vatRate),
        ...(l.discount !== "" && Number(l.discount) > 0 ? { discount: Number(l.discount) } : {}),
        nature: l.nature,
      })),
  });
  const save = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(body());
  };
  const saveAndIssue = () =>
    update.mutate(body(), {
      onSuccess: () =>
        issue.mutate(undefined, {
          onSuccess: (data) =>
            navigate({
              to: "/o/$org/invoices/$id",
              params: { org: org.slug, id: data.invoice.number ?? data.invoice.id },
            }),
        }),
    });
  return (
    <Stack gap="md">
      <Heading invoice={invoice} />
      <Text>
        {t("invoices.customer")} : {invoice.customerName ?? invoice.customer}
      </Text>
      <Card withBorder component="form" onSubmit={save} aria-label={t("invoices.lines")}>
        <Stack gap="sm">
          <Table.ScrollContainer minWidth={720} scrollAreaProps={KEYBOARD_SCROLL}>
            <Table data-testid="draft-lines">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("invoices.line.description")}</Table.Th>
                  <Table.Th w={90}>{t("invoices.line.quantity")}</Table.Th>
                  <Table.Th w={130}>{t("invoices.line.unitPrice")}</Table.Th>
                  <Table.Th w={100}>{t("invoices.line.vatRate")}</Table.Th>
                  <Table.Th w={110}>{t("invoices.line.discount")}</Table.Th>
                  <Table.Th w={120}>{t("invoices.line.nature")}</Table.Th>
                  <Table.Th w={110} ta="right">
                    {t("invoices.line.net")}
                  </Table.Th>
                  <Table.Th w={50} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {lines.map((l, i) => (
                  <Table.Tr key={l.key}>
                    <Table.Td>
                      <TextInput
                        aria-label={t("invoices.line.descriptionOf", { n: i + 1 })}
                        value={l.description}
                        onChange={(e) => set(l.key, { description: e.currentTarget.value })}
                      />
                    </Table.Td>
                    <Table.Td>
                      <NumberInput
                        aria-label={t("invoices.line.quantityOf", { n: i + 1 })}
                        value={l.quantity}
                        min={0}
                        decimalScale={3}
                        hideControls
                        onChange={(v) => set(l.key, { quantity: v })}
                      />
                    </Table.Td>
                    <Table.Td>
                      <NumberInput
                        aria-label={t("invoices.line.unitPriceOf", { n: i + 1 })}
                        value={l.unitPrice}
                        min={0}
                        decimalScale={digits}
                        hideControls
                        onChange={(v) => set(l.key, { unitPrice: v })}
                      />
                    </Table.Td>
                    <Table.Td>
                      <NativeSelect
                        aria-label={t("invoices.line.vatRateOf", { n: i + 1 })}
                        value={l.vatRate}
                        onChange={(e) => set(l.key, { vatRate: e.currentTarget.value })}
                        data={FRENCH_VAT_RATES.map((r) => ({
                          value: String(r),
                          label: `${rateText(r)} %`,
                        }))}
                      />
                    </Table.Td>
                    <Table.Td>
                      <NumberInput
                        aria-label={t("invoices.line.discountOf", { n: i + 1 })}
                        value={l.discount}
                        min={0}
                        decimalScale={digits}
                        hideControls
                        onChange={(v) => set(l.key, { discount: v })}
                      />
                    </Table.Td>
                    <Table.Td>
                      <NativeSelect
                        aria-label={t("invoices.line.natureOf", { n: i + 1 })}
                        value={l.nature}
                        onChange={(e) =>
                          set(l.key, { nature: e.currentTarget.value as EditLine["nature"] })
                        }
                        data={[
                          { value: "services", label: t("invoices.line.services") },
                          { value: "goods", label: t("invoices.line.goods") },
                        ]}
                      />
                    </Table.Td>
                    <Table.Td ta="right">{money(totals.lineNets[i] ?? 0)}</Table.Td>
                    <Table.Td>
                      <Button
                        variant="subtle"
                        color="red"
                        aria-label={t("invoices.line.remove", { n: i + 1 })}
                        onClick={() => setLines((all) => all.filter((x) => x.key !== l.key))}
                      >
                        ×
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group>
            <Button variant="default" onClick={() => setLines((all) => [...all, blank()])}>
              {t("invoices.line.add")}
            </Button>
          </Group>
          <Totals invoice={invoice} totals={totals} money={money} />
          <ErrorAlert error={update.error ?? issue.error} />
          <Group>
            <Button type="submit" variant="default" loading={update.isPending}>
              {t("invoices.save")}
            </Button>
            <Button onClick={saveAndIssue} loading={issue.isPending}>
              {t("invoices.issue")}
            </Button>
          </Group>
          <Text size="sm" c="dimmed">
            {t("invoices.issueHelp")}
          </Text>
        </Stack>
      </Card>
    </Stack>
  );
}

function Totals({
  invoice,
  totals,
  money,
}: {
  invoice: Invoice;
  totals: ReturnType<typeof computeTotals>;
  money: (minor: number) => string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const rateText = useRateText();
  return (
    <Table maw={460} ml="auto" data-testid="invoice-totals">
      <Table.Tbody>
        <Table.Tr>
          <Table.Td>{t("invoices.totalExclVat")}</Table.Td>
          <Table.Td ta="right">{money(totals.totalExclVatMinor)}</Table.Td>
        </Table.Tr>
        {totals.vatBreakdown.map((r) => (
          <Table.Tr key={`${r.category}${r.rate}`}>
            <Table.Td>
              {t("invoices.vatAt", { rate: rateText(r.rate), base: money(r.taxableMinor) })}
            </Table.Td>
            <Table.Td ta="right">{money(r.vatMinor)}</Table.Td>
          </Table.Tr>
        ))}
        <Table.Tr>
          <Table.Td fw={600}>{t("invoices.totalInclVat")}</Table.Td>
          <Table.Td ta="right" fw={600}>
            {money(totals.totalInclVatMinor)}
          </Table.Td>
        </Table.Tr>
        {invoice.depositsDrawnDown.map((d) => (
          <Table.Tr key={d.number}>
            <Table.Td>{t("invoices.depositDrawn", { number: d.number })}</Table.Td>
            <Table.Td ta="right">- {f.money(d.amount, invoice.currency)}</Table.Td>
          </Table.Tr>
        ))}
        <Table.Tr>
          <Table.Td fw={600}>{t("invoices.amountDue")}</Table.Td>
          <Table.Td ta="right" fw={600}>
            {money(totals.amountDueMinor)}
          </Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}

function IssuedInvoice({ invoice }: { invoice: Invoice }) {
  const { t } = useTranslation();
  const f = useFormat();
  const rateText = useRateText();
  const digits = minorDigits(invoice.currency);
  const money = (m: number) => f.money(m / 10 ** digits, invoice.currency);
  const totals = computeTotals({
    vatExemption: invoice.vatExemption as never,
    lines: invoice.lines.map((l) => ({
      description: l.description,
      quantity: l.quantity,
      unitPriceMinor: toMinor(l.unitPrice, digits) ?? 0,
      vatRate: l.vatRate,
      discountMinor: toMinor(l.discount, digits) ?? 0,
      nature: l.nature,
    })),
    references: {
      deposits: invoice.depositsDrawnDown.map((d) => ({
        number: d.number,
        amountMinor: toMinor(d.amount, digits) ?? 0,
      })),
    },
  });
  return (
    <Stack gap="md">
      <Heading invoice={invoice} />
      <Card withBorder>
        <Stack gap={4}>
          <Text data-testid="invoice-number">
            {t("invoices.number")} : {invoice.number}
          </Text>
          <Text>
            {t("invoices.customer")} : {invoice.customerName ?? invoice.customer}
          </Text>
          {invoice.issueDate && (
            <Text>
              {t("invoices.issueDate")} : {f.date(invoice.issueDate)}
            </Text>
          )}
          {invoice.dueDate && invoice.kind !== "credit_note" && (
            <Text>
              {t("invoices.dueDate")} : {f.date(invoice.dueDate)}
            </Text>
          )}
          {invoice.corrects && <Text>{t("invoices.corrects", { number: invoice.corrects })}</Text>}
          {invoice.reason && (
            <Text>
              {t("invoices.reason")} : {invoice.reason}
            </Text>
          )}
        </Stack>
      </Card>
      <Card withBorder p={0}>
        <Table.ScrollContainer minWidth={480} scrollAreaProps={KEYBOARD_SCROLL}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("invoices.line.description")}</Table.Th>
                <Table.Th ta="right">{t("invoices.line.quantity")}</Table.Th>
                <Table.Th ta="right">{t("invoices.line.unitPrice")}</Table.Th>
                <Table.Th ta="right">{t("invoices.line.vatRate")}</Table.Th>
                <Table.Th ta="right">{t("invoices.line.net")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invoice.lines.map((l, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: an issued invoice's lines never move
                <Table.Tr key={i}>
                  <Table.Td>{l.description}</Table.Td>
                  <Table.Td ta="right">{rateText(l.quantity)}</Table.Td>
                  <Table.Td ta="right">{f.money(l.unitPrice, invoice.currency)}</Table.Td>
                  <Table.Td ta="right">{rateText(l.vatRate)} %</Table.Td>
                  <Table.Td ta="right">{f.money(l.net, invoice.currency)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      <Totals invoice={invoice} totals={totals} money={money} />
      {invoice.balance !== null && invoice.kind !== "credit_note" && (
        <Alert color={invoice.status === "overdue" ? "red" : "blue"}>
          {t("invoices.balanceIs", {
            balance: f.money(invoice.balance, invoice.currency),
            paid: f.money(invoice.paid ?? 0, invoice.currency),
            credited: f.money(invoice.credited ?? 0, invoice.currency),
          })}
        </Alert>
      )}
      {invoice.pdfUrl && (
        <Anchor href={invoice.pdfUrl} target="_blank" rel="noopener">
          {t("invoices.pdf")}
        </Anchor>
      )}
      {invoice.kind !== "credit_note" && invoice.number && <CreditNoteForm invoice={invoice} />}
    </Stack>
  );
}

function CreditNoteForm({ invoice }: { invoice: Invoice }) {
  const { t } = useTranslation();
  const org = useOrg();
  const navigate = useNavigate();
  const credit = useCreditNote(org.slug, invoice.number as string);
  const [amount, setAmount] = useState<number | string>("");
  const [reason, setReason] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    credit.mutate(
      {
        ...(amount === "" ? {} : { amount: Number(amount) }),
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      },
      {
        onSuccess: (data) =>
          navigate({
            to: "/o/$org/invoices/$id",
            params: { org: org.slug, id: data.invoice.id },
          }),
      },
    );
  };
  return (
    <Card withBorder component="form" onSubmit={submit} aria-label={t("invoices.creditNote.title")}>
      <Stack gap="sm">
        <Text fw={600}>{t("invoices.creditNote.title")}</Text>
        <Text size="sm">{t("invoices.creditNote.help")}</Text>
        <Group align="flex-end" wrap="wrap">
          <NumberInput
            label={t("invoices.creditNote.amount")}
            description={t("invoices.creditNote.amountHelp")}
            value={amount}
            min={0}
            hideControls
            onChange={setAmount}
          />
          <TextInput
            label={t("invoices.reason")}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Button type="submit" variant="default" loading={credit.isPending}>
            {t("invoices.creditNote.draft")}
          </Button>
        </Group>
        <ErrorAlert error={credit.error} />
      </Stack>
    </Card>
  );
}
