/** Providers (Mantine, TanStack Query) around the routed pages. */
import { MantineProvider } from "@mantine/core";
import { QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { ApiError } from "./api/api-client.ts";
import { Routes } from "./routes.tsx";
import { cssVariablesResolver, theme } from "./theme.ts";

function createQueryClient() {
  const client: QueryClient = new QueryClient({
    // A 401 anywhere means the session ended: re-read it, which leads to the sign-in page.
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (error instanceof ApiError && error.status === 401 && query.queryKey[0] !== "session") {
          void client.invalidateQueries({ queryKey: ["session"] });
        }
      },
    }),
    defaultOptions: {
      queries: {
        // 4xx answers will not change on a retry.
        retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
        refetchOnWindowFocus: false,
      },
    },
  });
  return client;
}

export function App() {
  const [client] = useState(createQueryClient);
  return (
    <MantineProvider
      theme={theme}
      defaultColorScheme="light"
      cssVariablesResolver={cssVariablesResolver}
    >
      <QueryClientProvider client={client}>
        <Routes />
      </QueryClientProvider>
    </MantineProvider>
  );
}
