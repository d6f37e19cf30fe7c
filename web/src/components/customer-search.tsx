/**
 * Finding an existing customer by name or id: a search box (debounced), then one button per
 * match (the first eight by name); once one is picked, its name with a button to change it.
 * Used at intake and when reporting an incident, each with its own wording.
 */
import { Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useCustomers } from "../features/customers/customer-queries.ts";
import { useOrg } from "../layout/org-context.ts";

export function CustomerSearch(props: {
  label: string;
  placeholder?: string;
  required?: boolean;
  error?: string;
  /** Shown when the search matches nobody. */
  noMatch: string;
  /** The accessible name of the button that picks `name`. */
  pickLabel: (name: string) => string;
  onPick: (c: { id: string; name: string }) => void;
}) {
  const org = useOrg();
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 250);
  const results = useCustomers(org.slug, { q, page: 1, pageSize: 8, sort: "name", dir: "asc" });
  const items = q ? (results.data?.items ?? []) : [];
  return (
    <Stack gap="xs">
      <TextInput
        label={props.label}
        placeholder={props.placeholder}
        type="search"
        required={props.required}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        error={props.error}
      />
      {q && !results.isPending && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {props.noMatch}
        </Text>
      )}
      <Group gap="xs" aria-live="polite">
        {items.map((c) => (
          <Button
            key={c.id}
            variant="default"
            size="xs"
            aria-label={props.pickLabel(c.name)}
            onClick={() => props.onPick({ id: c.id, name: c.name })}
          >
            {c.name} ({c.id})
          </Button>
        ))}
      </Group>
    </Stack>
  );
}

/** The customer picked (`label` says who), and the button that goes back to the search. */
export function PickedCustomer(props: {
  label: string;
  testId: string;
  change: string;
  onChange: () => void;
}) {
  return (
    <Group gap="sm">
      <Text fw={600} data-testid={props.testId}>
        {props.label}
      </Text>
      <Button variant="subtle" size="compact-sm" onClick={props.onChange}>
        {props.change}
      </Button>
    </Group>
  );
}
