/**
 * Template files per type (issue 18): the columns of the chosen type with an example each,
 * and a CSV to download and fill in, in the reader's language (French names, `;`, jj/mm/aaaa
 * in French; the spec's names in English). Both import as they are.
 */
import { Button, Card, Select, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FACT_TYPES, type FactType } from "../../../../src/domain/facts.ts";
import {
  templateCsv,
  templateFields,
  templateFileName,
} from "../../../../src/domain/import-templates.ts";

export function TemplateCard() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "fr";
  const [type, setType] = useState<FactType>("customer");
  const fields = templateFields(type, lang);

  const download = () => {
    const url = URL.createObjectURL(
      new Blob([templateCsv(type, lang)], { type: "text/csv;charset=utf-8" }),
    );
    const link = document.createElement("a");
    link.href = url;
    link.download = templateFileName(type, lang);
    link.click();
    // Later: the browser reads the blob after the click returns.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };

  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t("import.templates.title")}
        </Title>
        <Text size="sm">{t("import.templates.intro")}</Text>
        <Select
          label={t("import.templates.type")}
          data={FACT_TYPES.map((value) => ({
            value,
            label: t(`facts.${value}` as "facts.order"),
          }))}
          value={type}
          onChange={(value) => value && setType(value as FactType)}
          allowDeselect={false}
          maw={320}
        />
        {/* No scroll container (a phone would scroll a region the keyboard cannot reach): long
            examples wrap instead. */}
        <Table striped data-testid="import-template-fields">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("import.templates.column")}</Table.Th>
              <Table.Th>{t("import.templates.needed")}</Table.Th>
              <Table.Th>{t("import.templates.example")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fields.map((f) => (
              <Table.Tr key={f.field}>
                <Table.Td ff="monospace" style={{ wordBreak: "break-word" }}>
                  {f.column}
                </Table.Td>
                <Table.Td>
                  {f.required ? t("import.templates.required") : t("import.templates.optional")}
                </Table.Td>
                <Table.Td ff="monospace" style={{ wordBreak: "break-all" }}>
                  {f.example}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Button variant="light" onClick={download} w="fit-content">
          {t("import.templates.download", { file: templateFileName(type, lang) })}
        </Button>
      </Stack>
    </Card>
  );
}
