import { describe, expect, it, vi } from 'vitest';
import { isIgnoredFileName, listCandidateFiles, type FolderEntry, type Platform } from '../../../renderer/platform/platform';

describe('isIgnoredFileName', () => {
  it.each([
    '.hidden',
    '.DS_Store',
    '~$report.docx',
    'bundle.tmp',
    'bundle.zlb.part',
    '.bundle.zlb.swp',
    'bundle.swp',
    'st1-0001.zlb.crswap',
    'notes.txt~',
    'st1-0001.zlb.0011223344556677.zltmp',
  ])('ignores %s', (name) => {
    expect(isIgnoredFileName(name)).toBe(true);
  });

  it.each(['st1-0001.zlb', 'README', 'zone.tmpl', 'swap.zlb'])('keeps %s', (name) => {
    expect(isIgnoredFileName(name)).toBe(false);
  });
});

describe('listCandidateFiles', () => {
  it('lists through the platform and drops what is ignored', async () => {
    const entry = (name: string): FolderEntry => ({ name, size: 1, modified: 0 });
    const listFolder = vi.fn(async () => [entry('a.zlb'), entry('a.zlb.0011223344556677.zltmp'), entry('.hidden'), entry('b.zlb')]);
    const platform = { listFolder } as unknown as Platform;
    const folder = { id: 'f', label: 'USB' };
    expect((await listCandidateFiles(platform, folder)).map((e) => e.name)).toEqual(['a.zlb', 'b.zlb']);
    expect(listFolder).toHaveBeenCalledWith(folder);
  });
});
