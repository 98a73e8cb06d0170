import type { HttpHeader } from '../../core/capture';

/** Response headers exactly as received: order and duplicates kept, values as text. */
export function HeadersTable({ headers, caption = 'Response headers' }: { headers: HttpHeader[]; caption?: string }) {
  return (
    <section class="panel" aria-label={caption}>
      <h2>
        {caption} <span class="count">{headers.length}</span>
      </h2>
      {headers.length === 0 ? (
        <p class="empty">The response had no headers.</p>
      ) : (
        <table class="headers" data-testid="response-headers">
          <tbody>
            {headers.map((header, index) => (
              <tr key={index} data-testid="header-row">
                <th scope="row" class="header-name">{header.name}</th>
                <td class="header-value">{header.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
