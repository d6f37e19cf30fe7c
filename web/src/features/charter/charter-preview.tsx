/** How many customers would change segment with the charter being edited, and which. */
import { List, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { CharterPreviewResponse } from "../../../../src/http/routes/charter/contract.ts";
import { SegmentBadge } from "../../components/segment-badge.tsx";
import { useOrg } from "../../layout/org-context.ts";
import { Link } from "../../router/link.tsx";

export function CharterPreview(props: {
  titleId: string;
  dirty: boolean;
  loading: boolean;
  error: string | null;
  data: CharterPreviewResponse | undefined;
}) {
  const { t } = useTranslation();
  const org = useOrg();
  const { data } = props;
  return (
    <div aria-live="polite" data-testid="charter-preview">
      <Title order={2} size="h4" id={props.titleId} mb="xs">
        {t("charter.preview")}
      </Title>
      {!props.dirty ? (
        <Text size="sm">{t("charter.previewIdle")}</Text>
      ) : props.error ? (
        <Text size="sm" c="red.8">
          {props.error}
        </Text>
      ) : !data ? (
        <Text size="sm">{t("charter.previewLoading")}</Text>
      ) : (
        <>
          <Text fw={700} data-testid="preview-count" style={{ opacity: props.loading ? 0.6 : 1 }}>
            {t("charter.previewCount", { count: data.changed, total: data.total })}
          </Text>
          {data.moves.length > 0 && (
            <List size="sm" mt="xs" spacing={4}>
              {data.moves.map((move) => (
                <List.Item key={`${move.from}-${move.to}`}>
                  {t("charter.previewMove", {
                    from: t(`segments.${move.from}`),
                    to: t(`segments.${move.to}`),
                    count: move.count,
                  })}
                </List.Item>
              ))}
            </List>
          )}
          {data.items.length > 0 && (
            <List size="sm" mt="sm" spacing={6} listStyleType="none" data-testid="preview-items">
              {data.items.slice(0, 20).map((item) => (
                <List.Item key={item.id}>
                  <Link
                    to="/o/$org/customers/$id"
                    params={{ org: org.slug, id: item.id }}
                    size="sm"
                  >
                    {item.name}
                  </Link>{" "}
                  <SegmentBadge segment={item.from} size="sm" /> →{" "}
                  <SegmentBadge segment={item.to} size="sm" />
                </List.Item>
              ))}
            </List>
          )}
        </>
      )}
    </div>
  );
}
