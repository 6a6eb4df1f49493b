import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

// The seams of architecture.md are enforced by the linter: each forbidden import below must fail
// lint at that path, and each allowed one must pass.
const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

const RESTRICTED = ['@typescript-eslint/no-restricted-imports', 'no-restricted-imports'];
const isRestricted = (ids: string[]) => ids.some((id) => RESTRICTED.includes(id));

describe('architecture seams', () => {
  it.each([
    ['renderer/features/x.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;"],
    ['renderer/data/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;"],
    ['renderer/data/x.ts', "import { join } from 'path';\nexport const x = join;"],
    ['renderer/platform/x.ts', "import { CHANNELS } from '../../electron/shared/ipc-contract';\nexport const x = CHANNELS;"],
    ['renderer/platform/x.ts', "import { x as y } from '../../electron/main/index';\nexport const x = y;"],
    ['renderer/domain/x.ts', "import { useState } from 'react';\nexport const x = useState;"],
    ['renderer/sync/x.ts', "import Dexie from 'dexie';\nexport const x = Dexie;"],
    ['renderer/sync/x.ts', "import { db } from '../data/db';\nexport const x = db;"],
    ['renderer/domain/x.ts', "import { y } from '../features/settings/y';\nexport const x = y;"],
    ['renderer/data/x.ts', "import { y } from '../features/settings/y';\nexport const x = y;"],
    ['renderer/features/x/Page.tsx', "import { useLiveQuery } from 'dexie-react-hooks';\nexport const x = useLiveQuery;"],
    ['renderer/components/X.tsx', "import { db } from '../data/db';\nexport const x = db;"],
    ['electron/main/x.ts', "import { y } from '../../renderer/domain/y';\nexport const x = y;"],
  ])('%s may not: %s', async (filePath, code) => {
    expect(isRestricted(await ruleIds(filePath, code))).toBe(true);
  });

  it.each([
    ['renderer/platform/x.ts', "import type { ZonelinkBridge } from '../../electron/shared/ipc-contract';\nexport type X = ZonelinkBridge;"],
    ['renderer/hooks/x.ts', "import { useLiveQuery } from 'dexie-react-hooks';\nexport const x = useLiveQuery;"],
    ['renderer/data/x.ts', "import Dexie from 'dexie';\nexport const x = Dexie;"],
    ['electron/main/x.ts', "import { join } from 'node:path';\nexport const x = join;"],
  ])('%s may: %s', async (filePath, code) => {
    expect(isRestricted(await ruleIds(filePath, code))).toBe(false);
  });

  it('keeps text a person reads out of JSX (react/jsx-no-literals)', async () => {
    const ids = await ruleIds('renderer/components/Hello.tsx', 'export function Hello() { return <p>Goedemorgen</p>; }\n');
    expect(ids).toContain('react/jsx-no-literals');
    const clean = await ruleIds('renderer/components/Hello.tsx', 'export function Hello({ text }: { text: string }) { return <p>{text}</p>; }\n');
    expect(clean).not.toContain('react/jsx-no-literals');
  });
});
