/**
 * The owner's codebook: each theme's names and keywords in French and English (keywords
 * separated by commas), saved at once; or the default codebook put back.
 */
import {
  Alert,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ThemesResponse } from "../../../../src/http/routes/themes/contract.ts";
import { ApiError } from "../../api/api-client.ts";
import { useErrorMessage } from "../../components/states.tsx";
import { useOrg } from "../../layout/org-context.ts";
import { useResetCodebook, useSaveCodebook } from "./themes-queries.ts";

type Codebook = ThemesResponse["codebook"];
interface Row {
  id: string;
  labelFr: string;
  labelEn: string;
  fr: string;
  en: string;
}

const toRows = (codebook: Codebook): Row[] =>
  codebook.themes.map((th) => ({
    id: th.id,
    labelFr: th.label.fr,
    labelEn: th.label.en,
    fr: th.keywords.fr.join(", "),
    en: th.keywords.en.join(", "),
  }));
const words = (text: string) =>
  text
    .split(",")
    .map((w) => w.trim())
    .filter((w) => w !== "");

export function CodebookEditor({ codebook }: { codebook: Codebook }) {
  const { t } = useTranslation();
  const org = useOrg();
  const errorMessage = useErrorMessage();
  const [rows, setRows] = useState(() => toRows(codebook));
  const [saved, setSaved] = useState(false);
  const save = useSaveCodebook(org.slug);
  const reset = useResetCodebook(org.slug);
  const field = save.error instanceof ApiError ? save.error.field : undefined;
  const set = (i: number, patch: Partial<Row>) => {
    setSaved(false);
    setRows((all) => all.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  };
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t("themes.codebook")}
      </Title>
      <Text size="sm" c="dimmed">
        {t("themes.codebookIntro")}
      </Text>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(
            {
              themes: rows.map((r) => ({
                id: r.id,
                label: { fr: r.labelFr, en: r.labelEn },
                keywords: { fr: words(r.fr), en: words(r.en) },
              })),
            },
            { onSuccess: () => setSaved(true) },
          );
        }}
      >
        <Stack gap="sm">
          {rows.map((r, i) => (
            <Card key={r.id} withBorder padding="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label={t("themes.labelFr")}
                  value={r.labelFr}
                  onChange={(e) => set(i, { labelFr: e.currentTarget.value })}
                  error={field === `themes.${i}.label.fr` ? errorMessage(save.error) : undefined}
                  required
                />
                <TextInput
                  label={t("themes.labelEn")}
                  value={r.labelEn}
                  onChange={(e) => set(i, { labelEn: e.currentTarget.value })}
                  error={field === `themes.${i}.label.en` ? errorMessage(save.error) : undefined}
                  required
                />
                <Textarea
                  label={t("themes.keywordsFr")}
                  value={r.fr}
                  autosize
                  maxRows={6}
                  onChange={(e) => set(i, { fr: e.currentTarget.value })}
                />
                <Textarea
                  label={t("themes.keywordsEn")}
                  value={r.en}
                  autosize
                  maxRows={6}
                  onChange={(e) => set(i, { en: e.currentTarget.value })}
                />
              </SimpleGrid>
            </Card>
          ))}
          {save.error && !field?.includes(".label.") && (
            <Alert color="red">{errorMessage(save.error)}</Alert>
          )}
          {saved && <Alert color="green">{t("themes.saved")}</Alert>}
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t("themes.save")}
            </Button>
            <Button
              variant="default"
              loading={reset.isPending}
              onClick={() =>
                reset.mutate(undefined, {
                  onSuccess: (r) => {
                    setRows(toRows(r.codebook));
                    setSaved(false);
                  },
                })
              }
            >
              {t("themes.reset")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
