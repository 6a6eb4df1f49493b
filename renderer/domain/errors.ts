/**
 * A rule was broken by the input. `code` is stable and has a message in every UI language
 * (catalogue key `error.<code>`); `detail` is for logs and developers.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${code}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ''}`);
    this.name = 'DomainError';
  }
}
