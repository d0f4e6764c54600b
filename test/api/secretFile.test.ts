import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/platform/config.js';
import { createPiiCipher } from '../../src/platform/pii/cipher.js';

/**
 * The personal-data key can live outside the data folder (FANGKONG_SECRET_FILE), so a copy of the
 * data folder alone reads no ID number or phone (README "Where the key lives").
 */
const roots: string[] = [];
function sandbox() {
  const root = mkdtempSync(join(tmpdir(), 'fk-secret-'));
  roots.push(root);
  return { dataDir: join(root, 'data'), keyFile: join(root, 'keys', 'fangkong.key') };
}
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('FANGKONG_SECRET_FILE', () => {
  it('creates the key outside the data folder on first start, mode 0600, and reads it back', () => {
    const { dataDir, keyFile } = sandbox();
    const env = { FANGKONG_DATA_DIR: dataDir, FANGKONG_SECRET_FILE: keyFile };
    const first = loadConfig(env);
    expect(existsSync(keyFile)).toBe(true);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(existsSync(join(dataDir, 'secret.key'))).toBe(false);
    expect(loadConfig(env).secret).toBe(first.secret);
    expect(readFileSync(keyFile, 'utf8').trim()).toBe(first.secret);
  });

  it('makes a copy of the data folder alone useless: another key cannot decrypt', () => {
    const { dataDir, keyFile } = sandbox();
    const secret = loadConfig({ FANGKONG_DATA_DIR: dataDir, FANGKONG_SECRET_FILE: keyFile }).secret;
    const sealed = createPiiCipher(secret).encrypt('211122198001010017');
    // Started on the copied folder without the key file, the platform makes itself a new key.
    const elsewhere = sandbox();
    const stranger = loadConfig({ FANGKONG_DATA_DIR: elsewhere.dataDir }).secret;
    expect(() => createPiiCipher(stranger).decrypt(sealed)).toThrow();
    expect(createPiiCipher(secret).decrypt(sealed)).toBe('211122198001010017');
  });

  it('refuses a key file inside the data folder, and a key left behind in it', () => {
    const { dataDir, keyFile } = sandbox();
    expect(() =>
      loadConfig({ FANGKONG_DATA_DIR: dataDir, FANGKONG_SECRET_FILE: join(dataDir, 'k', 'secret') }),
    ).toThrow(ConfigError);
    loadConfig({ FANGKONG_DATA_DIR: dataDir }); // an install that began with the key in the folder
    expect(() => loadConfig({ FANGKONG_DATA_DIR: dataDir, FANGKONG_SECRET_FILE: keyFile })).toThrow(
      /still holds a key/,
    );
  });

  it('refuses a short key and accepts a server deployment with a key file', () => {
    const { dataDir, keyFile } = sandbox();
    loadConfig({ FANGKONG_DATA_DIR: dataDir, FANGKONG_SECRET_FILE: keyFile });
    writeFileSync(keyFile, 'short\n');
    expect(() => loadConfig({ FANGKONG_DATA_DIR: dataDir, FANGKONG_SECRET_FILE: keyFile })).toThrow(
      /at least 32/,
    );
    writeFileSync(keyFile, `${'k'.repeat(40)}\n`);
    const config = loadConfig({
      FANGKONG_DATA_DIR: dataDir,
      FANGKONG_SECRET_FILE: keyFile,
      DATABASE_URL: 'postgres://localhost/x',
    });
    expect(config.secret).toBe('k'.repeat(40));
    expect(() => loadConfig({ FANGKONG_DATA_DIR: dataDir, DATABASE_URL: 'postgres://localhost/x' })).toThrow(
      /FANGKONG_SECRET_FILE/,
    );
  });
});
