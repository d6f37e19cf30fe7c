/**
 * The customer of a new intake: an existing one found by name or id, or a new one typed in.
 * An existing customer in `part_ways` or with signals brings a warning (GET /intake/warning).
 */
import { Alert, Group, SegmentedControl, Stack, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { CustomerSearch, PickedCustomer } from "../../components/customer-search.tsx";
import { useOrg } from "../../layout/org-context.ts";
import { RelationshipEndedAlert } from "../relationships/part-ways-panel.tsx";
import { useCustomerWarning } from "./intake-queries.ts";

export type CustomerChoice =
  | { mode: "existing"; id: string | null; name: string }
  | { mode: "new"; name: string; email: string; phone: string };

export function IntakeCustomerPicker(props: {
  value: CustomerChoice;
  onChange: (value: CustomerChoice) => void;
}) {
  const { t } = useTranslation();
  const { value, onChange } = props;
  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label={t("intake.form.customer")}
        value={value.mode}
        data={[
          { value: "existing", label: t("intake.form.existing") },
          { value: "new", label: t("intake.form.newCustomer") },
        ]}
        onChange={(mode) =>
          onChange(
            mode === "new"
              ? { mode: "new", name: "", email: "", phone: "" }
              : { mode: "existing", id: null, name: "" },
          )
        }
      />
      {value.mode === "existing" ? (
        <ExistingCustomer value={value} onChange={onChange} />
      ) : (
        <Group grow align="flex-start" wrap="wrap">
          <TextInput
            label={t("intake.form.name")}
            required
            value={value.name}
            onChange={(e) => onChange({ ...value, name: e.currentTarget.value })}
            miw={200}
          />
          <TextInput
            label={t("intake.form.email")}
            type="email"
            value={value.email}
            onChange={(e) => onChange({ ...value, email: e.currentTarget.value })}
            miw={200}
          />
          <TextInput
            label={t("intake.form.phone")}
            type="tel"
            value={value.phone}
            onChange={(e) => onChange({ ...value, phone: e.currentTarget.value })}
            miw={160}
          />
        </Group>
      )}
    </Stack>
  );
}

function ExistingCustomer(props: {
  value: Extract<CustomerChoice, { mode: "existing" }>;
  onChange: (value: CustomerChoice) => void;
}) {
  const { t } = useTranslation();
  const { value, onChange } = props;

  if (value.id !== null) {
    return (
      <Stack gap="xs">
        <PickedCustomer
          label={t("intake.form.picked", { name: value.name })}
          testId="picked-customer"
          change={t("intake.form.change")}
          onChange={() => onChange({ mode: "existing", id: null, name: "" })}
        />
        <CustomerWarningAlert customer={value.id} />
        <RelationshipEndedAlert customer={value.id} intake />
      </Stack>
    );
  }
  return (
    <CustomerSearch
      label={t("intake.form.search")}
      placeholder={t("intake.form.searchPlaceholder")}
      noMatch={t("intake.form.noMatch")}
      pickLabel={(name) => t("intake.form.pick", { name })}
      onPick={(c) => onChange({ mode: "existing", id: c.id, name: c.name })}
    />
  );
}

/** The warning for a customer in part_ways or with signals; nothing when there is none. */
export function CustomerWarningAlert({ customer }: { customer: string }) {
  const { t } = useTranslation();
  const org = useOrg();
  const warning = useCustomerWarning(org.slug, customer);
  const data = warning.data;
  if (!data) return null;
  // A customer to renegotiate with: the suggested deposit and why (docs/invoicing.md).
  const deposit = data.deposit ? (
    <Alert
      color="yellow"
      title={t("intake.form.depositTitle", { pct: data.deposit.pct })}
      data-testid="deposit-suggestion"
    >
      <Text size="sm">{data.deposit.reason}</Text>
    </Alert>
  ) : null;
  if (data.level === "none") return deposit;
  return (
    <>
      {deposit}
      <Alert
        color={data.level === "part_ways" ? "red" : "orange"}
        title={t("intake.form.warningTitle")}
        role="alert"
        data-testid="customer-warning"
        data-level={data.level}
      >
        <Text size="sm">{data.message}</Text>
        {data.signals && data.signals.length > 0 && (
          <Text size="sm" mt={4}>
            {data.signals
              .map((s) => t(`signals.${s}` as "signals.abusive", { defaultValue: s }))
              .join(" · ")}
          </Text>
        )}
      </Alert>
    </>
  );
}
