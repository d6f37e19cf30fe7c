/**
 * The origins allowed to send cookie-authenticated writes: the public URL's, plus its
 * 127.0.0.1 / localhost twin, since both reach a server started on this machine.
 */
export function trustedOrigins(publicUrl: string): string[] {
  const url = new URL(publicUrl);
  const origins = [url.origin];
  const twin =
    url.hostname === "localhost"
      ? "127.0.0.1"
      : url.hostname === "127.0.0.1"
        ? "localhost"
        : undefined;
  if (twin) {
    url.hostname = twin;
    origins.push(url.origin);
  }
  return origins;
}
