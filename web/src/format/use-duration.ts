import { useTranslation } from "react-i18next";

/** `2 j 3 h`, `45 min`: a duration in minutes for a person (its absolute value). */
export function useDuration() {
  const { t } = useTranslation();
  return (minutes: number): string => {
    const total = Math.round(Math.abs(minutes));
    const days = Math.floor(total / 1440);
    const hours = Math.floor((total % 1440) / 60);
    const mins = total % 60;
    const parts: string[] = [];
    if (days > 0) parts.push(t("intake.duration.days", { count: days }));
    if (hours > 0 && days < 7) parts.push(t("intake.duration.hours", { count: hours }));
    if (days === 0 && (mins > 0 || parts.length === 0))
      parts.push(t("intake.duration.minutes", { count: mins }));
    return parts.join(" ");
  };
}
