/** One click to the other language; the choice is remembered and the API data refetched. */
import { Button } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { changeLanguage } from "../i18n/i18n.ts";

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const other = i18n.language === "en" ? "fr" : "en";
  return (
    <Button
      variant="default"
      size="compact-sm"
      lang={other}
      title={t("common.switchLanguageLabel")}
      data-testid="language-switch"
      // Queries carry the language in their keys: the server's messages follow it.
      onClick={() => changeLanguage(other)}
    >
      {t("common.switchLanguage")}
    </Button>
  );
}
