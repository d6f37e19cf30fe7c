/**
 * The charter: one field per limit, each explained in a sentence, and a live preview of how
 * many customers would change segment before saving. Only owners save (`can.editCharter`);
 * managers may try values and see the preview.
 */
import {
  Alert,
  Button,
  Card,
  FileButton,
  Grid,
  Group,
  NumberInput,
  Select,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  CHARTER_KEYS,
  type Charter,
  type CharterKey,
  HIGH_VALUE_BASES,
} from "../../../../src/domain/charter.ts";
import { ApiError } from "../../api/api-client.ts";
import { PageTitle } from "../../components/page-title.tsx";
import { ErrorState, Forbidden, Loading, useErrorMessage } from "../../components/states.tsx";
import { useFormat } from "../../format/use-format.ts";
import { useOrg } from "../../layout/org-context.ts";
import { CharterPreview } from "./charter-preview.tsx";
import { useCharter, useCharterPreview, useSaveCharter } from "./charter-queries.ts";

/** The keys whose value differs from the saved charter. */
export function charterPatch(saved: Charter, values: Charter): Partial<Charter> {
  const patch: Record<string, unknown> = {};
  for (const key of CHARTER_KEYS) {
    if (values[key] !== saved[key]) patch[key] = values[key];
  }
  return patch as Partial<Charter>;
}

export function CharterPage() {
  const org = useOrg();
  const query = useCharter(org.slug);
  if (!org.can.seeCharter) return <Forbidden />;
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={query.refetch} />;
  return (
    <CharterForm
      saved={query.data.charter}
      defaults={query.data.defaults}
      canEdit={query.data.can.editCharter}
    />
  );
}

