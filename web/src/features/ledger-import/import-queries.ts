/**
 * Importing a ledger file: the upload (XMLHttpRequest, for its upload progress, which fetch
 * does not report), then the job polled until it is no longer running.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type { ImportJob } from "../../../../src/http/routes/imports/contract.ts";
import { api, readResponse } from "../../api/api-client.ts";
import { CSRF_HEADER } from "../../api/csrf.ts";

const importsPath = (org: string) => `/api/orgs/${encodeURIComponent(org)}/imports`;

/** Uploads the files; `onProgress` receives the fraction sent (0 to 1). Resolves to the job. */
export function uploadImport(
  org: string,
  files: File[],
  allowPartial: boolean,
  onProgress: (fraction: number) => void,
): Promise<ImportJob> {
  const form = new FormData();
  for (const file of files) form.append("file", file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `${importsPath(org)}${allowPartial ? "?allowPartial=true" : ""}`);
    xhr.setRequestHeader(CSRF_HEADER, "1");
    xhr.setRequestHeader("accept", "application/json");
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      try {
        resolve(readResponse<ImportJob>(xhr.status, xhr.responseText));
      } catch (error) {
        reject(error);
      }
    };
    xhr.onerror = () => reject(new Error("network"));
    xhr.send(form);
  });
}

/** Polls a job every half second while it runs; refreshes the organization's data when done. */
export function useImportJob(org: string, initial: ImportJob | null) {
  const client = useQueryClient();
  const query = useQuery({
    queryKey: [org, "import", initial?.id],
    queryFn: () =>
      api<ImportJob>("GET", `${importsPath(org)}/${encodeURIComponent(initial?.id ?? "")}`),
    enabled: initial !== null,
    initialData: initial ?? undefined,
    refetchInterval: (q) => (q.state.data?.status === "running" ? 500 : false),
  });
  const status = query.data?.status;
  useEffect(() => {
    if (status === "done") {
      client.invalidateQueries({
        predicate: (q) => q.queryKey[0] === org && q.queryKey[1] !== "import",
      });
    }
  }, [status, org, client]);
  return query;
}
