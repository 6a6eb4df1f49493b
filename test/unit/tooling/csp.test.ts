import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../../../build/csp';

const builtPage = 'dist/renderer/index.html';

describe('Content-Security-Policy', () => {
  it('allows no inline or remote script, no eval, no plugins', () => {
    for (const policy of [CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY]) {
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("object-src 'none'");
      expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    }
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(META_CONTENT_SECURITY_POLICY).not.toContain('frame-ancestors');
  });

  it('is in the built page (npm test builds before it runs)', () => {
    expect(existsSync(builtPage), `${builtPage} is missing: run npm run build`).toBe(true);
    const html = readFileSync(builtPage, 'utf8').replaceAll('&#39;', "'");
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY}">`);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});
