/**
 * The customer's timeline of every fact, oldest first. Each fact is an anchor (`#fact-<id>`)
 * that a reason can point at; the facts of the chosen reason are highlighted.
 */
import { Badge, Group, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { TimelineEntry } from "../../../src/http/routes/customers/contract.ts";
import type { Formatters } from "../format/formatters.ts";
import { useFormat } from "../format/use-format.ts";

const MONEY_FIELDS = new Set(["price", "list_price", "cost", "amount", "remedy_amount"]);
const DATE_FIELDS = new Set(["due", "warranty_end"]);
const DATE_TIME_FIELDS = new Set(["delivered", "first_response", "resolved", "acknowledged_at"]);
/** Fields whose values are words of the import format (`exchange`, `ours`), shown translated. */
const ENUM_FIELDS = new Set(["kind", "status", "activity", "fault", "remedy", "source", "method"]);
/** Fields that repeat what the timeline already says, or only link facts together. */
const SKIPPED_FIELDS = new Set(["customer", "type", "id", "at", "intake_order"]);

export function factAnchor(id: string): string {
  return `fact-${id}`;
}

function fieldValue(
  key: string,
  value: unknown,
  f: Formatters,
  currency: string,
  enumLabel: (value: string) => string,
): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" && MONEY_FIELDS.has(key)) return f.money(value, currency);
  if (typeof value === "string" && DATE_FIELDS.has(key)) return f.date(value);
  if (typeof value === "string" && DATE_TIME_FIELDS.has(key)) return f.instant(value);
  if (typeof value === "string" && ENUM_FIELDS.has(key)) return enumLabel(value);
  if (typeof value === "number") return f.num(value);
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

/** What a correction of the customer record changed, in words. */
function ChangeText({ change }: { change: NonNullable<TimelineEntry["change"]> }) {
  const { t, i18n } = useTranslation();
  const fieldLabel = (key: string) =>
    i18n.exists(`fields.${key}`) ? t(`fields.${key}` as "fields.price") : key;
  const shown = (field: string, value: string) => {
    if (value === "") return t("records.change.empty");
    return i18n.exists(`values.${value}`) && (field === "kind" || field === "status")
      ? t(`values.${value}` as "values.work")
      : value;
  };
  const name = change.name ?? change.customer ?? "";
  return (
    <Stack gap={2} mt={4} data-testid="record-change">
      <Text size="sm">
        {change.of && `${t("records.change.of", { name: change.of.name })} · `}
        {t(`records.change.${change.action}`, { name })}
      </Text>
      {change.action === "edit" &&
        change.fields.map((f) => (
          <Text size="sm" key={f.field}>
            {t("records.change.field", {
              field: fieldLabel(f.field),
              before: shown(f.field, f.before),
              after: shown(f.field, f.after),
            })}
          </Text>
        ))}
    </Stack>
  );
}

export function FactTimeline(props: {
  entries: TimelineEntry[];
  currency: string;
  /** Fact ids to highlight, and the signal label they prove. */
  highlight: { ids: ReadonlySet<string>; label: string | null } | null;
}) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  if (props.entries.length === 0) return <Text>{t("customer.emptyTimeline")}</Text>;
  const fieldLabel = (key: string) =>
    i18n.exists(`fields.${key}`) ? t(`fields.${key}` as "fields.price") : key;
  const enumLabel = (value: string) =>
    i18n.exists(`values.${value}`) ? t(`values.${value}` as "values.work") : value;
  const typeLabel = (type: string) =>
    i18n.exists(`facts.${type}`) ? t(`facts.${type}` as "facts.order") : type;

  return (
    <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: "none" }} data-testid="timeline">
      {props.entries.map((entry) => {
        const highlighted = props.highlight?.ids.has(entry.id) ?? false;
        const fields = Object.entries(entry.fields).filter(
          ([key, value]) =>
            !SKIPPED_FIELDS.has(key) && value !== null && value !== undefined && value !== "",
        );
        return (
          <Paper
            component="li"
            key={`${entry.type}:${entry.id}`}
            id={factAnchor(entry.id)}
            tabIndex={-1}
            withBorder
            p="sm"
            className={highlighted ? "fact-highlight" : undefined}
            data-fact-id={entry.id}
            data-highlighted={highlighted || undefined}
          >
            <Group justify="space-between" gap="xs" wrap="wrap">
              <Group gap="xs">
                <Text fw={700} size="sm">
                  {typeLabel(entry.type)}
                </Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {entry.id}
                </Text>
                {highlighted && props.highlight && (
                  <Badge color="orange.9" variant="filled" size="sm">
                    {props.highlight.label
                      ? t("customer.highlighted", { signal: props.highlight.label })
                      : t("customer.evidenceBadge")}
                  </Badge>
                )}
              </Group>
              <Text size="sm" c="dimmed" component="time" dateTime={entry.at}>
                {f.instant(entry.at)}
              </Text>
            </Group>
            {entry.change ? (
              <ChangeText change={entry.change} />
            ) : (
              fields.length > 0 && (
                <Text size="sm" mt={4}>
                  {fields.map(([key, value], index) => (
                    <span key={key}>
                      {index > 0 && " · "}
                      <Text span c="dimmed" size="sm">
                        {fieldLabel(key)}
                        {i18n.language === "fr" ? "\u00a0:" : ":"}
                      </Text>{" "}
                      {fieldValue(key, value, f, props.currency, enumLabel)}
                    </span>
                  ))}
                </Text>
              )
            )}
          </Paper>
        );
      })}
    </Stack>
  );
}
