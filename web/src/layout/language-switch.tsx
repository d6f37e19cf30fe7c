/** One click to the other language; the choice is remembered and the API data refetched. */
import { Button } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { changeLanguage } from "../i18n/i18n.ts";

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const other = i18n.language === "en" ? "fr" : "en";
  return (
    <Button
      variant="default"
      size="compact-sm"
      lang={other}
      title={t("common.switchLanguageLabel")}
      data-testid="language-switch"
      onClick={async () => {
        await changeLanguage(other);
        // Signal messages are written by the server in the requested language.
        await client.invalidateQueries();
      }}
    >
      {t("common.switchLanguage")}
    </Button>
  );
}
