/**
 * Import: upload JSONL or CSV files, follow the progress, and read the line-numbered error
 * list when the import is refused.
 */
import {
  Alert,
  Button,
  Card,
  Checkbox,
  FileInput,
  Progress,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ImportJob } from "../../../../src/http/routes/imports/contract.ts";
import { PageTitle } from "../../components/page-title.tsx";
import { Forbidden, useErrorMessage } from "../../components/states.tsx";
import { useFormat } from "../../format/use-format.ts";
import { useOrg } from "../../layout/org-context.ts";
import { ExportCard } from "./export-card.tsx";
import { uploadImport, useImportJob } from "./import-queries.ts";
import { TemplateCard } from "./template-card.tsx";

export function ImportPage() {
  const { t } = useTranslation();
  const org = useOrg();
  const errorMessage = useErrorMessage();
  const [files, setFiles] = useState<File[]>([]);
  const [allowPartial, setAllowPartial] = useState(false);
  const [uploaded, setUploaded] = useState<number | null>(null);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [started, setStarted] = useState<ImportJob | null>(null);
  const job = useImportJob(org.slug, started);
  if (!org.can.importFacts) return <Forbidden />;

  const uploading = uploaded !== null;
  const running = uploading || job.data?.status === "running";

  const submit = async () => {
    setUploadError(null);
    setStarted(null);
    setUploaded(0);
    try {
      setStarted(await uploadImport(org.slug, files, allowPartial, setUploaded));
    } catch (error) {
      setUploadError(error);
    } finally {
      setUploaded(null);
    }
  };

  return (
    <Stack gap="md" maw={900}>
      <PageTitle title={t("import.title")} subtitle={t("import.intro")} />
      <Card withBorder>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (files.length > 0 && !running) void submit();
          }}
        >
          <Stack gap="sm">
            <FileInput
              label={t("import.files")}
              placeholder={t("import.filesPlaceholder")}
              multiple
              clearable
              accept=".jsonl,.csv,.ndjson,application/json,text/csv"
              value={files}
              onChange={(value) => setFiles(value)}
              data-testid="import-files"
            />
            <Checkbox
              label={t("import.allowPartial")}
              checked={allowPartial}
              onChange={(event) => setAllowPartial(event.currentTarget.checked)}
            />
            <div>
              <Button type="submit" disabled={files.length === 0} loading={running}>
                {t("import.submit")}
              </Button>
            </div>
          </Stack>
        </form>
      </Card>
      {uploading && (
        <div role="status">
          <Text size="sm">{t("import.uploading")}</Text>
          <Progress value={(uploaded ?? 0) * 100} aria-label={t("import.uploading")} animated />
        </div>
      )}
      {uploadError !== null && (
        <Alert color="red" role="alert">
          {errorMessage(uploadError)}
        </Alert>
      )}
      {job.data && <JobReport job={job.data} />}
      <TemplateCard />
      {org.can.exportLedger && <ExportCard />}
    </Stack>
  );
}

/** The file's own name, without the folder it was uploaded to. */
function baseName(path: string | undefined): string {
  return path?.split(/[\\/]/).pop() ?? "";
}

function JobReport({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { done, total } = job.progress;
  const counts = Object.entries(job.counts);
  return (
    <Stack gap="md" data-testid="import-report" data-status={job.status}>
      {job.status === "running" && (
        <div role="status">
          <Text size="sm">{t("import.running", { done: f.num(done), total: f.num(total) })}</Text>
          <Progress
            value={total > 0 ? (100 * done) / total : 0}
            aria-label={t("import.title")}
            animated
          />
        </div>
      )}
      {job.converted.map((c) => (
        <Alert key={c.file} color="blue" role="status" data-testid="import-converted">
          {t("import.converted", { file: c.file, from: c.from })}
        </Alert>
      ))}
      {job.status === "done" && (
        <Alert color="green" role="status" title={t("import.done")}>
          {job.errorCount > 0 && t("import.partial")}
        </Alert>
      )}
      {job.status === "rejected" && (
        <Alert color="red" role="alert" title={t("import.rejected")}>
          {t("import.errors", { count: job.errorLineCount ?? job.errorCount })}
          {job.errorCount > job.errors.length && ` ${t("import.errorsShown")}`}
        </Alert>
      )}
      {job.status === "failed" && (
        <Alert color="red" role="alert">
          {t("import.failed")}
        </Alert>
      )}
      {counts.length > 0 && (
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t("import.counts")}
          </Title>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("import.type")}</Table.Th>
                <Table.Th ta="right">{t("import.added")}</Table.Th>
                <Table.Th ta="right">{t("import.unchanged")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {counts.map(([type, c]) => (
                <Table.Tr key={type}>
                  <Table.Td>{t(`facts.${type}` as "facts.order", { defaultValue: type })}</Table.Td>
                  <Table.Td ta="right">{f.num(c.added)}</Table.Td>
                  <Table.Td ta="right">{f.num(c.unchanged)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      {job.errors.length > 0 && (
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t("import.errors", { count: job.errorLineCount ?? job.errorCount })}
          </Title>
          <Table.ScrollContainer minWidth={480}>
            <Table striped data-testid="import-errors">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th ta="right">{t("import.line")}</Table.Th>
                  {job.errors.some((e) => e.file) && <Table.Th>{t("import.file")}</Table.Th>}
                  <Table.Th>{t("import.field")}</Table.Th>
                  <Table.Th>{t("import.reason")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {job.errors.map((error, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a line may carry several errors
                  <Table.Tr key={index}>
                    <Table.Td ta="right" ff="monospace">
                      {error.line}
                    </Table.Td>
                    {job.errors.some((e) => e.file) && <Table.Td>{baseName(error.file)}</Table.Td>}
                    <Table.Td ff="monospace">{error.column ?? error.field}</Table.Td>
                    <Table.Td>{error.text ?? error.reason}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
    </Stack>
  );
}
