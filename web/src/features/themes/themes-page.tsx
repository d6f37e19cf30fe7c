/**
 * Themes (managers and owners): what customers, lost prospects and former customers say, grouped
 * by the codebook; per theme its count, trend by month, share of detractors, sources and
 * quotes; the themes discovery suggests, which the owner accepts under a name of their own or
 * dismisses; and the codebook itself, which the owner edits.
 */
import { BarChart, LineChart } from "@mantine/charts";
import {
  Alert,
  Badge,
  Blockquote,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ThemesResponse } from "../../../../src/http/routes/themes/contract.ts";
import { PageTitle } from "../../components/page-title.tsx";
import { ErrorState, Forbidden, Loading, useErrorMessage } from "../../components/states.tsx";
import { useFormat } from "../../format/use-format.ts";
import { useOrg } from "../../layout/org-context.ts";
import { CodebookEditor } from "./codebook-editor.tsx";
import { ThemeChanges } from "./theme-changes.tsx";
import { useAcceptSuggestion, useDismissSuggestion, useThemes } from "./themes-queries.ts";

type Theme = ThemesResponse["themes"][number];
type Suggestion = ThemesResponse["suggestions"][number];

export function ThemesPage() {
  const { t } = useTranslation();
  const org = useOrg();
  const query = useThemes(org.slug, org.can.seeThemes);
  if (!org.can.seeThemes) return <Forbidden />;
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={query.refetch} />;
  const data = query.data;
  return (
    <Stack gap="lg">
      <PageTitle
        title={t("themes.title")}
        subtitle={t("themes.totals", {
          count: data.totals.withText,
          unthemed: data.totals.unthemed,
        })}
      />
      {data.themes.length === 0 ? (
        <Alert color="gray">{t("themes.empty")}</Alert>
      ) : (
        <ThemeCounts themes={data.themes} />
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {data.themes.map((theme) => (
          <ThemeCard key={theme.id} theme={theme} />
        ))}
      </SimpleGrid>
      <ThemeChanges codebook={data.codebook} />
      <Suggestions suggestions={data.suggestions} canEdit={data.can.editCodebook} />
      {data.can.editCodebook && <CodebookEditor codebook={data.codebook} />}
    </Stack>
  );
}

function ThemeCounts({ themes }: { themes: Theme[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const summary = themes
    .slice(0, 3)
    .map((th) => `${th.label} (${f.num(th.count)})`)
    .join(", ");
  return (
    <figure style={{ margin: 0 }} data-testid="themes-chart">
      <BarChart
        h={Math.max(160, themes.length * 36)}
        data={themes.map((th) => ({ label: th.label, count: th.count }))}
        dataKey="label"
        orientation="vertical"
        yAxisProps={{ width: 180 }}
        series={[{ name: "count", label: t("themes.feedbackCount"), color: "indigo.6" }]}
        valueFormatter={(value) => f.num(value)}
      />
      <Text component="figcaption" size="sm" c="dimmed" mt="xs">
        {t("themes.chartSummary", { themes: summary })}
      </Text>
    </figure>
  );
}

function ThemeCard({ theme }: { theme: Theme }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const month = new Intl.DateTimeFormat(i18n.language === "en" ? "en-GB" : "fr-FR", {
    month: "short",
    year: "2-digit",
    timeZone: "UTC",
  });
  const trend = theme.trend.slice(-12).map((m) => ({
    month: month.format(new Date(`${m.month}-01T00:00:00Z`)),
    count: m.count,
  }));
  return (
    <Card withBorder padding="md" data-testid={`theme-${theme.id}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="baseline">
          <Title order={3} size="h4">
            {theme.label}
          </Title>
          <Badge variant="light">{t("themes.count", { count: theme.count })}</Badge>
        </Group>
        <Text size="sm">
          {theme.detractorShare === null
            ? t("themes.noScore")
            : t("themes.detractors", { share: f.pct(theme.detractorShare * 100) })}
        </Text>
        <Text size="sm" c="dimmed">
          {t("themes.sources", {
            customer: theme.sources.customer,
            prospect: theme.sources.prospect,
            churned: theme.sources.churned,
          })}
        </Text>
        {trend.length > 1 && (
          <figure style={{ margin: 0 }}>
            <LineChart
              h={120}
              data={trend}
              dataKey="month"
              series={[{ name: "count", label: t("themes.feedbackCount"), color: "teal.6" }]}
              curveType="monotone"
              withDots={false}
              valueFormatter={(value) => f.num(value)}
            />
            <Text component="figcaption" size="xs" c="dimmed">
              {t("themes.trendSummary", {
                from: trend[0].month,
                to: trend[trend.length - 1].month,
                counts: trend.map((m) => f.num(m.count)).join(", "),
              })}
            </Text>
          </figure>
        )}
        {theme.quotes.map((q) => (
          <Blockquote key={q.feedback} p="xs" fz="sm" cite={f.date(new Date(q.at).toISOString())}>
            {q.text}
          </Blockquote>
        ))}
      </Stack>
    </Card>
  );
}

function Suggestions(props: { suggestions: Suggestion[]; canEdit: boolean }) {
  const { t } = useTranslation();
  if (props.suggestions.length === 0) return null;
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t("themes.suggestions")}
      </Title>
      <Text size="sm" c="dimmed">
        {t(props.canEdit ? "themes.suggestionsIntro" : "themes.suggestionsReadOnly")}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {props.suggestions.map((s) => (
          <SuggestionCard key={s.id} suggestion={s} canEdit={props.canEdit} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function SuggestionCard({ suggestion, canEdit }: { suggestion: Suggestion; canEdit: boolean }) {
  const { t } = useTranslation();
  const org = useOrg();
  const errorMessage = useErrorMessage();
  const [label, setLabel] = useState(suggestion.keywords.slice(0, 2).join(", "));
  const accept = useAcceptSuggestion(org.slug);
  const dismiss = useDismissSuggestion(org.slug);
  const error = accept.error ?? dismiss.error;
  return (
    <Card withBorder padding="md" data-testid="theme-suggestion">
      <Stack gap="xs">
        <Group gap={6}>
          {suggestion.keywords.map((k) => (
            <Badge key={k} variant="outline">
              {k}
            </Badge>
          ))}
        </Group>
        <Text size="sm">{t("themes.count", { count: suggestion.count })}</Text>
        {suggestion.examples.map((e) => (
          <Blockquote key={e} p="xs" fz="sm">
            {e}
          </Blockquote>
        ))}
        {canEdit && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              accept.mutate({ id: suggestion.id, label });
            }}
          >
            <Stack gap="xs">
              <TextInput
                label={t("themes.nameIt")}
                value={label}
                onChange={(e) => setLabel(e.currentTarget.value)}
                required
                maxLength={80}
              />
              <Group>
                <Button type="submit" loading={accept.isPending}>
                  {t("themes.accept")}
                </Button>
                <Button
                  variant="default"
                  loading={dismiss.isPending}
                  onClick={() => dismiss.mutate(suggestion.id)}
                >
                  {t("themes.dismiss")}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        {error && <Alert color="red">{errorMessage(error)}</Alert>}
      </Stack>
    </Card>
  );
}
