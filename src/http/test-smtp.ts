/**
 * A real SMTP server on localhost (the `smtp-server` package) that keeps what it receives,
 * for the tests of mail delivery; `freePort` picks a port to start it on later ("the mail
 * server was down").
 * @example const smtp = await startSmtp(); const send = smtpMailer(smtp.url);
 */
import { createServer } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  to: string[];
  /** The raw message, soft line breaks of quoted-printable undone. */
  body: string;
}

export interface TestSmtp {
  port: number;
  /** For nodemailer: smtp://127.0.0.1:<port>?ignoreTLS=true */
  url: string;
  received: ReceivedMail[];
  /** Turns the next `count` recipients away with a temporary failure (451 mailbox busy). */
  refuseNext(count: number): void;
  close(): Promise<void>;
}

export function smtpUrl(port: number): string {
  return `smtp://127.0.0.1:${port}?ignoreTLS=true`;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * `auth`: the only user and password accepted (over plain text, as on a test bench); without
 * it, any client is accepted without signing in.
 */
export async function startSmtp(
  port = 0,
  auth?: { user: string; pass: string },
): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  let refusals = 0;
  const server = new SMTPServer({
    authOptional: auth === undefined,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth(login, _session, callback) {
      if (auth && login.username === auth.user && login.password === auth.pass) {
        return callback(null, { user: login.username });
      }
      callback(new Error("535 authentication failed"));
    },
    onRcptTo(_address, _session, callback) {
      if (refusals > 0) {
        refusals--;
        const error = new Error("mailbox busy, try later") as Error & { responseCode: number };
        error.responseCode = 451;
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      let body = "";
      stream.on("data", (chunk: Buffer) => {
        body += chunk.toString();
      });
      stream.on("end", () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          body: body.replace(/=\r?\n/g, "").replace(/=3D/g, "="),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const actual = (server.server.address() as { port: number }).port;
  return {
    port: actual,
    url: smtpUrl(actual),
    received,
    refuseNext: (count) => {
      refusals = count;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The secret of the first invitation link in a mail body. */
export function invitationSecret(body: string): string | undefined {
  return /\/invitations\/([\w-]+)/.exec(body)?.[1];
}

/** Waits until `check` holds, polling every 25 ms, at most `ms`. */
export async function waitFor(check: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`still not true after ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
