/** The pause dialog: this invoice or all of the customer's, a reason, a last day. */
import { Button, Group, Modal, Radio, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useErrorMessage } from "../../components/states.tsx";
import { usePause } from "./reminder-queries.ts";

export function PauseDialog(props: {
  org: string;
  invoice: string;
  customer: string;
  customerName: string;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const pause = usePause(props.org);
  const inTwoWeeks = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  const [scope, setScope] = useState<"invoice" | "customer">("invoice");
  const [reason, setReason] = useState("");
  const [until, setUntil] = useState(inTwoWeeks);
  return (
    <Modal opened onClose={props.onClose} title={t("reminders.pauseTitle")}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          pause.mutate(
            {
              scope,
              target: scope === "invoice" ? props.invoice : props.customer,
              reason,
              until,
            },
            { onSuccess: props.onClose },
          );
        }}
      >
        <Stack>
          <Radio.Group
            label={t("reminders.pauseScope")}
            value={scope}
            onChange={(v) => setScope(v === "customer" ? "customer" : "invoice")}
          >
            <Stack gap="xs" mt="xs">
              <Radio
                value="invoice"
                label={t("reminders.pauseInvoice", { invoice: props.invoice })}
              />
              <Radio
                value="customer"
                label={t("reminders.pauseCustomer", { customer: props.customerName })}
              />
            </Stack>
          </Radio.Group>
          <TextInput
            label={t("reminders.pauseReason")}
            placeholder={t("reminders.pauseReasonHint")}
            required
            data-autofocus
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t("reminders.pauseUntil")}
            required
            value={until}
            onChange={(e) => setUntil(e.currentTarget.value)}
          />
          {pause.isError && (
            <Text c="red.9" size="sm" role="alert">
              {errorMessage(pause.error)}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={pause.isPending}>
              {t("reminders.pauseSave")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
