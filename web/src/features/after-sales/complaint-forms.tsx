/** Answering a complaint, resolving it (fault, reason, covering disclosure, remedy), the outcome. */
import {
  Button,
  Card,
  NativeSelect,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { FAULTS, REMEDIES } from "../../../../src/domain/facts.ts";
import type { ComplaintResponse, Fault, Remedy, ResolveBody } from "../../api/intake-types.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { useFormat } from "../../format/use-format.ts";
import { useOrg } from "../../layout/org-context.ts";
import { Link } from "../../router/link.tsx";
import { useComplaintAction } from "./after-sales-queries.ts";

export function RespondForm({ id }: { id: string }) {
  const { t } = useTranslation();
  const org = useOrg();
  const action = useComplaintAction(org.slug, id);
  const [text, setText] = useState("");
  return (
    <Card withBorder component="section" aria-labelledby="respond-title">
      <Title order={2} size="h4" id="respond-title" mb="sm">
        {t("intake.complaint.respond")}
      </Title>
      <Stack
        component="form"
        gap="sm"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          action.mutate({ kind: "respond", text: text.trim() });
        }}
      >
        <Textarea
          label={t("intake.complaint.response")}
          autosize
          minRows={2}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        <ErrorAlert error={action.error} />
        <div>
          <Button
            type="submit"
            variant="default"
            disabled={!text.trim()}
            loading={action.isPending}
          >
            {t("intake.complaint.send")}
          </Button>
        </div>
      </Stack>
    </Card>
  );
}

export function ResolveForm(props: { id: string; disclosures: ComplaintResponse["disclosures"] }) {
  const { t } = useTranslation();
  const org = useOrg();
  const action = useComplaintAction(org.slug, props.id);
  const [fault, setFault] = useState<Fault | "">("");
  const [faultReason, setFaultReason] = useState("");
  const [disclosureCode, setDisclosureCode] = useState("");
  const [remedy, setRemedy] = useState<Remedy | "">("");
  const [amount, setAmount] = useState<number | "">("");
  const [explanation, setExplanation] = useState("");
  const [redoDue, setRedoDue] = useState("");
  const withAmount = remedy === "discount" || remedy === "refund";
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!fault || !remedy) return;
    const body: ResolveBody = {
      fault,
      remedy,
      ...(faultReason.trim() ? { faultReason: faultReason.trim() } : {}),
      ...(disclosureCode ? { disclosureCode } : {}),
      ...(withAmount && amount !== "" ? { remedyAmount: amount } : {}),
      ...(explanation.trim() ? { explanation: explanation.trim() } : {}),
      ...(remedy === "redo" && redoDue ? { redoDue } : {}),
    };
    action.mutate({ kind: "resolve", body });
  };
  return (
    <Card withBorder component="section" aria-labelledby="resolve-title">
      <Title order={2} size="h4" id="resolve-title" mb="sm">
        {t("intake.complaint.resolve")}
      </Title>
      <Stack component="form" gap="sm" onSubmit={submit}>
        <Radio.Group
          label={t("intake.complaint.fault")}
          description={t("intake.complaint.oursHelp")}
          value={fault}
          onChange={(v) => setFault(v as Fault)}
          required
        >
          <SimpleGrid cols={{ base: 2, sm: 5 }} mt="xs">
            {FAULTS.map((k) => (
              <Radio key={k} value={k} label={t(`intake.faults.${k}`)} />
            ))}
          </SimpleGrid>
        </Radio.Group>
        <Textarea
          label={t("intake.complaint.faultReason")}
          required={fault !== "unknown" && fault !== ""}
          autosize
          minRows={2}
          value={faultReason}
          onChange={(e) => setFaultReason(e.currentTarget.value)}
        />
        {props.disclosures.length > 0 && (
          <NativeSelect
            label={t("intake.complaint.disclosure")}
            value={disclosureCode}
            onChange={(e) => setDisclosureCode(e.currentTarget.value)}
            data={[
              { value: "", label: t("intake.complaint.noneDisclosure") },
              ...props.disclosures.map((d) => ({ value: d.code, label: d.text })),
            ]}
          />
        )}
        <Radio.Group
          label={t("intake.complaint.remedy")}
          value={remedy}
          onChange={(v) => setRemedy(v as Remedy)}
          required
        >
          <SimpleGrid cols={{ base: 1, sm: 4 }} mt="xs">
            {REMEDIES.map((k) => (
              <Radio key={k} value={k} label={t(`intake.remedies.${k}`)} />
            ))}
          </SimpleGrid>
        </Radio.Group>
        {withAmount && (
          <NumberInput
            label={t("intake.complaint.remedyAmount")}
            decimalScale={2}
            min={0}
            hideControls
            value={amount}
            onChange={(v) => setAmount(v === "" ? "" : Number(v))}
            maw={240}
          />
        )}
        {remedy === "redo" && (
          <TextInput
            label={t("intake.complaint.redoDue")}
            type="date"
            value={redoDue}
            onChange={(e) => setRedoDue(e.currentTarget.value)}
            maw={240}
          />
        )}
        <Textarea
          label={t("intake.complaint.explanation")}
          required={remedy === "none"}
          autosize
          minRows={2}
          value={explanation}
          onChange={(e) => setExplanation(e.currentTarget.value)}
        />
        <ErrorAlert error={action.error} />
        <div>
          <Button type="submit" loading={action.isPending} disabled={!fault || !remedy}>
            {t("intake.complaint.submit")}
          </Button>
        </div>
      </Stack>
    </Card>
  );
}

export function ComplaintResolution({ data }: { data: ComplaintResponse }) {
  const { t } = useTranslation();
  const f = useFormat();
  const org = useOrg();
  const c = data.complaint;
  if (!c.resolvedAt) return null;
  return (
    <Stack gap={4} mt="md" data-testid="complaint-resolution" data-fault={c.fault ?? ""}>
      <Text size="sm" c="dimmed">
        {t("intake.complaint.resolvedAt", { date: f.dateTime(c.resolvedAt) })}
      </Text>
      {c.fault && (
        <Text fw={600}>
          {t("intake.complaint.faultIs", { fault: t(`intake.faults.${c.fault}`) })}
          {c.faultReason && ` — ${c.faultReason}`}
        </Text>
      )}
      {c.remedy && (
        <Text>
          {t("intake.complaint.remedyIs", { remedy: t(`intake.remedies.${c.remedy}`) })}
          {c.remedyAmount != null && ` · ${f.money(c.remedyAmount, data.currency)}`}
        </Text>
      )}
      {c.explanation && <Text size="sm">« {c.explanation} »</Text>}
      {c.redoOrderId && (
        <Link to="/o/$org/intake/$id" params={{ org: org.slug, id: c.redoOrderId }} size="sm">
          {t("intake.complaint.redoOrder")}
        </Link>
      )}
    </Stack>
  );
}
