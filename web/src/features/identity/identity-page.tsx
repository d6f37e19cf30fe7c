/**
 * « Identité »: who the business is on its documents (legal name, address, SIREN and SIRET,
 * registration, VAT number or franchise, contact, logo). The owner edits (`canEdit`); the
 * others read. Each refused field shows the server's reason under it, in the interface
 * language, and nothing is saved then.
 */
import {
  Alert,
  Button,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { IdentityResponse } from "../../../../src/http/routes/identity/contract.ts";
import { PageTitle } from "../../components/page-title.tsx";
import { ErrorState, Loading, useErrorMessage } from "../../components/states.tsx";
import { useOrg } from "../../layout/org-context.ts";
import {
  bodyOf,
  fieldErrors,
  type IdentityValues,
  missingFields,
  valuesOf,
} from "./identity-form.ts";
import { useIdentity, useSaveIdentity } from "./identity-queries.ts";
import { LogoField } from "./logo-field.tsx";

export function IdentityPage() {
  const org = useOrg();
  const query = useIdentity(org.slug);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={query.refetch} />;
  return <IdentityForm data={query.data} />;
}

function IdentityForm({ data }: { data: IdentityResponse }) {
  const { t } = useTranslation();
  const org = useOrg();
  const save = useSaveIdentity(org.slug);
  const errorMessage = useErrorMessage();
  const [values, setValues] = useState<IdentityValues>(() => valuesOf(data.identity, org.name));
  const [missing, setMissing] = useState<string[]>([]);
  const [justSaved, setJustSaved] = useState(false);
  const serverErrors = fieldErrors(save.error);
  const err = (...fields: string[]) => {
    for (const field of fields) {
      if (missing.includes(field)) return t("identity.required");
      if (serverErrors[field]) return serverErrors[field];
    }
    return undefined;
  };
  const set =
    <K extends keyof IdentityValues>(key: K) =>
    (value: IdentityValues[K]) => {
      setJustSaved(false);
      setValues((v) => ({ ...v, [key]: value }));
    };
  const text = (key: keyof IdentityValues, field: string = key) => ({
    value: values[key] as string,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      set(key)(e.currentTarget.value as never),
    error: err(field),
    name: field,
  });

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const empty = missingFields(values);
    setMissing(empty);
    if (empty.length > 0 || !data.canEdit) return;
    save.mutate(bodyOf(values), { onSuccess: () => setJustSaved(true) });
  };
  const otherError = save.error && Object.keys(serverErrors).length === 0;

  return (
    <Stack gap="lg" maw={860}>
      <PageTitle title={t("identity.title")} subtitle={t("identity.subtitle")} />
      {!data.canEdit && <Alert color="gray">{t("identity.readOnly")}</Alert>}
      <Alert color={data.complete ? "green" : "yellow"} data-testid="identity-status">
        {data.complete ? t("identity.complete") : t("identity.incomplete")}
      </Alert>
      <LogoField data={data} />
      <form onSubmit={submit} aria-label={t("identity.title")} noValidate>
        <Stack gap="md">
          <fieldset disabled={!data.canEdit} style={{ border: 0, padding: 0, margin: 0 }}>
            <Stack gap="md">
              <Fieldset legend={t("identity.sections.legal")}>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput
                    label={t("identity.fields.legalName")}
                    description={t("identity.fields.legalNameHelp")}
                    required
                    {...text("legalName")}
                  />
                  <TextInput
                    label={t("identity.fields.legalForm")}
                    description={t("identity.fields.legalFormHelp")}
                    {...text("legalForm")}
                  />
                  <NumberInput
                    label={t("identity.fields.shareCapital")}
                    description={t("identity.fields.shareCapitalHelp")}
                    name="shareCapital"
                    min={0}
                    decimalScale={2}
                    hideControls
                    suffix={` ${data.currency}`}
                    value={values.shareCapital}
                    error={err("shareCapital")}
                    onChange={(v) => set("shareCapital")(v === "" ? "" : Number(v))}
                  />
                </SimpleGrid>
              </Fieldset>
              <Fieldset legend={t("identity.sections.address")}>
                <Stack gap="sm">
                  <Textarea
                    label={t("identity.fields.street")}
                    autosize
                    minRows={1}
                    {...text("street", "address.street")}
                  />
                  <SimpleGrid cols={{ base: 1, sm: 3 }}>
                    <TextInput
                      label={t("identity.fields.postalCode")}
                      {...text("postalCode", "address.postalCode")}
                    />
                    <TextInput
                      label={t("identity.fields.city")}
                      {...text("city", "address.city")}
                    />
                    <TextInput
                      label={t("identity.fields.country")}
                      description={t("identity.fields.countryHelp")}
                      maxLength={2}
                      {...text("country", "address.country")}
                    />
                  </SimpleGrid>
                </Stack>
              </Fieldset>
              <Fieldset legend={t("identity.sections.registration")}>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput
                    label={t("identity.fields.siren")}
                    description={t("identity.fields.sirenHelp")}
                    inputMode="numeric"
                    {...text("siren")}
                  />
                  <TextInput
                    label={t("identity.fields.siret")}
                    description={t("identity.fields.siretHelp")}
                    inputMode="numeric"
                    {...text("siret")}
                  />
                  <NativeSelect
                    label={t("identity.fields.registrationKind")}
                    name="registrationKind"
                    value={values.registrationKind}
                    error={err("registration")}
                    onChange={(e) =>
                      set("registrationKind")(
                        e.currentTarget.value as IdentityValues["registrationKind"],
                      )
                    }
                    data={[
                      { value: "", label: t("identity.fields.registrationNone") },
                      { value: "rcs", label: t("identity.fields.registrationRcs") },
                      { value: "rm", label: t("identity.fields.registrationRm") },
                    ]}
                  />
                  {values.registrationKind && (
                    <TextInput
                      label={t("identity.fields.registrationPlace")}
                      required
                      {...text("registrationPlace", "registration.place")}
                    />
                  )}
                </SimpleGrid>
              </Fieldset>
              <Fieldset legend={t("identity.sections.vat")}>
                <Stack gap="sm">
                  <Radio.Group
                    label={t("identity.fields.vatMode")}
                    value={values.vatMode}
                    onChange={(v) => set("vatMode")(v as IdentityValues["vatMode"])}
                    error={err("vatFranchise")}
                  >
                    <Group mt={4}>
                      <Radio value="number" label={t("identity.fields.vatNumberMode")} />
                      <Radio value="franchise" label={t("identity.fields.vatFranchiseMode")} />
                    </Group>
                  </Radio.Group>
                  {values.vatMode === "number" && (
                    <TextInput
                      label={t("identity.fields.vatNumber")}
                      description={t("identity.fields.vatNumberHelp")}
                      required
                      {...text("vatNumber")}
                    />
                  )}
                  {values.vatMode === "franchise" && (
                    <Text size="sm">
                      {t("identity.fields.vatFranchiseHelp", {
                        mention: data.vatFranchiseMention,
                      })}
                    </Text>
                  )}
                </Stack>
              </Fieldset>
              <Fieldset legend={t("identity.sections.contact")}>
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <TextInput
                    label={t("identity.fields.email")}
                    type="email"
                    autoComplete="email"
                    {...text("email")}
                  />
                  <TextInput
                    label={t("identity.fields.phone")}
                    type="tel"
                    autoComplete="tel"
                    {...text("phone")}
                  />
                  <TextInput
                    label={t("identity.fields.website")}
                    autoComplete="url"
                    {...text("website")}
                  />
                </SimpleGrid>
              </Fieldset>
            </Stack>
          </fieldset>
          {(missing.length > 0 || Object.keys(serverErrors).length > 0) && (
            <Alert color="red" role="alert">
              {serverErrors[""] ?? t("identity.fixErrors")}
            </Alert>
          )}
          {otherError && (
            <Alert color="red" role="alert">
              {errorMessage(save.error)}
            </Alert>
          )}
          {data.canEdit && (
            <Group>
              <Button type="submit" loading={save.isPending}>
                {t("identity.save")}
              </Button>
              {justSaved && (
                <Text c="green.9" role="status">
                  {t("identity.saved")}
                </Text>
              )}
            </Group>
          )}
        </Stack>
      </form>
    </Stack>
  );
}
