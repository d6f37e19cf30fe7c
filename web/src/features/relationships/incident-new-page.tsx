/**
 * Reporting an incident with a customer (every role): the customer, the severity with the
 * spec's meanings, the team member concerned, what happened and, optionally, when. It goes on
 * the customer's timeline as an `incident` fact; the scorecard counts it on its next read.
 */
import { Alert, Button, Card, Radio, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { getRouteApi } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/api-client.ts";
import { useSession } from "../../api/session-queries.ts";
import { CustomerSearch, PickedCustomer } from "../../components/customer-search.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { Loading } from "../../components/states.tsx";
import { useOrg } from "../../layout/org-context.ts";
import { Link } from "../../router/link.tsx";
import { useCustomer } from "../customers/customer-queries.ts";
import { useReportIncident } from "./relationship-queries.ts";

const route = getRouteApi("/o/$org/incidents/new");

const SEVERITIES = ["1", "2", "3"] as const;
const SEVERITY_KEYS = { "1": "rude", "2": "insulting", "3": "threat" } as const;
type Picked = { id: string; name: string } | null;

/** The message of a 400 for this field, shown on the input itself. */
export function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiError && error.code === "BAD_INPUT" && error.field === field
    ? error.message
    : undefined;
}

export function IncidentNewPage() {
  const initial = route.useSearch().customer ?? null;
  return initial ? <FromCustomer id={initial} /> : <IncidentForm initial={null} />;
}

/** Opened from a customer's page: that customer is already chosen. */
function FromCustomer({ id }: { id: string }) {
  const org = useOrg();
  const known = useCustomer(org.slug, id);
  if (known.isPending) return <Loading />;
  const c = known.data?.customer;
  return <IncidentForm initial={c ? { id: c.id, name: c.name } : null} />;
}

function IncidentForm({ initial }: { initial: Picked }) {
  const { t } = useTranslation();
  const org = useOrg();
  const session = useSession();
  const [picked, setPicked] = useState<Picked>(null);
  const customer: Picked = picked ?? initial;
  const [severity, setSeverity] = useState<string>("");
  const [staff, setStaff] = useState<string | null>(null);
  const [text, setText] = useState("");
  const [at, setAt] = useState("");
  const [cleared, setCleared] = useState(false);
  const report = useReportIncident(org.slug);
  const who = staff ?? session.data?.user?.name ?? "";
  const current = cleared ? null : customer;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!current || !severity) return;
    report.mutate(
      {
        customer: current.id,
        severity: Number(severity) as 1 | 2 | 3,
        text,
        ...(who.trim() ? { staff: who.trim() } : {}),
        ...(at ? { at } : {}),
      },
      {
        onSuccess: () => {
          setText("");
          setSeverity("");
          setAt("");
        },
      },
    );
  };

  return (
    <Stack gap="md" maw={720}>
      <PageTitle title={t("incident.title")} subtitle={t("incident.intro")} />
      <Card withBorder>
        <Stack component="form" gap="md" onSubmit={submit} aria-label={t("incident.title")}>
          {current ? (
            <PickedCustomer
              label={t("incident.picked", { name: current.name })}
              testId="incident-customer"
              change={t("incident.change")}
              onChange={() => {
                setPicked(null);
                setCleared(true);
              }}
            />
          ) : (
            <CustomerSearch
              label={t("incident.search")}
              required
              error={fieldError(report.error, "customer")}
              noMatch={t("incident.noMatch")}
              pickLabel={(name) => t("incident.pick", { name })}
              onPick={(c) => {
                setPicked(c);
                setCleared(false);
              }}
            />
          )}
          <Radio.Group
            label={t("incident.severity")}
            value={severity}
            onChange={setSeverity}
            required
            error={fieldError(report.error, "severity")}
          >
            <Stack gap="xs" mt="xs">
              {SEVERITIES.map((s) => (
                <Radio key={s} value={s} label={t(`incident.severities.${SEVERITY_KEYS[s]}`)} />
              ))}
            </Stack>
          </Radio.Group>
          <TextInput
            label={t("incident.staff")}
            description={t("incident.staffHelp")}
            value={who}
            onChange={(e) => setStaff(e.currentTarget.value)}
            error={fieldError(report.error, "staff")}
          />
          <Textarea
            label={t("incident.text")}
            required
            autosize
            minRows={3}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={fieldError(report.error, "text")}
          />
          <TextInput
            label={t("incident.at")}
            description={t("incident.atHelp")}
            type="date"
            value={at}
            onChange={(e) => setAt(e.currentTarget.value)}
            error={fieldError(report.error, "at")}
            maw={220}
          />
          <ErrorAlert error={report.error} />
          {report.isSuccess && current && (
            <Alert color="green" role="status" data-testid="incident-done">
              {t("incident.done", { name: current.name })}{" "}
              <Link to="/o/$org/customers/$id" params={{ org: org.slug, id: current.id }}>
                {current.name}
              </Link>
            </Alert>
          )}
          {!current && (
            <Text size="sm" c="dimmed">
              {t("incident.noCustomer")}
            </Text>
          )}
          <div>
            <Button type="submit" disabled={!current || !severity} loading={report.isPending}>
              {t("incident.submit")}
            </Button>
          </div>
        </Stack>
      </Card>
    </Stack>
  );
}
