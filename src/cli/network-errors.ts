/**
 * Chromium's network error codes (net/base/net_error_list.h), as the browser reports them
 * for a navigation that got no response (`net::ERR_CONNECTION_REFUSED`), in the words a
 * person would use. Only the ones an audit meets in practice; others are shown as they are.
 */
const NETWORK_ERROR_WORDS: Readonly<Record<string, string>> = {
  ERR_CONNECTION_REFUSED: 'connection refused (is the server running on that port?)',
  ERR_NAME_NOT_RESOLVED: 'host name not found',
  ERR_NAME_RESOLUTION_FAILED: 'host name could not be looked up',
  ERR_ADDRESS_UNREACHABLE: 'host unreachable',
  ERR_ADDRESS_INVALID: 'invalid address',
  ERR_CONNECTION_TIMED_OUT: 'connection timed out',
  ERR_TIMED_OUT: 'timed out',
  ERR_CONNECTION_RESET: 'connection reset by the server',
  ERR_CONNECTION_CLOSED: 'the server closed the connection',
  ERR_EMPTY_RESPONSE: 'the server closed the connection without answering',
  ERR_INTERNET_DISCONNECTED: 'no network connection',
  ERR_NETWORK_CHANGED: 'the network changed during the load',
  ERR_UNSAFE_PORT: 'the browser refuses to connect to that port',
  ERR_SSL_PROTOCOL_ERROR: 'TLS handshake failed',
  ERR_SSL_VERSION_OR_CIPHER_MISMATCH: 'TLS handshake failed: no protocol version or cipher in common',
  ERR_CERT_AUTHORITY_INVALID: 'the certificate is not issued by a trusted authority',
  ERR_CERT_COMMON_NAME_INVALID: 'the certificate is for another host name',
  ERR_CERT_DATE_INVALID: 'the certificate has expired or is not yet valid',
  ERR_TOO_MANY_REDIRECTS: 'too many redirects',
  ERR_INVALID_RESPONSE: 'the server sent an invalid response',
  ERR_BLOCKED_BY_CLIENT: 'blocked by the browser',
};

/** `net::ERR_CONNECTION_REFUSED` (or a message containing it) → `connection refused (…) (net::ERR_…)`. */
export function describeNetworkError(error: string): string {
  const code = /\b(?:net::)?(ERR_[A-Z0-9_]+)\b/.exec(error)?.[1];
  if (code === undefined) return error;
  const words = NETWORK_ERROR_WORDS[code] ?? (code.startsWith('ERR_CERT_') ? 'certificate error' : null);
  return words === null ? `net::${code}` : `${words} (net::${code})`;
}
