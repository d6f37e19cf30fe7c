/**
 * The workshop's profile, shared by the setup page and "new organization": name, trade (free
 * text with suggestions), language, currency and time zone (the browser's own by default).
 */
import { Autocomplete, NativeSelect, Select, Stack, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { TRADE_SUGGESTIONS } from "../../../../src/domain/organization-profile.ts";
import type { OrganizationProfileInput } from "../../../../src/http/routes/organizations/contract.ts";

const CURRENCIES = ["EUR", "CHF", "CAD", "GBP", "USD", "XOF", "XPF", "MAD", "TND"];

function timeZones(): string[] {
  const intl = Intl as { supportedValuesOf?: (key: string) => string[] };
  return intl.supportedValuesOf?.("timeZone") ?? ["Europe/Paris"];
}

export function defaultProfile(lang: string): OrganizationProfileInput {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return {
    name: "",
    trade: "",
    lang: lang === "en" ? "en" : "fr",
    currency: "EUR",
    timeZone: zone?.includes("/") ? zone : "Europe/Paris",
  };
}

export function WorkshopFields(props: {
  value: OrganizationProfileInput;
  onChange(next: OrganizationProfileInput): void;
}) {
  const { t } = useTranslation();
  const { value, onChange } = props;
  const set = (patch: Partial<OrganizationProfileInput>) => onChange({ ...value, ...patch });
  return (
    <Stack gap="sm">
      <TextInput
        label={t("workshop.name")}
        required
        maxLength={120}
        value={value.name}
        onChange={(event) => set({ name: event.currentTarget.value })}
      />
      <Autocomplete
        label={t("workshop.trade")}
        description={t("workshop.tradeHint")}
        data={[...TRADE_SUGGESTIONS]}
        maxLength={80}
        value={value.trade ?? ""}
        onChange={(trade) => set({ trade })}
      />
      <NativeSelect
        label={t("workshop.lang")}
        value={value.lang}
        data={[
          { value: "fr", label: t("workshop.langs.fr") },
          { value: "en", label: t("workshop.langs.en") },
        ]}
        onChange={(event) => set({ lang: event.currentTarget.value === "en" ? "en" : "fr" })}
      />
      <NativeSelect
        label={t("workshop.currency")}
        value={value.currency}
        data={CURRENCIES}
        onChange={(event) => set({ currency: event.currentTarget.value })}
      />
      <Select
        label={t("workshop.timeZone")}
        searchable
        allowDeselect={false}
        value={value.timeZone}
        data={timeZones()}
        onChange={(timeZone) => timeZone && set({ timeZone })}
      />
    </Stack>
  );
}
