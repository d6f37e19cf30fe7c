/**
 * Form pieces of an intake: the risks to disclose (from the catalogue service, or written by
 * hand), a list of free-text entries (open questions), and the quote.
 */
import {
  Button,
  Checkbox,
  Group,
  List,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Service } from "../../api/intake-types.ts";
import { useFormat } from "../../format/use-format.ts";

export interface Risk {
  code?: string;
  text: string;
}

/** The catalogue service's known risks as boxes to tick, and risks written by hand. */
export function RiskPicker(props: {
  service: Service | undefined;
  value: Risk[];
  onChange: (risks: Risk[]) => void;
}) {
  const { t } = useTranslation();
  const { service, value, onChange } = props;
  const ticked = (code: string) => value.some((r) => r.code === code);
  const known = new Set(service?.risks.map((r) => r.code) ?? []);
  const written = value.filter((r) => !r.code || !known.has(r.code));
  return (
    <Stack gap="xs">
      {service?.risks.map((risk) => (
        <Checkbox
          key={risk.code}
          label={risk.text}
          checked={ticked(risk.code)}
          onChange={(e) =>
            onChange(
              e.currentTarget.checked
                ? [...value, risk]
                : value.filter((r) => r.code !== risk.code),
            )
          }
        />
      ))}
      <TextList
        label={t("intake.form.ownRisk")}
        addLabel={t("intake.form.addRisk")}
        items={written.map((r) => r.text)}
        onChange={(texts) =>
          onChange([
            ...value.filter((r) => r.code && known.has(r.code)),
            ...texts.map((text) => ({ text })),
          ])
        }
      />
    </Stack>
  );
}

/** Free-text entries added one at a time (Enter adds), each removable. */
export function TextList(props: {
  label: string;
  addLabel: string;
  items: string[];
  onChange: (items: string[]) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState("");
  const add = () => {
    const text = draft.trim();
    // Each entry once: the text is its key.
    if (!text || props.items.includes(text)) return;
    props.onChange([...props.items, text]);
    setDraft("");
  };
  return (
    <Stack gap={4}>
      {props.items.length > 0 && (
        <List size="sm" spacing={4}>
          {props.items.map((item, i) => (
            <List.Item key={item}>
              <Group gap="xs" wrap="nowrap">
                <Text size="sm">{item}</Text>
                <Button
                  variant="subtle"
                  color="red"
                  size="compact-xs"
                  aria-label={`${t("intake.form.removeRisk")} : ${item}`}
                  onClick={() => props.onChange(props.items.filter((_, j) => j !== i))}
                >
                  {t("intake.form.removeRisk")}
                </Button>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <TextInput
          label={props.label}
          value={draft}
          onChange={(e) => setDraft(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              add();
            }
          }}
          style={{ flex: 1 }}
        />
        <Button variant="default" onClick={add} disabled={!draft.trim()}>
          {props.addLabel}
        </Button>
      </Group>
    </Stack>
  );
}

export interface QuoteValues {
  listPrice: number | "";
  price: number | "";
  cost: number | "";
  managerConfirmed: boolean;
}

/** List price, agreed price (with the discount it makes), materials and the manager's box. */
export function QuoteFields(props: {
  value: QuoteValues;
  onChange: (value: QuoteValues) => void;
  currency: string;
  /** Managers and owners: materials cost and the confirmation box. */
  manager: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const { value, onChange, currency } = props;
  const num = (v: string | number) => (v === "" ? "" : Number(v));
  const discount =
    typeof value.listPrice === "number" && value.listPrice > 0 && typeof value.price === "number"
      ? (1 - value.price / value.listPrice) * 100
      : null;
  const money = {
    decimalScale: 2,
    min: 0,
    suffix: ` ${f.currencySymbol(currency)}`,
    hideControls: true,
  } as const;
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 1, xs: props.manager ? 3 : 2 }}>
        <NumberInput
          {...money}
          label={t("intake.form.listPrice")}
          value={value.listPrice}
          onChange={(v) => onChange({ ...value, listPrice: num(v) })}
        />
        <NumberInput
          {...money}
          label={t("intake.form.price")}
          value={value.price}
          onChange={(v) => onChange({ ...value, price: num(v) })}
        />
        {props.manager && (
          <NumberInput
            {...money}
            label={t("intake.form.cost")}
            value={value.cost}
            onChange={(v) => onChange({ ...value, cost: num(v) })}
          />
        )}
      </SimpleGrid>
      {discount !== null && discount > 0 && (
        <Text size="sm" c="dimmed" aria-live="polite">
          {t("intake.form.quoteCheck", { pct: f.pct(discount) })}
        </Text>
      )}
      {props.manager && (
        <Checkbox
          label={t("intake.form.managerConfirmed")}
          checked={value.managerConfirmed}
          onChange={(e) => onChange({ ...value, managerConfirmed: e.currentTarget.checked })}
        />
      )}
    </Stack>
  );
}

/** The quote as the API takes it, or undefined when no price is set. */
export function quoteBody(value: QuoteValues, manager: boolean) {
  if (value.price === "") return undefined;
  return {
    price: value.price,
    ...(value.listPrice === "" ? {} : { listPrice: value.listPrice }),
    ...(manager && value.cost !== "" ? { cost: value.cost } : {}),
    ...(manager && value.managerConfirmed ? { managerConfirmed: true } : {}),
  };
}
