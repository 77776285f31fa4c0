// A real SMTP server for email tests (the smtp-server package), collecting every message parsed
// with mailparser so a test reads what a person would: subject, text, HTML, links, attachments.
// Inspection over HTTP too (for Playwright specs in another process): `inboxUrl` GET lists the
// messages (attachments as base64), DELETE clears them.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  from: string;
  /** Envelope recipients (RCPT TO), what the server really delivered to. */
  to: string[];
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; contentType: string; contentBase64: string }[];
  /** The user the client authenticated as, when it did. */
  authUser?: string;
}

export interface TestSmtpServer {
  host: string;
  port: number;
  /** Credentials the server accepts (any other login is refused with 535). */
  user: string;
  password: string;
  inboxUrl: string;
  messages(): ReceivedMail[];
  /** Resolves when `count` messages have arrived (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  clear(): void;
  close(): Promise<void>;
}

export async function startSmtpServer(options: { user?: string; password?: string } = {}): Promise<TestSmtpServer> {
  const user = options.user ?? "alerts";
  const password = options.password ?? "smtp-test-password";
  const messages: ReceivedMail[] = [];
  const waiters: (() => void)[] = [];
  const server = new SMTPServer({
    // Plain SMTP on loopback; AUTH PLAIN/LOGIN allowed without TLS for the test only.
    secure: false,
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    authOptional: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === password) callback(null, { user: auth.username });
      else callback(new Error("535 invalid credentials"));
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            html: typeof mail.html === "string" ? mail.html : "",
            attachments: mail.attachments.map((a) => ({ filename: a.filename ?? "", contentType: a.contentType, contentBase64: a.content.toString("base64") })),
            authUser: typeof session.user === "string" ? session.user : undefined,
          });
          waiters.splice(0).forEach((w) => w());
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;

  const inbox = http.createServer((req, res) => {
    if (req.method === "DELETE") messages.length = 0;
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(messages));
  });
  await new Promise<void>((resolve) => inbox.listen(0, "127.0.0.1", resolve));
  const inboxPort = (inbox.address() as AddressInfo).port;

  const waitFor = (count: number, timeoutMs = 10_000) =>
    new Promise<ReceivedMail[]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`expected ${count} message(s), got ${messages.length} within ${timeoutMs} ms`)), timeoutMs);
      const check = () => {
        if (messages.length >= count) {
          clearTimeout(timer);
          resolve([...messages]);
        } else waiters.push(check);
      };
      check();
    });

  return {
    host: "127.0.0.1",
    port,
    user,
    password,
    inboxUrl: `http://127.0.0.1:${inboxPort}/`,
    messages: () => [...messages],
    waitFor,
    clear: () => (messages.length = 0),
    close: async () => {
      await new Promise<void>((resolve) => inbox.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