function CharterForm(props: { saved: Charter; defaults: Charter; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const org = useOrg();
  const f = useFormat();
  const errorMessage = useErrorMessage();
  const [values, setValues] = useState<Charter>(props.saved);
  const [justSaved, setJustSaved] = useState(false);
  const patch = useMemo(() => charterPatch(props.saved, values), [props.saved, values]);
  const [debouncedPatch] = useDebouncedValue(patch, 400);
  const dirty = Object.keys(patch).length > 0;
  const previewEnabled = Object.keys(debouncedPatch).length > 0;
  const preview = useCharterPreview(org.slug, debouncedPatch, previewEnabled);
  const save = useSaveCharter(org.slug);
  const fieldError = save.error instanceof ApiError ? save.error.field : undefined;

  useEffect(() => {
    if (dirty) setJustSaved(false);
  }, [dirty]);
  // After a save the refetched charter becomes the new starting point.
  const savedJson = JSON.stringify(props.saved);
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the saved values' content
  useEffect(() => setValues(props.saved), [savedJson]);

  const set = (key: CharterKey, value: unknown) => setValues((v) => ({ ...v, [key]: value }));
  const [loaded, setLoaded] = useState<{ name: string; unknown: string[] } | { error: string }>();
  /** A charter.json (as the export writes it) fills the form; saving stays the owner's click. */
  const loadFile = async (file: File | null) => {
    if (!file) return;
    let value: unknown;
    try {
      value = JSON.parse((await file.text()).replace(/^\ufeff/, ""));
    } catch {
      value = undefined;
    }
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      setLoaded({ error: t("charter.file.notJson", { name: file.name }) });
      return;
    }
    const entries = Object.entries(value as Record<string, unknown>);
    const known = entries.filter(([key]) => (CHARTER_KEYS as readonly string[]).includes(key));
    setValues((v) => ({ ...v, ...Object.fromEntries(known) }));
    setLoaded({
      name: file.name,
      unknown: entries.map(([key]) => key).filter((key) => !known.some(([k]) => k === key)),
    });
  };
  const describe = (key: CharterKey) =>
    `${t(`charter.fields.${key}.help`)} ${t("charter.defaultValue", { value: shownDefault(key) })}`;
  /** The default with its unit: "40,00 €", "10 %", "30 jours". */
  const shownDefault = (key: CharterKey): string => {
    const d = props.defaults;
    const value = d[key];
    if (typeof value !== "number") {
      return key === "high_value_basis"
        ? t(`charter.fields.high_value_basis.${value as "revenue"}`)
        : String(value);
    }
    if (key === "hour_cost") return f.money(value, values.currency || d.currency);
    if (key.endsWith("_pct")) return f.pct(value);
    if (key.endsWith("_days")) return t("charter.units.days", { count: value });
    if (key.endsWith("_hours")) return t("charter.units.hours", { count: value });
    if (key.endsWith("_months")) return t("charter.units.months", { count: value });
    if (key === "zero_tolerance_severity") return t("charter.units.severity", { count: value });
    return f.num(value);
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (!dirty || !props.canEdit) return;
        save.mutate(patch, {
          onSuccess: () => {
            setJustSaved(true);
            setLoaded(undefined);
          },
        });
      }}
    >
      <PageTitle title={t("charter.title")} subtitle={t("charter.intro")} />
      <Text size="sm" mb="md" data-testid="charter-defaults-note">
        {t("charter.defaultsNote")}
      </Text>
      {!props.canEdit && (
        <Alert color="gray" mb="md">
          {t("charter.readOnly")}
        </Alert>
      )}
      {props.canEdit && (
        <Group mb="md" gap="sm" align="center">
          <FileButton onChange={loadFile} accept="application/json,.json">
            {(button) => (
              <Button variant="light" {...button}>
                {t("charter.file.load")}
              </Button>
            )}
          </FileButton>
          <Text size="sm" c="dimmed">
            {t("charter.file.help")}
          </Text>
        </Group>
      )}
      {loaded && (
        <Alert
          color={"error" in loaded ? "red" : "blue"}
          mb="md"
          role="status"
          data-testid="charter-file-status"
        >
          {"error" in loaded
            ? loaded.error
            : `${t("charter.file.loaded", { name: loaded.name })}${
                loaded.unknown.length > 0
                  ? ` ${t("charter.file.unknown", { keys: loaded.unknown.join(", ") })}`
                  : ""
              }`}
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            {CHARTER_KEYS.map((key) => {
              const error =
                fieldError === key || fieldError?.endsWith(`.${key}`)
                  ? errorMessage(save.error)
                  : undefined;
              if (key === "currency") {
                return (
                  <TextInput
                    key={key}
                    label={t(`charter.fields.${key}.label`)}
                    description={describe(key)}
                    value={values.currency}
                    maxLength={3}
                    error={error}
                    onChange={(event) => set(key, event.currentTarget.value.toUpperCase())}
                  />
                );
              }
              if (key === "high_value_basis") {
                return (
                  <Select
                    key={key}
                    name={key}
                    label={t(`charter.fields.${key}.label`)}
                    description={describe(key)}
                    value={values.high_value_basis}
                    data={HIGH_VALUE_BASES.map((basis) => ({
                      value: basis,
                      label: t(`charter.fields.high_value_basis.${basis}`),
                    }))}
                    allowDeselect={false}
                    error={error}
                    onChange={(value) => value && set(key, value)}
                  />
                );
              }
              return (
                <NumberInput
                  key={key}
                  name={key}
                  label={t(`charter.fields.${key}.label`)}
                  description={describe(key)}
                  value={values[key]}
                  decimalSeparator={i18n.language === "fr" ? "," : "."}
                  error={error}
                  onChange={(value) => set(key, typeof value === "number" ? value : Number(value))}
                />
              );
            })}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card
            withBorder
            pos="sticky"
            top={76}
            component="section"
            aria-labelledby="preview-title"
          >
            <CharterPreview
              titleId="preview-title"
              dirty={dirty}
              loading={preview.isFetching}
              error={preview.isError ? errorMessage(preview.error) : null}
              data={previewEnabled ? preview.data : undefined}
            />
            <Group mt="md" gap="sm">
              {props.canEdit && (
                <Button type="submit" disabled={!dirty} loading={save.isPending}>
                  {t("charter.save")}
                </Button>
              )}
              <Button variant="default" disabled={!dirty} onClick={() => setValues(props.saved)}>
                {t("charter.reset")}
              </Button>
              <Button variant="subtle" onClick={() => setValues(props.defaults)}>
                {t("charter.resetDefaults")}
              </Button>
            </Group>
            {save.isError && (
              <Alert color="red" mt="sm" role="alert">
                {errorMessage(save.error)}
              </Alert>
            )}
            {justSaved && !dirty && (
              <Text mt="sm" c="green.9" role="status">
                {t("charter.saved")}
              </Text>
            )}
          </Card>
        </Grid.Col>
      </Grid>
    </form>
  );
}
