/**
 * Export: the whole ledger as JSON lines, one type as CSV, and the charter, the same files as
 * `comptoir export` (plain links: the browser downloads what the API streams).
 */
import { Anchor, Button, Card, Group, Select, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FACT_TYPES } from "../../../../src/domain/facts.ts";
import { charterFileUrl, exportUrl } from "../../../../src/http/routes/exports/contract.ts";
import { useOrg } from "../../layout/org-context.ts";

export function ExportCard() {
  const { t, i18n } = useTranslation();
  const org = useOrg();
  const [type, setType] = useState<string>("customer");
  const lang = i18n.language === "en" ? "en" : "fr";
  return (
    <Card withBorder data-testid="export-card">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t("export.title")}
        </Title>
        <Text size="sm">{t("export.intro")}</Text>
        <div>
          <Button component="a" href={exportUrl(org.slug)} download="ledger.jsonl">
            {t("export.jsonl")}
          </Button>
        </div>
        <Group align="end" gap="sm">
          <Select
            label={t("export.csvType")}
            data={FACT_TYPES.map((value) => ({ value, label: t(`facts.${value}`) }))}
            value={type}
            onChange={(value) => value && setType(value)}
            allowDeselect={false}
            w={260}
          />
          <Button
            component="a"
            variant="light"
            href={exportUrl(org.slug, { format: "csv", type, lang })}
            download
          >
            {t("export.csv")}
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          {t(lang === "fr" ? "export.csvHelpFr" : "export.csvHelpEn")}
        </Text>
        <Text size="sm">
          <Anchor href={charterFileUrl(org.slug)} download="charter.json">
            {t("export.charter")}
          </Anchor>{" "}
          {t("export.charterHelp")}
        </Text>
      </Stack>
    </Card>
  );
}
