/**
 * An accepted order's life: time spent, revision rounds and chases recorded as ledger facts;
 * what the ledger holds about the order (from the customer's timeline); and its photos.
 */
import {
  Button,
  Card,
  FileInput,
  Group,
  Image,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { TIME_ACTIVITIES } from "../../../../src/domain/facts.ts";
import type { IntakeDetailResponse } from "../../api/intake-types.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { FactTimeline } from "../../components/fact-timeline.tsx";
import { useOrg } from "../../layout/org-context.ts";
import { useCustomer } from "../customers/customer-queries.ts";
import { type ActivityBody, photoUrl, useOrderActivity, usePhotoUpload } from "./intake-queries.ts";

const KINDS = ["time", "revision", "chase"] as const;

export function IntakeActivity({ id }: { id: string }) {
  const { t } = useTranslation();
  const org = useOrg();
  const record = useOrderActivity(org.slug, id);
  const [kind, setKind] = useState<(typeof KINDS)[number]>("time");
  const [minutes, setMinutes] = useState<number | "">("");
  const [activity, setActivity] = useState<string>("work");
  const [text, setText] = useState("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: ActivityBody =
      kind === "time"
        ? { kind, minutes: Number(minutes), activity }
        : { kind, ...(text.trim() ? { text: text.trim() } : {}) };
    record.mutate(body, {
      onSuccess: () => {
        setMinutes("");
        setText("");
      },
    });
  };
  return (
    <Card withBorder component="section" aria-labelledby="activity-title">
      <Title order={2} size="h4" id="activity-title" mb="sm">
        {t("intake.detail.activity")}
      </Title>
      <Stack component="form" onSubmit={submit} gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            label={t("intake.detail.activityKind")}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as (typeof KINDS)[number])}
            data={KINDS.map((k) => ({ value: k, label: t(`intake.detail.kinds.${k}`) }))}
          />
          {kind === "time" ? (
            <>
              <NumberInput
                label={t("intake.detail.minutes")}
                min={1}
                allowDecimal={false}
                value={minutes}
                onChange={(v) => setMinutes(v === "" ? "" : Number(v))}
              />
              <NativeSelect
                label={t("intake.detail.what")}
                value={activity}
                onChange={(e) => setActivity(e.currentTarget.value)}
                data={TIME_ACTIVITIES.map((a) => ({ value: a, label: t(`values.${a}`) }))}
              />
            </>
          ) : (
            <TextInput
              label={t("intake.detail.text")}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
            />
          )}
        </SimpleGrid>
        <Group>
          <Button
            type="submit"
            variant="default"
            loading={record.isPending}
            disabled={kind === "time" && !(Number(minutes) > 0)}
          >
            {t("intake.detail.record")}
          </Button>
          {record.isSuccess && (
            <Text size="sm" role="status">
              {t("intake.detail.recorded")}
            </Text>
          )}
        </Group>
        <ErrorAlert error={record.error} />
      </Stack>
    </Card>
  );
}

/** The ledger's facts about this order: the order itself, its corrections and activities. */
export function IntakeLedger(props: { id: string; customer: string; currency: string }) {
  const { t } = useTranslation();
  const org = useOrg();
  const customer = useCustomer(org.slug, props.customer);
  const entries = (customer.data?.timeline ?? []).filter(
    (e) =>
      e.id === props.id ||
      e.id.startsWith(`${props.id}~`) ||
      e.fields.order === props.id ||
      e.fields.intake_order === props.id,
  );
  return (
    <Card withBorder component="section" aria-labelledby="ledger-title" data-testid="order-ledger">
      <Title order={2} size="h4" id="ledger-title">
        {t("intake.detail.ledger")}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t("intake.detail.ledgerHelp")}
      </Text>
      {entries.length === 0 ? (
        <Text>{t("intake.detail.noLedger")}</Text>
      ) : (
        <FactTimeline entries={entries} currency={props.currency} highlight={null} />
      )}
    </Card>
  );
}

export function IntakePhotos({ detail, id }: { detail: IntakeDetailResponse; id: string }) {
  const { t } = useTranslation();
  const org = useOrg();
  const upload = usePhotoUpload(org.slug, id);
  const [files, setFiles] = useState<File[]>([]);
  return (
    <Card withBorder component="section" aria-labelledby="photos-title">
      <Title order={2} size="h4" id="photos-title" mb="sm">
        {t("intake.detail.photos")}
      </Title>
      {detail.photos.length > 0 && (
        <SimpleGrid cols={{ base: 2, sm: 4 }} mb="sm">
          {detail.photos.map((p, i) => (
            <a key={p.id} href={photoUrl(org.slug, id, p.id)} target="_blank" rel="noopener">
              <Image
                src={photoUrl(org.slug, id, p.id)}
                alt={t("intake.detail.photoAlt", { n: i + 1 })}
                radius="sm"
                h={140}
                fit="cover"
              />
            </a>
          ))}
        </SimpleGrid>
      )}
      <Group
        component="form"
        align="flex-end"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          upload.mutate(files, { onSuccess: () => setFiles([]) });
        }}
      >
        <FileInput
          label={t("intake.form.photos")}
          placeholder={t("intake.form.photosPlaceholder")}
          accept="image/jpeg,image/png,image/webp"
          multiple
          clearable
          value={files}
          onChange={setFiles}
          style={{ flex: 1 }}
          miw={220}
        />
        <Button
          type="submit"
          variant="default"
          disabled={files.length === 0}
          loading={upload.isPending}
        >
          {t("intake.detail.addPhotos")}
        </Button>
      </Group>
      <ErrorAlert error={upload.error} />
    </Card>
  );
}
