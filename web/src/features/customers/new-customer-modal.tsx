/**
 * Creating a customer from the list (any member). Once created, the page opens the new
 * record; if it looks like customers already there (same e-mail, phone, or a close name),
 * they are named first, so that a duplicate is noticed at once.
 */
import { Alert, Button, Group, List, Modal, Stack, Text } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CreateCustomerResponse } from "../../../../src/http/routes/customers/contract-records.ts";
import { useOrg } from "../../layout/org-context.ts";
import { Link } from "../../router/link.tsx";
import { CustomerForm, emptyCustomer } from "./customer-form.tsx";
import { useCreateCustomer } from "./customer-queries.ts";

export function NewCustomerModal(props: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const org = useOrg();
  const navigate = useNavigate();
  const create = useCreateCustomer(org.slug);
  const [created, setCreated] = useState<CreateCustomerResponse | null>(null);
  const open = (id: string) => {
    props.onClose();
    setCreated(null);
    create.reset();
    void navigate({ to: "/o/$org/customers/$id", params: { org: org.slug, id } });
  };
  const close = () => {
    props.onClose();
    setCreated(null);
    create.reset();
  };
  return (
    <Modal opened={props.opened} onClose={close} title={t("records.createTitle")} size="lg">
      {created ? (
        <Stack gap="sm">
          <Alert color="yellow" title={t("records.duplicates")}>
            <Text size="sm" mb="xs">
              {t("records.created")}
            </Text>
            <List size="sm">
              {created.duplicates.map((d) => (
                <List.Item key={d.id}>
                  <Link to="/o/$org/customers/$id" params={{ org: org.slug, id: d.id }}>
                    {d.name}
                  </Link>{" "}
                  ({d.reasons.map((r) => t(`records.reasons.${r}`)).join(", ")})
                </List.Item>
              ))}
            </List>
          </Alert>
          <Group justify="flex-end">
            <Button onClick={() => open(created.customer.id)}>{created.customer.name}</Button>
          </Group>
        </Stack>
      ) : (
        <CustomerForm
          initial={emptyCustomer}
          submitLabel={t("records.save")}
          busy={create.isPending}
          error={create.error}
          onCancel={close}
          onSubmit={(values) =>
            create.mutate(
              Object.fromEntries(Object.entries(values).filter(([, v]) => v !== "")) as never,
              {
                onSuccess: (response) => {
                  if (response.duplicates.length > 0) setCreated(response);
                  else open(response.customer.id);
                },
              },
            )
          }
        />
      )}
    </Modal>
  );
}
