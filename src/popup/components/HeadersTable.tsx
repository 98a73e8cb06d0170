import type { HttpHeader } from '../../core/capture';
import { CopyButton } from './CopyButton';
import { matchesFilter } from '../filter';

/** Response headers exactly as received: order and duplicates kept, values as text. */
export function HeadersTable({ headers, caption = 'Response headers', filter = '' }: { headers: HttpHeader[]; caption?: string; filter?: string }) {
  const asText = headers.map((header) => `${header.name}: ${header.value}`).join('\n');
  return (
    <section class="panel" aria-label={caption}>
      <h2 class="with-actions">
        <span>
          {caption} <span class="count">{headers.length}</span>
        </span>
        <CopyButton text={asText} label="Copy all" testId="copy-headers" />
      </h2>
      {headers.length === 0 ? (
        <p class="empty">The response had no headers.</p>
      ) : (
        <table class="headers" data-testid="response-headers">
          <tbody>
            {headers.map((header, index) =>
              matchesFilter(filter, header.name, header.value) ? (
                <tr key={index} data-testid="header-row">
                  <th scope="row" class="header-name">{header.name}</th>
                  <td class="header-value">{header.value}</td>
                </tr>
              ) : null,
            )}
          </tbody>
        </table>
      )}
    </section>
  );
}
