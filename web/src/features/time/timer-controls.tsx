/**
 * The member's timer on a customer page: start it on this customer with an activity; while it
 * runs, the time elapsed since the server recorded its start (a reload reads it back), stop
 * (the time is logged) or discard. A timer running on another customer is named, with a link.
 */
import { Button, Group, NativeSelect, Stack, Text } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { TIME_ACTIVITIES, type TimeActivity } from "../../../../src/domain/facts.ts";
import { useLang } from "../../api/org-api.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { useFormat } from "../../format/use-format.ts";
import { useOrg } from "../../layout/org-context.ts";
import { Link } from "../../router/link.tsx";
import { duration } from "./duration.ts";
import { useDiscardTimer, useStartTimer, useStopTimer, useTimer } from "./time-queries.ts";

/** Now, again every 15 seconds while `on`. */
function useNow(on: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!on) return;
    setNow(Date.now());
    const id = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(id);
  }, [on]);
  return now;
}

export function TimerControls({ customer }: { customer: string }) {
  const { t } = useTranslation();
  const org = useOrg();
  const lang = useLang();
  const f = useFormat();
  const timer = useTimer(org.slug);
  const start = useStartTimer(org.slug);
  const stop = useStopTimer(org.slug);
  const discard = useDiscardTimer(org.slug);
  const [activity, setActivity] = useState<TimeActivity>("work");
  const [done, setDone] = useState<string | null>(null);
  const running = timer.data?.timer ?? null;
  const now = useNow(running !== null);
  const activityLabel = (a: TimeActivity) => t(`values.${a}`);
  const error = start.error ?? stop.error ?? discard.error;

  if (timer.isPending) return null;
  if (running && running.customer !== customer) {
    return (
      <Group gap="sm" data-testid="timer">
        <Text size="sm">{t("time.timer.elsewhere", { name: running.customerName })}</Text>
        <Link to="/o/$org/customers/$id" params={{ org: org.slug, id: running.customer }} size="sm">
          {t("time.timer.openElsewhere")}
        </Link>
      </Group>
    );
  }
  return (
    <Stack gap="xs" data-testid="timer">
      {running ? (
        <Group gap="sm" align="center">
          <Text size="sm" role="timer" aria-live="off" data-testid="timer-running">
            {t("time.timer.running", {
              since: f.dateTime(running.startedAt),
              elapsed: duration(
                Math.max(0, Math.floor((now - Date.parse(running.startedAt)) / 60_000)),
                lang,
              ),
              activity: activityLabel(running.activity),
            })}
          </Text>
          <Button
            size="xs"
            loading={stop.isPending}
            onClick={() =>
              stop.mutate(
                {},
                {
                  onSuccess: ({ entry }) =>
                    setDone(
                      t("time.timer.stopped", {
                        duration: duration(entry.minutes, lang),
                        activity: activityLabel(entry.activity),
                      }),
                    ),
                },
              )
            }
          >
            {t("time.timer.stop")}
          </Button>
          <Button
            size="xs"
            variant="subtle"
            color="gray"
            loading={discard.isPending}
            onClick={() =>
              discard.mutate(undefined, { onSuccess: () => setDone(t("time.timer.discarded")) })
            }
          >
            {t("time.timer.discard")}
          </Button>
        </Group>
      ) : (
        <Group
          component="form"
          gap="sm"
          align="flex-end"
          onSubmit={(e) => {
            e.preventDefault();
            setDone(null);
            start.mutate({ customer, activity });
          }}
        >
          <NativeSelect
            size="xs"
            label={t("time.timer.activity")}
            value={activity}
            onChange={(e) => setActivity(e.currentTarget.value as TimeActivity)}
            data={TIME_ACTIVITIES.map((a) => ({ value: a, label: activityLabel(a) }))}
          />
          <Button size="xs" type="submit" loading={start.isPending}>
            {t("time.timer.start")}
          </Button>
        </Group>
      )}
      {done && (
        <Text size="sm" role="status">
          {done}
        </Text>
      )}
      <ErrorAlert error={error} />
    </Stack>
  );
}
