/**
 * « Catalogue »: the organization's services, each in one language (a bilingual shop lists a
 * service twice under one code), with its default price, included revisions, warranty and
 * known risks. Managers and owners add and edit (`canEdit`); staff read.
 */
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { riskCode } from "../../../../src/domain/intake/catalogue.ts";
import type { Service } from "../../api/intake-types.ts";
import { EmptyState } from "../../components/empty-state.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { ErrorState, Loading, useErrorMessage } from "../../components/states.tsx";
import { useFormat } from "../../format/use-format.ts";
import { useOrg } from "../../layout/org-context.ts";
import { type ServiceBody, useFullCatalogue, useSaveService } from "./catalogue-queries.ts";

export function CataloguePage() {
  const { t } = useTranslation();
  const org = useOrg();
  const query = useFullCatalogue(org.slug);
  // null: no form open; "new": adding; a service: editing it.
  const [editing, setEditing] = useState<Service | "new" | null>(null);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={query.refetch} />;
  const { items, currency, canEdit } = query.data;
  return (
    <Stack gap="lg" maw={1100}>
      <PageTitle
        title={t("catalogue.title")}
        subtitle={t(canEdit ? "catalogue.subtitleEdit" : "catalogue.subtitleRead")}
        actions={
          canEdit &&
          editing === null && (
            <Button onClick={() => setEditing("new")}>{t("catalogue.add")}</Button>
          )
        }
      />
      {editing !== null && (
        <ServiceForm
          key={editing === "new" ? "new" : editing.id}
          service={editing === "new" ? null : editing}
          currency={currency}
          onDone={() => setEditing(null)}
        />
      )}
      <ServiceTable
        items={items}
        currency={currency}
        onEdit={canEdit ? (s) => setEditing(s) : undefined}
        onAdd={canEdit && editing === null ? () => setEditing("new") : undefined}
      />
    </Stack>
  );
}

