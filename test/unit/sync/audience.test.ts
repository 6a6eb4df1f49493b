import { describe, expect, it } from 'vitest';
import { isStream, NET, streamOf, streamZones, zonesAudience, zoneSees } from '../../../renderer/sync/audience';

describe('audiences and streams', () => {
  it('names each audience once: the network, one zone, or the sorted zones of a loan', () => {
    expect(streamOf(NET)).toBe('net');
    expect(streamOf(zonesAudience('polder'))).toBe('zone:polder');
    expect(streamOf(zonesAudience('vlas', 'polder'))).toBe('loan:polder+vlas');
    expect(streamOf(zonesAudience('polder', 'vlas', 'polder'))).toBe('loan:polder+vlas');
    expect(streamOf(zonesAudience('riho', 'riho'))).toBe('zone:riho');
    expect(() => streamOf(zonesAudience())).toThrow(RangeError);
    expect(() => streamOf(zonesAudience('a+b'))).toThrow(RangeError);
  });

  it('reads the zones a stream reaches from its name alone', () => {
    expect(streamZones('net')).toBe('all');
    expect(streamZones('zone:polder')).toEqual(['polder']);
    expect(streamZones('loan:polder+vlas')).toEqual(['polder', 'vlas']);
    for (const bad of ['', 'zone:', 'loan:vlas+polder', 'loan:polder', 'loan:polder+polder', 'zones:a+b', 'zone:a b', 'NET']) {
      expect(streamZones(bad), bad).toBeNull();
      expect(isStream(bad), bad).toBe(false);
    }
  });

  it('lets a zone hold only the streams it belongs to', () => {
    expect(zoneSees('net', 'riho')).toBe(true);
    expect(zoneSees('zone:riho', 'riho')).toBe(true);
    expect(zoneSees('zone:riho', 'vlas')).toBe(false);
    expect(zoneSees('loan:polder+vlas', 'vlas')).toBe(true);
    expect(zoneSees('loan:polder+vlas', 'riho')).toBe(false);
    expect(zoneSees('loan:vlas+polder', 'vlas')).toBe(false);
  });
});
