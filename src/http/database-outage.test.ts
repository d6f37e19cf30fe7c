/**
 * The database going away (issue 15): PostgreSQL connections terminated under load and a
 * network cut through a TCP proxy the test owns (never the shared server's settings), a SQLite
 * file locked by another writer and one that cannot be written. Each time: 503
 * DATABASE_UNAVAILABLE (never 500), the readiness check says so while liveness answers, and
 * service resumes by itself, without a restart.
 */
import { randomBytes } from "node:crypto";
import { createServer, type Server, Socket } from "node:net";
import SQLite from "better-sqlite3";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { openStore, type Store } from "../store/database.ts";
import { ensureOrganization } from "../store/organization-repository.ts";
import { freshSchemaName, TEST_PG_URL, testDialects } from "../store/test-stores.ts";
import { buildServer } from "./server.ts";
import { buildTestApp, call, signIn, TEST_URL, type TestApp, type TestUser } from "./test-app.ts";

const onPostgres = testDialects().includes("postgres");
const onSqlite = testDialects().includes("sqlite");

/** Forwards 127.0.0.1:<port> to PostgreSQL until cut; while cut, every connection is dropped. */
class TcpProxy {
  private readonly sockets = new Set<Socket>();
  private cutOff = false;
  private server?: Server;
  port = 0;

  async start(target: URL): Promise<void> {
    this.server = createServer((client) => {
      if (this.cutOff) return void client.destroy();
      const upstream = new Socket();
      upstream.connect(Number(target.port || 5432), target.hostname);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on("close", () => this.sockets.delete(s));
        s.on("error", () => {});
      }
      client.pipe(upstream).pipe(client);
      client.on("close", () => upstream.destroy());
      upstream.on("close", () => client.destroy());
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as { port: number }).port;
  }

  /** Every open connection dropped, and every new one, until restore(). */
  cut(): void {
    this.cutOff = true;
    for (const s of this.sockets) s.destroy();
  }

  restore(): void {
    this.cutOff = false;
  }

