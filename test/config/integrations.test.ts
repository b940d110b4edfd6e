// The integrations file an operator writes: each mistake named by its field, no secret printed.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadIntegrations, parseIntegrationsFile } from '../../config/integrations.js';
import { parseConfig } from '../../config/env.js';

const SECRET = 'an-integration-secret-of-32-chars!';
const file = (integrations: unknown[]) => JSON.stringify({ integrations });

describe('the integrations file', () => {
  it('knows no source without a file', () => {
    expect(loadIntegrations(parseConfig({})).size).toBe(0);
  });

  it('reads each source with its channel, platform and up to two secrets', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plaint-integrations-'));
    const path = join(dir, 'integrations.json');
    writeFileSync(path, file([
      { source: 'instagram', channel: 'social_media', platform: 'Instagram', secrets: [SECRET, `${SECRET}-old`] },
      { source: 'site-chat', channel: 'live_chat', platform: 'Site chat', secrets: [] },
    ]));
    const integrations = loadIntegrations(parseConfig({ INTEGRATIONS_CONFIG_FILE: path }));
    expect(integrations.get('instagram')).toEqual({ source: 'instagram', channel: 'social_media', platform: 'Instagram', secrets: [SECRET, `${SECRET}-old`] });
    expect(integrations.get('site-chat')?.secrets).toEqual([]);
  });

  it('names every bad field, and never the secret it refuses', () => {
    const text = file([
      { source: 'Instagram!', channel: 'email', platform: '', secrets: ['short-secret-value'] },
      { source: 'whatsapp', channel: 'social_media', platform: 'WhatsApp', secrets: [SECRET, SECRET, SECRET] },
    ]);
    let message = '';
    try {
      parseIntegrationsFile(text, 'integrations.json');
    } catch (err) {
      message = (err as Error).message;
    }
    for (const field of ['integrations.0.source', 'integrations.0.channel', 'integrations.0.platform', 'integrations.0.secrets.0', 'integrations.1.secrets: at most two secrets']) {
      expect(message).toContain(field);
    }
    expect(message).not.toContain('short-secret-value');
  });

  it('refuses a source listed twice', () => {
    const twice = { source: 'instagram', channel: 'social_media', platform: 'Instagram', secrets: [SECRET] };
    expect(() => parseIntegrationsFile(file([twice, twice]), 'integrations.json')).toThrow("source 'instagram' is listed twice");
  });
});
