/**
 * A customer's record as a form: name, kind, contact details and, for a business, its address,
 * SIREN and VAT number. Checked here with the domain's own rules (the API checks again), each
 * problem said in words next to its field.
 */
import {
  Alert,
  Button,
  Group,
  NativeSelect,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type ContactField,
  checkContactDetails,
  type FieldProblem,
} from "../../../../src/domain/customer-record.ts";
import type { CustomerRecord } from "../../../../src/http/routes/customers/contract-records.ts";
import { ApiError } from "../../api/api-client.ts";
import { useErrorMessage } from "../../components/states.tsx";

export type CustomerValues = Record<ContactField, string>;

export const emptyCustomer: CustomerValues = {
  name: "",
  kind: "person",
  email: "",
  phone: "",
  lang: "",
  status: "active",
  address: "",
  siren: "",
  vat: "",
};

export function valuesOf(record: CustomerRecord): CustomerValues {
  return {
    name: record.name,
    kind: record.kind ?? "person",
    email: record.email ?? "",
    phone: record.phone ?? "",
    lang: record.lang ?? "",
    status: record.status,
    address: record.address ?? "",
    siren: record.siren ?? "",
    vat: record.vat ?? "",
  };
}

/** A person's record carries no SIREN or VAT number. */
function cleaned(values: CustomerValues): CustomerValues {
  return values.kind === "business" ? values : { ...values, siren: "", vat: "" };
}

export function CustomerForm(props: {
  initial: CustomerValues;
  submitLabel: string;
  busy: boolean;
  /** The API's error, if the last submit failed. */
  error: unknown;
  onSubmit: (values: CustomerValues) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const generic = useErrorMessage();
  const [values, setValues] = useState<CustomerValues>(props.initial);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const set = (field: ContactField) => (value: string) =>
    setValues((v) => ({ ...v, [field]: value }));
  const problemText = (field: ContactField, code?: string) => {
    const key = `records.problems.${field}.${code}`;
    return i18n.exists(key)
      ? t(key as "records.problems.name.required")
      : t("records.problems.other", { field: t(`records.form.${field}` as "records.form.name") });
  };
  // The API's own refusal of a field, when the form's check let it through.
  const apiField =
    props.error instanceof ApiError && props.error.code === "BAD_INPUT"
      ? (props.error.field as ContactField | undefined)
      : undefined;
  const errorOf = (field: ContactField) => {
    const problem = problems.find((p) => p.field === field);
    if (problem) return problemText(field, problem.code);
    return apiField === field ? problemText(field) : undefined;
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = cleaned(values);
    const checked = checkContactDetails(next);
    setProblems(checked.ok ? [] : checked.problems);
    if (checked.ok) props.onSubmit(next);
  };
  const text = (field: ContactField, extra: { type?: string; description?: string } = {}) => (
    <TextInput
      label={t(`records.form.${field}` as "records.form.name")}
      value={values[field]}
      onChange={(event) => set(field)(event.currentTarget.value)}
      error={errorOf(field)}
      name={field}
      {...extra}
    />
  );
  const business = values.kind === "business";
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t("records.form.name")}
          value={values.name}
          onChange={(event) => set("name")(event.currentTarget.value)}
          error={errorOf("name")}
          name="name"
          required
          data-autofocus
        />
        <div>
          <Text size="sm" fw={500} mb={4} id="customer-kind-label">
            {t("records.form.kind")}
          </Text>
          <SegmentedControl
            aria-labelledby="customer-kind-label"
            value={values.kind}
            onChange={set("kind")}
            data={[
              { value: "person", label: t("records.form.person") },
              { value: "business", label: t("records.form.business") },
            ]}
          />
        </div>
        {text("email", { type: "email" })}
        {text("phone", { type: "tel" })}
        <Group grow>
          <NativeSelect
            label={t("records.form.status")}
            value={values.status}
            onChange={(event) => set("status")(event.currentTarget.value)}
            data={[
              { value: "active", label: t("records.form.active") },
              { value: "prospect", label: t("records.form.prospect") },
            ]}
          />
          <NativeSelect
            label={t("records.form.lang")}
            value={values.lang}
            onChange={(event) => set("lang")(event.currentTarget.value)}
            data={[
              { value: "", label: "—" },
              { value: "fr", label: "Français" },
              { value: "en", label: "English" },
            ]}
          />
        </Group>
        <Textarea
          label={t("records.form.address")}
          value={values.address}
          onChange={(event) => set("address")(event.currentTarget.value)}
          error={errorOf("address")}
          name="address"
          autosize
          minRows={2}
        />
        {business && (
          <>
            {text("siren", { description: t("records.form.sirenHelp") })}
            {text("vat", { description: t("records.form.vatHelp") })}
          </>
        )}
        {props.error !== null && props.error !== undefined && apiField === undefined && (
          <Alert color="red" role="alert">
            {generic(props.error)}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onCancel} type="button">
            {t("records.cancel")}
          </Button>
          <Button type="submit" loading={props.busy}>
            {props.submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
