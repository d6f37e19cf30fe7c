/**
 * The logo on the identity page: the current one, a button to choose a PNG or JPEG (checked
 * here for its size and type to answer at once, and by the server from its bytes), and one
 * to remove it. The server downscales it; the page shows what the documents will print.
 */
import { Alert, Button, Fieldset, FileButton, Group, Image, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { IdentityResponse } from "../../../../src/http/routes/identity/contract.ts";
import { ApiError } from "../../api/api-client.ts";
import { useErrorMessage } from "../../components/states.tsx";
import { useOrg } from "../../layout/org-context.ts";
import { useRemoveLogo, useUploadLogo } from "./identity-queries.ts";

export function LogoField({ data }: { data: IdentityResponse }) {
  const { t, i18n } = useTranslation();
  const org = useOrg();
  const upload = useUploadLogo(org.slug);
  const remove = useRemoveLogo(org.slug);
  const errorMessage = useErrorMessage();
  const [local, setLocal] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const limits = data.logoLimits;
  const mb = (bytes: number) =>
    new Intl.NumberFormat(i18n.language === "en" ? "en-GB" : "fr-FR", {
      style: "unit",
      unit: "megabyte",
      maximumFractionDigits: 1,
    }).format(bytes / 1_000_000);

  const choose = (file: File | null) => {
    setSaved(false);
    setLocal(null);
    upload.reset();
    if (!file) return;
    if (file.size > limits.maxBytes) {
      setLocal(t("identity.logo.tooLarge", { size: mb(file.size), max: mb(limits.maxBytes) }));
      return;
    }
    // The browser's guess from the name; the server reads the bytes.
    if (file.type && !limits.types.includes(file.type)) {
      setLocal(t("identity.logo.wrongType"));
      return;
    }
    upload.mutate(file, { onSuccess: () => setSaved(true) });
  };
  const failure =
    upload.error instanceof ApiError
      ? upload.error.message.replace(/^logo: /, "")
      : upload.error
        ? errorMessage(upload.error)
        : null;
  const error = local ?? failure ?? (remove.error ? errorMessage(remove.error) : null);

  return (
    <Fieldset legend={t("identity.sections.logo")}>
      <Stack gap="sm">
        {data.logo ? (
          <Image
            src={data.logo.url}
            alt={t("identity.logo.alt", { name: org.name })}
            w={Math.min(data.logo.width, 300)}
            fit="contain"
            data-testid="identity-logo"
          />
        ) : (
          <Text c="dimmed">{t("identity.logo.none")}</Text>
        )}
        <Text size="sm" c="dimmed">
          {t("identity.logo.help", {
            max: mb(limits.maxBytes),
            width: limits.width,
            height: limits.height,
          })}
        </Text>
        {data.canEdit && (
          <Group>
            <FileButton onChange={choose} accept="image/png,image/jpeg">
              {(props) => (
                <Button {...props} variant="light" loading={upload.isPending}>
                  {t("identity.logo.choose")}
                </Button>
              )}
            </FileButton>
            {data.logo && (
              <Button
                variant="subtle"
                color="red"
                loading={remove.isPending}
                onClick={() => remove.mutate(undefined)}
              >
                {t("identity.logo.remove")}
              </Button>
            )}
          </Group>
        )}
        {error && (
          <Alert color="red" role="alert" data-testid="logo-error">
            {error}
          </Alert>
        )}
        {saved && !error && (
          <Text c="green.9" role="status">
            {t("identity.logo.saved")}
          </Text>
        )}
      </Stack>
    </Fieldset>
  );
}
