/**
 * The session signing secret, kept outside the database so that a copy of the database cannot
 * forge a session cookie (issue 15). In order: the `secret` option (tests), COMPTOIR_SECRET,
 * BETTER_AUTH_SECRET, then a file: COMPTOIR_SECRET_FILE, else `comptoir.secret` beside the
 * SQLite file, else `./data/comptoir.secret` (PostgreSQL). The file is created on first start
 * with 0600 permissions; one readable by others is refused. Documented in docs/security.md.
 */
import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { AppError } from "../../domain/errors.ts";
import type { Store } from "../../store/database.ts";

export const SECRET_FILE_NAME = "comptoir.secret";
const MIN_LENGTH = 32;

/** Where the secret file goes for this store when COMPTOIR_SECRET_FILE does not say. */
export function defaultSecretFile(store: Pick<Store, "dialect" | "location">): string | null {
  if (store.dialect === "sqlite") {
    return store.location === ":memory:" ? null : join(dirname(store.location), SECRET_FILE_NAME);
  }
  return resolve("data", SECRET_FILE_NAME);
}

export interface SecretSource {
  secret?: string;
  /** A file path; default from the environment, then the store (defaultSecretFile). */
  file?: string;
  env?: NodeJS.ProcessEnv;
}

/** @example const secret = resolveAuthSecret(store, { env: process.env }) */
export function resolveAuthSecret(
  store: Pick<Store, "dialect" | "location">,
  source: SecretSource = {},
): string {
  const env = source.env ?? process.env;
  const [name, given] = source.secret
    ? ["secret", source.secret]
    : env.COMPTOIR_SECRET
      ? ["COMPTOIR_SECRET", env.COMPTOIR_SECRET]
      : ["BETTER_AUTH_SECRET", env.BETTER_AUTH_SECRET];
  if (given) {
    if (given.length < MIN_LENGTH) {
      throw new AppError(
        "USAGE",
        `${name}: at least ${MIN_LENGTH} characters are needed (it has ${given.length})`,
      );
    }
    return given;
  }
  const file = source.file || env.COMPTOIR_SECRET_FILE || defaultSecretFile(store);
  // An in-memory database lives as long as the process: so does its secret.
  if (file === null) return randomBytes(32).toString("base64url");
  return readOrCreateSecretFile(file);
}

function readOrCreateSecretFile(file: string): string {
  mkdirSync(dirname(file), { recursive: true });
  try {
    // `wx`: never overwrite one another process created meanwhile.
    writeFileSync(file, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600, flag: "wx" });
    chmodSync(file, 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const mode = statSync(file).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new AppError(
      "USAGE",
      `${file}: the session secret is readable by others (mode ${mode.toString(8)}); run chmod 600 ${file}`,
    );
  }
  const secret = readFileSync(file, "utf8").trim();
  if (secret.length < MIN_LENGTH) {
    throw new AppError(
      "USAGE",
      `${file}: the session secret is shorter than ${MIN_LENGTH} characters; delete the file to get a new one`,
    );
  }
  return secret;
}
