/**
 * « Nouvelle prise en charge »: the customer (with a warning when needed), the service and its
 * risks to disclose, what the professional observed (with photos), open questions, advice,
 * quote, deposit and due date. Saved, it opens the order's page.
 */
import {
  Button,
  Card,
  FileInput,
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
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { ADVICE_KINDS } from "../../../../src/domain/intake/intake-order.ts";
import type { AdviceKind, CreateIntakeBody } from "../../api/intake-types.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { useOrg } from "../../layout/org-context.ts";
import { Link } from "../../router/link.tsx";
import { type CustomerChoice, IntakeCustomerPicker } from "./intake-customer-picker.tsx";
import {
  QuoteFields,
  type QuoteValues,
  quoteBody,
  type Risk,
  RiskPicker,
  TextList,
} from "./intake-form-parts.tsx";
import { uploadPhoto, useCatalogue, useCreateIntake } from "./intake-queries.ts";

export function Section(props: { id: string; title: string; help?: string; children: ReactNode }) {
  return (
    <Card withBorder component="fieldset" aria-labelledby={props.id} m={0}>
      <Title order={2} size="h4" id={props.id} mb={props.help ? 0 : "sm"}>
        {props.title}
      </Title>
      {props.help && (
        <Text size="sm" c="dimmed" mb="sm">
          {props.help}
        </Text>
      )}
      {props.children}
    </Card>
  );
}

export function IntakeNewPage() {
  const { t } = useTranslation();
  const org = useOrg();
  const navigate = useNavigate();
  const catalogue = useCatalogue(org.slug);
  const create = useCreateIntake(org.slug);
  const manager = org.role !== "staff";
  const [customer, setCustomer] = useState<CustomerChoice>({
    mode: "existing",
    id: null,
    name: "",
  });
  const [item, setItem] = useState("");
  const [serviceId, setServiceId] = useState("");
  const [risks, setRisks] = useState<Risk[]>([]);
  const [material, setMaterial] = useState("");
  const [condition, setCondition] = useState("");
  const [notes, setNotes] = useState("");
  const [photos, setPhotos] = useState<File[]>([]);
  const [questions, setQuestions] = useState<string[]>([]);
  const [advice, setAdvice] = useState<AdviceKind | "">("");
  const [adviceText, setAdviceText] = useState("");
  const [quote, setQuote] = useState<QuoteValues>({
    listPrice: "",
    price: "",
    cost: "",
    managerConfirmed: false,
  });
  const [deposit, setDeposit] = useState<number | "">("");
  const [due, setDue] = useState("");

  const services = catalogue.data?.items ?? [];
  const service = services.find((s) => s.id === serviceId);
  const currency = catalogue.data?.currency ?? "EUR";

  const chooseService = (id: string) => {
    setServiceId(id);
    const next = services.find((s) => s.id === id);
    // Risks of the previous service no longer apply; hand-written ones stay.
    const known = new Set(services.flatMap((s) => s.risks.map((r) => r.code)));
    setRisks((current) => current.filter((r) => !r.code || !known.has(r.code)));
    if (next) setQuote((q) => ({ ...q, listPrice: next.price, price: next.price }));
  };

  const customerReady =
    customer.mode === "existing" ? customer.id !== null : customer.name.trim() !== "";

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body: CreateIntakeBody = {
      customer:
        customer.mode === "existing"
          ? { id: customer.id ?? "" }
          : {
              new: {
                name: customer.name.trim(),
                ...(customer.email.trim() ? { email: customer.email.trim() } : {}),
                ...(customer.phone.trim() ? { phone: customer.phone.trim() } : {}),
              },
            },
      item: item.trim(),
      ...(serviceId ? { serviceId } : {}),
      observations: {
        ...(material.trim() ? { material: material.trim() } : {}),
        ...(condition.trim() ? { condition: condition.trim() } : {}),
        ...(notes.trim() ? { notes: notes.trim() } : {}),
      },
      risks,
      questions,
      ...(advice ? { advice: { kind: advice, ...(adviceText ? { text: adviceText } : {}) } } : {}),
      quote: quoteBody(quote, manager),
      ...(deposit === "" ? {} : { deposit }),
      ...(due ? { due } : {}),
    };
    const detail = await create.mutateAsync(body).catch(() => null);
    if (!detail) return;
    const id = detail.order.id;
    // The order exists: a photo refused goes to the order's page, where it can be added again.
    const uploaded = await Promise.all(photos.map((file) => uploadPhoto(org.slug, id, file)))
      .then(() => true)
      .catch(() => false);
    await navigate({
      to: "/o/$org/intake/$id",
      params: { org: org.slug, id },
      search: uploaded ? {} : { photos: "failed" },
    });
  };

  return (
    <Stack gap="md" maw={880} component="form" onSubmit={submit} data-testid="intake-form">
      <div>
        <Link to="/o/$org/intake" params={{ org: org.slug }} size="sm">
          ← {t("intake.detail.back")}
        </Link>
      </div>
      <PageTitle title={t("intake.form.title")} />
      <Section id="f-customer" title={t("intake.form.customer")}>
        <IntakeCustomerPicker value={customer} onChange={setCustomer} />
      </Section>
      <Section id="f-item" title={t("intake.form.item")}>
        <Stack gap="sm">
          <TextInput
            label={t("intake.form.item")}
            placeholder={t("intake.form.itemPlaceholder")}
            required
            value={item}
            onChange={(e) => setItem(e.currentTarget.value)}
          />
          <NativeSelect
            label={t("intake.form.service")}
            value={serviceId}
            onChange={(e) => chooseService(e.currentTarget.value)}
            data={[
              { value: "", label: t("intake.form.noService") },
              ...services.map((s) => ({ value: s.id, label: s.name })),
            ]}
          />
        </Stack>
      </Section>
      <Section id="f-risks" title={t("intake.form.risks")} help={t("intake.form.risksHelp")}>
        <RiskPicker service={service} value={risks} onChange={setRisks} />
      </Section>
      <Section id="f-observations" title={t("intake.form.observations")}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t("intake.form.material")}
              value={material}
              onChange={(e) => setMaterial(e.currentTarget.value)}
            />
            <TextInput
              label={t("intake.form.condition")}
              value={condition}
              onChange={(e) => setCondition(e.currentTarget.value)}
            />
          </SimpleGrid>
          <Textarea
            label={t("intake.form.notes")}
            autosize
            minRows={2}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
          />
          <FileInput
            label={t("intake.form.photos")}
            placeholder={t("intake.form.photosPlaceholder")}
            accept="image/jpeg,image/png,image/webp"
            multiple
            clearable
            value={photos}
            onChange={setPhotos}
          />
        </Stack>
      </Section>
      <Section
        id="f-questions"
        title={t("intake.form.questions")}
        help={t("intake.form.questionsHelp")}
      >
        <TextList
          label={t("intake.form.question")}
          addLabel={t("intake.form.addQuestion")}
          items={questions}
          onChange={setQuestions}
        />
      </Section>
      <Section id="f-advice" title={t("intake.form.advice")}>
        <Stack gap="sm">
          <Radio.Group
            aria-labelledby="f-advice"
            value={advice}
            onChange={(v) => setAdvice(v as AdviceKind)}
          >
            <Stack gap={6}>
              {ADVICE_KINDS.map((kind) => (
                <Radio key={kind} value={kind} label={t(`intake.advice.${kind}`)} />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            label={t("intake.form.adviceText")}
            autosize
            minRows={2}
            value={adviceText}
            onChange={(e) => setAdviceText(e.currentTarget.value)}
          />
        </Stack>
      </Section>
      <Section id="f-quote" title={t("intake.form.quote")}>
        <Stack gap="sm">
          <QuoteFields value={quote} onChange={setQuote} currency={currency} manager={manager} />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <NumberInput
              label={t("intake.form.deposit")}
              decimalScale={2}
              min={0}
              hideControls
              suffix={` ${currency}`}
              value={deposit}
              onChange={(v) => setDeposit(v === "" ? "" : Number(v))}
            />
            <TextInput
              label={t("intake.form.due")}
              type="date"
              value={due}
              onChange={(e) => setDue(e.currentTarget.value)}
            />
          </SimpleGrid>
        </Stack>
      </Section>
      <ErrorAlert error={create.error} />
      <div>
        <Button
          type="submit"
          size="md"
          loading={create.isPending}
          disabled={!customerReady || !item.trim()}
        >
          {t("intake.form.submit")}
        </Button>
      </div>
    </Stack>
  );
}
