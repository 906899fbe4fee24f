import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// `npm run dist` cannot run here (no Electron download), so its configuration is checked with
// electron-builder's own loader and schema validation, which work offline.
const root = path.resolve(__dirname, '..', '..');
const req = createRequire(__filename);

interface BuilderConfig {
  appId?: string;
  productName?: string;
  /** Normalised by getConfig to one `{ filter }` set. */
  files?: Array<{ filter: string[] }>;
  asarUnpack?: string[];
  extraResources?: Array<{ from: string; to: string; filter: string[] }>;
  npmRebuild?: boolean;
  linux?: { target?: string[]; icon?: string };
  win?: { target?: Array<{ target: string }>; icon?: string };
  nsis?: { deleteAppDataOnUninstall?: boolean; oneClick?: boolean };
}

const { getConfig, validateConfiguration } = req('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: null): Promise<BuilderConfig>;
  validateConfiguration(config: BuilderConfig, debugLogger: unknown): Promise<void>;
};
const { DebugLogger } = req('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

describe('electron-builder.yml', () => {
  it('passes electron-builder\'s own schema validation', async () => {
    const config = await getConfig(root, null, null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    // The validation is real: a key electron-builder does not know is refused.
    await expect(validateConfiguration({ ...config, nsis: { ...config.nsis, notAnOption: 1 } as BuilderConfig['nsis'] }, new DebugLogger(false))).rejects.toThrow(/nsis/);
  });

  it('builds NSIS, AppImage and deb from build/ with the native addon outside the archive', async () => {
    const c = await getConfig(root, null, null);
    expect(c.appId).toBe('bd.hotspotdesk.desktop');
    expect(c.productName).toBe('HotspotDesk');
    expect(c.win?.target?.map((t) => t.target)).toEqual(['nsis']);
    expect(c.linux?.target).toEqual(['AppImage', 'deb']);
    expect(c.files?.flatMap((f) => f.filter)).toEqual(expect.arrayContaining(['build/**', '!build/demo/**', 'resources/**', '!resources/dictionary.*']));
    expect(c.asarUnpack).toContain('**/node_modules/better-sqlite3/**/*.node');
    expect(c.npmRebuild).toBe(true);
    expect(c.extraResources).toEqual([{ from: 'resources', to: 'resources', filter: ['dictionary.*'] }]);
    // The shop's data survives an uninstall.
    expect(c.nsis?.deleteAppDataOnUninstall).toBe(false);
    for (const f of fs.readdirSync(path.join(root, 'resources')).filter((n) => n.startsWith('dictionary.'))) {
      expect(f).toMatch(/^dictionary\.(mikrotik|wispr)$/);
    }
  });

  it('has the 512×512 icon, and scripts/make-icon.js draws exactly the committed one', () => {
    const png = fs.readFileSync(path.join(root, 'resources', 'icon.png'));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    const { drawIcon } = req('../../scripts/make-icon.js') as { drawIcon(size: number): Buffer };
    expect(drawIcon(512).equals(png)).toBe(true);
  });
});
