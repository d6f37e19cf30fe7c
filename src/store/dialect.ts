/**
 * The few places where SQLite and PostgreSQL differ, kept in one small file
 * (everything else is written once with Kysely).
 */
import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter } from "kysely";

export type DialectName = "sqlite" | "postgres";

export function dialectOf(db: Kysely<unknown>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}

/** Column type of an auto-incremented integer primary key. */
export function autoIncrementType(db: Kysely<unknown>): "integer" | "bigserial" {
  return dialectOf(db) === "postgres" ? "bigserial" : "integer";
}

/** Primary-key constraint of that column: bigserial increments by itself on PostgreSQL. */
export function autoIncrementPrimaryKey(
  db: Kysely<unknown>,
  column: ColumnDefinitionBuilder,
): ColumnDefinitionBuilder {
  return dialectOf(db) === "postgres" ? column.primaryKey() : column.primaryKey().autoIncrement();
}

/** How many bound parameters one statement may carry (SQLite 32,766; PostgreSQL 65,535). */
export function maxParameters(dialect: DialectName): number {
  return dialect === "postgres" ? 65_000 : 32_000;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}