function ServiceTable(props: {
  items: Service[];
  currency: string;
  onEdit?: (service: Service) => void;
  /** Opens the form to add a service (editors, while no form is open). */
  onAdd?: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  if (props.items.length === 0) {
    return (
      <EmptyState
        title={t("empty.catalogue.title")}
        text={`${t("empty.catalogue.text")}${props.onEdit ? "" : ` ${t("empty.catalogue.readOnly")}`}`}
        actions={props.onAdd && <Button onClick={props.onAdd}>{t("catalogue.add")}</Button>}
      />
    );
  }
  return (
    <Card withBorder>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="sm" data-testid="catalogue-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("catalogue.name")}</Table.Th>
              <Table.Th>{t("catalogue.lang")}</Table.Th>
              <Table.Th>{t("catalogue.price")}</Table.Th>
              <Table.Th>{t("catalogue.includedRevisions")}</Table.Th>
              <Table.Th>{t("catalogue.warrantyDays")}</Table.Th>
              <Table.Th>{t("catalogue.risks")}</Table.Th>
              {props.onEdit && <Table.Th>{t("catalogue.actions")}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.items.map((s) => (
              <Table.Tr key={s.id} data-service={s.code}>
                <Table.Td>
                  <Text fw={500}>{s.name}</Text>
                  <Text size="xs" c="dimmed">
                    {s.code}
                  </Text>
                  {!s.active && (
                    <Badge color="gray" variant="light">
                      {t("catalogue.inactive")}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{s.lang.toUpperCase()}</Table.Td>
                <Table.Td>{f.money(s.price, props.currency)}</Table.Td>
                <Table.Td>{s.includedRevisions}</Table.Td>
                <Table.Td>{s.warrantyDays}</Table.Td>
                <Table.Td>
                  {s.risks.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      {t("catalogue.noRisk")}
                    </Text>
                  ) : (
                    <List size="sm">
                      {s.risks.map((r) => (
                        <List.Item key={r.code}>{r.text}</List.Item>
                      ))}
                    </List>
                  )}
                </Table.Td>
                {props.onEdit && (
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => props.onEdit?.(s)}
                      aria-label={t("catalogue.editOne", { name: s.name })}
                    >
                      {t("catalogue.edit")}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

const num = (v: string | number) => (typeof v === "number" ? v : v === "" ? "" : Number(v));

/** Adds a service, or edits one (only what changed matters to the API, all is sent). */
function ServiceForm(props: { service: Service | null; currency: string; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const org = useOrg();
  const save = useSaveService(org.slug);
  const errorMessage = useErrorMessage();
  const format = useFormat();
  const s = props.service;
  const [code, setCode] = useState(s?.code ?? "");
  const [lang, setLang] = useState<"fr" | "en">(
    s ? (s.lang === "en" ? "en" : "fr") : i18n.language === "en" ? "en" : "fr",
  );
  const [name, setName] = useState(s?.name ?? "");
  const [price, setPrice] = useState<number | "">(s?.price ?? "");
  const [cost, setCost] = useState<number | "">(s?.cost ?? "");
  const [minutes, setMinutes] = useState<number | "">(s?.minutes ?? 0);
  const [revisions, setRevisions] = useState<number | "">(s?.includedRevisions ?? 0);
  const [warranty, setWarranty] = useState<number | "">(s?.warrantyDays ?? 30);
  const [active, setActive] = useState(s?.active ?? true);
  const [risks, setRisks] = useState<{ code: string; text: string }[]>(s?.risks ?? []);
  const [newRisk, setNewRisk] = useState("");

  const addRisk = () => {
    const text = newRisk.trim();
    if (!text) return;
    setRisks((list) => [...list, { code: riskCode(text), text }]);
    setNewRisk("");
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const pending = newRisk.trim();
    const body: ServiceBody = {
      // A shop need not invent codes: without one, the name gives it.
      code: code.trim() || riskCode(name.trim()),
      lang,
      name: name.trim(),
      price: price === "" ? Number.NaN : price,
      minutes: minutes === "" ? 0 : minutes,
      includedRevisions: revisions === "" ? 0 : revisions,
      warrantyDays: warranty === "" ? 0 : warranty,
      risks: pending ? [...risks, { code: riskCode(pending), text: pending }] : risks,
      active,
      ...(cost === "" ? {} : { cost }),
    };
    save.mutate({ id: s?.id ?? null, body }, { onSuccess: props.onDone });
  };

  const money = {
    decimalScale: 2,
    min: 0,
    suffix: ` ${format.currencySymbol(props.currency)}`,
    hideControls: true,
  };
  return (
    <Card withBorder component="form" onSubmit={submit} aria-label={t("catalogue.form")}>
      <Stack gap="sm">
        <Text fw={600}>{s ? t("catalogue.editing", { name: s.name }) : t("catalogue.add")}</Text>
        {save.error && (
          <Alert color="red" role="alert">
            {errorMessage(save.error)}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t("catalogue.name")}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <TextInput
            label={t("catalogue.code")}
            description={t("catalogue.codeHelp")}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
          />
          <NativeSelect
            label={t("catalogue.lang")}
            value={lang}
            onChange={(e) => setLang(e.currentTarget.value === "en" ? "en" : "fr")}
            data={[
              { value: "fr", label: t("catalogue.langs.fr") },
              { value: "en", label: t("catalogue.langs.en") },
            ]}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NumberInput
            {...money}
            label={t("catalogue.price")}
            required
            value={price}
            onChange={(v) => setPrice(num(v))}
          />
          <NumberInput
            {...money}
            label={t("catalogue.cost")}
            value={cost}
            onChange={(v) => setCost(num(v))}
          />
          <NumberInput
            label={t("catalogue.minutes")}
            min={0}
            allowDecimal={false}
            value={minutes}
            onChange={(v) => setMinutes(num(v))}
          />
          <NumberInput
            label={t("catalogue.includedRevisions")}
            min={0}
            allowDecimal={false}
            value={revisions}
            onChange={(v) => setRevisions(num(v))}
          />
          <NumberInput
            label={t("catalogue.warrantyDays")}
            min={0}
            allowDecimal={false}
            value={warranty}
            onChange={(v) => setWarranty(num(v))}
          />
        </SimpleGrid>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t("catalogue.risks")}
          </Text>
          {risks.map((r, i) => (
            <Group key={`${r.code}:${r.text}`} gap="xs" wrap="nowrap">
              <Text size="sm" style={{ flex: 1 }}>
                {r.text}
              </Text>
              <Button
                size="xs"
                variant="subtle"
                color="red"
                aria-label={t("catalogue.removeRisk", { text: r.text })}
                onClick={() => setRisks((list) => list.filter((_, j) => j !== i))}
              >
                {t("catalogue.remove")}
              </Button>
            </Group>
          ))}
          <Group gap="xs" align="flex-end">
            <TextInput
              style={{ flex: 1 }}
              label={t("catalogue.newRisk")}
              placeholder={t("catalogue.newRiskPlaceholder")}
              value={newRisk}
              onChange={(e) => setNewRisk(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter") {
                  e.preventDefault();
                  addRisk();
                }
              }}
            />
            <Button variant="light" onClick={addRisk}>
              {t("catalogue.addRisk")}
            </Button>
          </Group>
        </Stack>
        <Checkbox
          label={t("catalogue.active")}
          checked={active}
          onChange={(e) => setActive(e.currentTarget.checked)}
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t("catalogue.save")}
          </Button>
          <Button variant="default" onClick={props.onDone}>
            {t("catalogue.cancel")}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