  async stop(): Promise<void> {
    this.cut();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

async function terminateBackends(applicationName: string): Promise<number> {
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  try {
    const result = await admin.query(
      "select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1",
      [applicationName],
    );
    return result.rowCount ?? 0;
  } finally {
    await admin.end();
  }
}

interface Running {
  app: FastifyInstance;
  store: Store;
  owner: TestUser;
  close(): Promise<void>;
}

/** A server on PostgreSQL reached through `url` (a proxy, or a named connection). */
async function serverOn(url: string, schema: string): Promise<Running> {
  const store = await openStore(url, { schema });
  await ensureOrganization(store, "shop", { name: "Shop", lang: "en" });
  const app = await buildServer({
    store,
    publicUrl: TEST_URL,
    authSecret: "test-secret-test-secret-test-secret-123",
    webDist: "/nonexistent",
  });
  const t = { app, store, org: await ensureOrganization(store, "shop"), other: undefined };
  const owner = await signIn(t as unknown as TestApp, "owner");
  return {
    app,
    store,
    owner,
    close: async () => {
      await app.close();
      await store.db.schema
        .dropSchema(schema)
        .ifExists()
        .cascade()
        .execute()
        .catch(() => {});
      await store.close();
    },
  };
}

const charter = (r: Running) =>
  call(r.app, { method: "GET", url: "/api/orgs/shop/charter", headers: r.owner.read });
const health = (app: FastifyInstance, path = "/api/health") =>
  call(app, { method: "GET", url: path });

/** Polls until `check` holds (the pool reconnects by itself), at most `ms`. */
async function eventually(check: () => Promise<boolean>, ms = 15_000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

describe.runIf(onPostgres)("PostgreSQL going away", () => {
  let running: Running | undefined;
  let proxy: TcpProxy | undefined;
  afterEach(async () => {
    proxy?.restore();
    await running?.close();
    await proxy?.stop();
    running = undefined;
    proxy = undefined;
  });

  it("survives pg_terminate_backend on every pooled connection under load: 0 failed requests after", async () => {
    const name = `comptoir-outage-${randomBytes(4).toString("hex")}`;
    const url = new URL(TEST_PG_URL);
    url.searchParams.set("application_name", name);
    running = await serverOn(url.toString(), freshSchemaName());
    const r = running;
    // Load: requests in flight while every connection of this server is terminated.
    const during: number[] = [];
    let stop = false;
    const load = Promise.all(
      Array.from({ length: 6 }, async () => {
        while (!stop) during.push((await charter(r)).status);
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await terminateBackends(name)).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await terminateBackends(name);
    await new Promise((resolve) => setTimeout(resolve, 300));
    stop = true;
    await load;
    // While connections ended, a request may get 503; never a 500, and the process is alive.
    expect(during.length).toBeGreaterThan(10);
    expect(during.filter((s) => s !== 200 && s !== 503)).toEqual([]);
    // After: every request answers.
    const after = await Promise.all(Array.from({ length: 100 }, () => charter(r)));
    expect(after.filter((a) => a.status !== 200).map((a) => a.status)).toEqual([]);
    expect((await health(r.app)).status).toBe(200);
  });

  it("answers 503 DATABASE_UNAVAILABLE through a network cut and resumes by itself", async () => {
    proxy = new TcpProxy();
    await proxy.start(new URL(TEST_PG_URL));
    const url = new URL(TEST_PG_URL);
    url.host = `127.0.0.1:${proxy.port}`;
    running = await serverOn(url.toString(), freshSchemaName());
    const r = running;
    expect((await charter(r)).status).toBe(200);
    expect((await health(r.app)).body).toMatchObject({ status: "ok", databaseState: "up" });

    proxy.cut();
    const down = await charter(r);
    expect(down.status).toBe(503);
    expect(down.body.error.code).toBe("DATABASE_UNAVAILABLE");
    expect(down.body.error.message).toMatch(/database cannot be reached/i);
    expect(down.headers["retry-after"]).toBe("5");
    const ready = await health(r.app, "/api/health/ready");
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ status: "unavailable", databaseState: "down" });
    expect((await health(r.app)).status).toBe(503);
    // Liveness never asks the database: a supervisor must not restart a healthy process.
    expect(await health(r.app, "/api/health/live")).toMatchObject({
      status: 200,
      body: { status: "ok" },
    });

    proxy.restore();
    expect(await eventually(async () => (await charter(r)).status === 200)).toBe(true);
    expect(await eventually(async () => (await health(r.app)).status === 200)).toBe(true);
    const after = await Promise.all(Array.from({ length: 20 }, () => charter(r)));
    expect(after.every((a) => a.status === 200)).toBe(true);
  });
});

describe.runIf(onSqlite)("a SQLite file that cannot be written", () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  const setDiscount = (owner: TestUser, pct: number) =>
    call((t as TestApp).app, {
      method: "PATCH",
      url: "/api/orgs/shop/charter",
      headers: owner.write,
      payload: { max_discount_pct: pct },
    });

  it("answers 503 while another writer holds the lock past the busy timeout, then writes", async () => {
    t = await buildTestApp("sqlite");
    const owner = await signIn(t, "owner");
    const other = new SQLite(t.store.location);
    try {
      other.exec("BEGIN EXCLUSIVE");
      const locked = await setDiscount(owner, 11);
      expect(locked.status).toBe(503);
      expect(locked.body.error.code).toBe("DATABASE_UNAVAILABLE");
      // Reads go on (WAL): the charter still says what it said.
      expect((await charter({ app: t.app, owner } as Running)).status).toBe(200);
      other.exec("ROLLBACK");
    } finally {
      other.close();
    }
    const ok = await setDiscount(owner, 11);
    expect(ok.status).toBe(200);
    expect(ok.body.charter.max_discount_pct).toBe(11);
  });

  it("answers 503 on a read-only file, and writes again once it is writable", async () => {
    t = await buildTestApp("sqlite");
    const owner = await signIn(t, "owner");
    // The tests run as root, who may write any file: SQLite's own switch stands in for a
    // read-only mount (same error, SQLITE_READONLY).
    await sql`PRAGMA query_only = ON`.execute(t.store.db);
    const refused = await setDiscount(owner, 13);
    expect(refused.status).toBe(503);
    expect(refused.body.error.code).toBe("DATABASE_UNAVAILABLE");
    await sql`PRAGMA query_only = OFF`.execute(t.store.db);
    expect((await setDiscount(owner, 13)).status).toBe(200);
  });

  it("keeps the file's path out of the answer", async () => {
    t = await buildTestApp("sqlite");
    const owner = await signIn(t, "owner");
    await sql`PRAGMA query_only = ON`.execute(t.store.db);
    const refused = await setDiscount(owner, 14);
    expect(JSON.stringify(refused.body)).not.toContain(t.store.location);
    expect(JSON.stringify(refused.body)).not.toMatch(/SQLITE|readonly/i);
    await sql`PRAGMA query_only = OFF`.execute(t.store.db);
  });
});
